. "$CASES/lib.sh"
. "$CASES/receipt/_receipt.sh"
# receipt show pins the owner (exit 5 for another) and the agency (exit 4: not to this agency);
# cards of the wrong kind and other kinds of Kartla file are usage errors (exit 2); altered bytes
# and a cut-off file fail verification (exit 4).
record_with profile
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --out a.bundle --receipt a.receipt
unset KARTLA_PASSPHRASE
kartla receipt show a.receipt --owner-card other.card
kartla receipt show a.receipt --agency-card b.card
kartla receipt show a.receipt --owner-card a.card
kartla receipt show a.receipt --agency-card owner.card
# The bytes changed are those of a receipt from the test vectors (tests/vectors/receipt.json), so
# that each is the same byte in every run, and so is what it breaks.
_tool hexfile "$VECTORS/receipt.json" receipts.0.file vector.receipt
for offset in 20 n//2 n-1; do
  flip vector.receipt bad.receipt "$offset"
  kartla receipt show bad.receipt
done
cut_to vector.receipt cut.receipt n-1
kartla receipt show cut.receipt
kartla receipt show a.bundle
kartla receipt show owner.card
