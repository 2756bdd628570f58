. "$CASES/lib.sh"
# -q silences summaries, notes and progress, never errors, warnings, the requested output, or the
# recovery code of a new identity (docs/CLI.md): that code exists nowhere else.
kartla identity new --out owner.id -q "${KDF[@]}"
kartla identity card owner.id --out owner.card --quiet
exists owner.card
kartla identity fingerprint owner.card -q
kartla identity card owner.id --out owner.card -q
kartla agency show owner.card -q --json
# After `--` it is an argument like any other.
kartla identity fingerprint -- -q
# A weak passphrase given by variable: the warning stays under -q.
KARTLA_NEW_PASSPHRASE=sommar2024 kartla identity passwd owner.id -q
