. "$CASES/lib.sh"
# A weak new passphrase, given where nobody can answer a question (a variable, a file), is used
# with a warning in the catalogue's words (libpwquality's reason, mapped); a strong one is not
# warned about. Typed on a terminal, the person chooses (test_prompt.py).
KARTLA_PASSPHRASE=sommar2024 kartla identity new --out low-score.id "${KDF[@]}" -q
KARTLA_PASSPHRASE=password kartla identity new --out dictionary.id "${KDF[@]}" -q
KARTLA_PASSPHRASE=abc12 kartla --language sv identity new --out short.id "${KDF[@]}" -q
KARTLA_PASSPHRASE='kanelbulle-regn-cykel-Malmö-42' kartla identity new --out strong.id "${KDF[@]}" -q
stderr_lacks weak
printf 'qwertyuiop\n' >new-passphrase
KARTLA_PASSPHRASE='kanelbulle-regn-cykel-Malmö-42' kartla --language fi identity passwd strong.id --new-passphrase-file new-passphrase
KARTLA_PASSPHRASE=qwertyuiop kartla identity fingerprint strong.id
# Unlocking an existing identity judges nothing.
KARTLA_PASSPHRASE=sommar2024 kartla identity fingerprint low-score.id
stderr_lacks weak
