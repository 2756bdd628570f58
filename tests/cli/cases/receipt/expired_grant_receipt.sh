. "$CASES/lib.sh"
. "$CASES/receipt/_receipt.sh"
# Past the expiry by the owner's clock but not yet saved, the grant is still in the record: no
# receipt of its end yet (exit 3), nothing written. After the save that ends it, `receipt` writes
# the termination receipt: expired, at that save.
record_with profile
tee_to share.json kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose Praktik --expires 2099-06-30 --out a.bundle --json
grant=$(json share.json grant_id)
name_value "$grant" GRANT
KARTLA_NOW=2099-07-02 kartla receipt rec.kartla "${OWNER[@]}" --grant "$grant" --out x.receipt
exists x.receipt
KARTLA_NOW=2099-07-02 quiet kartla record set rec.kartla "${OWNER[@]}" --section profile --in "$EX/profile.json"
KARTLA_NOW=2099-07-02 kartla receipt rec.kartla "${OWNER[@]}" --grant "$grant" --out x.receipt --json
echo "x.receipt: $(size x.receipt) bytes"
sequence rec.kartla
(unset KARTLA_PASSPHRASE; kartla receipt show x.receipt --owner-card owner.card --agency-card a.card)
