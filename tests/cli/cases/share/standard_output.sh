. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# `--out -` writes the file to standard output, its summary to standard error, and the file pipes
# into a reader that takes `-` or /dev/stdin (docs/CLI.md).
record_with profile competences
"$KARTLA_BIN" share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose Praktik --out - 2>share.err |
  kartla open - --as a.id --section profile --language en
cat share.err
"$KARTLA_BIN" share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose Praktik --out - -q 2>share.err |
  kartla verify /dev/stdin
echo "stderr with -q: $(wc -c <share.err) bytes"
grant=$(output kartla share rec.kartla "${OWNER[@]}" --to b.card --sections competences --purpose Praktik --out b.bundle --json | json - grant_id)
"$KARTLA_BIN" bundle rec.kartla "${OWNER[@]}" --grant "$grant" --out - >b-again.bundle 2>bundle.err
cat bundle.err
kartla verify b-again.bundle
"$KARTLA_BIN" receipt rec.kartla "${OWNER[@]}" --grant "$grant" --out - -q | kartla receipt show -
"$KARTLA_BIN" agency card a.id --out - -q | kartla agency show -
# Refused: two standard outputs, --json beside one, a record or identity that is saved in place.
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose Praktik --out - --json
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose Praktik --out - --receipt -
kartla record new "${OWNER[@]}" --out -
kartla identity new --out - "${KDF[@]}"
kartla verify - <owner.card
