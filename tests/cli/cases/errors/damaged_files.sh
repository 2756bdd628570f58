. "$CASES/lib.sh"
# A flipped byte anywhere (framing, header, manifest, signature, ciphertext), a cut-off file, a
# byte too many, a file that is not Kartla's: exit 4 (an identity where a record belongs is a usage
# error, exit 2: attest/wrong_kind_of_file.sh shows the others). The
# record and its owner are the test vectors' (tests/vectors/record.json, identity.json), so that
# each flipped byte is the same byte in every run, and so is what it breaks.
_tool hexfile "$VECTORS/identity.json" identity_file owner.id
_tool hexfile "$VECTORS/record.json" versions.0.file rec.kartla
kartla verify rec.kartla
for offset in 7 20 n//3 n//2 n-1; do
  flip rec.kartla tampered.kartla "$offset" 0x40
  kartla verify tampered.kartla
done
# The last byte belongs to the profile's ciphertext: reading the profile fails, and never shows
# text; the notes, untouched, still read.
flip rec.kartla tampered.kartla n-1 0x01
kartla record get tampered.kartla --owner owner.id --section profile
kartla record get tampered.kartla --owner owner.id --section notes
for length in 0 5 12 n//2 n-1; do
  cut_to rec.kartla truncated.kartla "$length"
  kartla verify truncated.kartla
done
{ cat rec.kartla; printf '\0'; } >extra.kartla
kartla verify extra.kartla
printf 'Dear diary,\nthis is not a Kartla file.\n' >notes.txt
kartla verify notes.txt
kartla verify owner.id
printf 'KARTLAI\001garbage' >garbage.id
kartla identity fingerprint garbage.id
kartla identity fingerprint notes.txt
