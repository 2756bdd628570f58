. "$CASES/lib.sh"
# --passphrase-file reads the file up to its first line ending (LF, CRLF or none), and wins over
# KARTLA_PASSPHRASE; a passphrase with a trailing space is another passphrase.
KARTLA_PASSPHRASE="from a file" quiet kartla identity new --out owner.id "${KDF[@]}"
printf 'from a file\nsecond line is ignored\n' >pass-lf
printf 'from a file\r\n' >pass-crlf
printf 'from a file' >pass-bare
for f in pass-lf pass-crlf pass-bare; do
  (unset KARTLA_PASSPHRASE; kartla identity fingerprint owner.id --passphrase-file "$f")
done
KARTLA_PASSPHRASE="not this one" kartla identity fingerprint owner.id --passphrase-file pass-lf
KARTLA_PASSPHRASE="from a file " kartla identity fingerprint owner.id
