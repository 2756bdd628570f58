. "$CASES/lib.sh"
. "$CASES/receipt/_receipt.sh"
# receipt show pins the owner (exit 5 for another) and the agency (exit 4: not to this agency);
# cards of the wrong kind are usage errors; altered bytes, a cut-off file and other kinds of file
# fail verification (exit 4).
record_with profile
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --out a.bundle --receipt a.receipt
unset KARTLA_PASSPHRASE
kartla receipt show a.receipt --owner-card other.card
kartla receipt show a.receipt --agency-card b.card
kartla receipt show a.receipt --owner-card a.card
kartla receipt show a.receipt --agency-card owner.card
for offset in 20 n//2 n-1; do
  flip a.receipt bad.receipt "$offset"
  kartla receipt show bad.receipt
done
cut_to a.receipt cut.receipt n-1
kartla receipt show cut.receipt
kartla receipt show a.bundle
kartla receipt show owner.card
