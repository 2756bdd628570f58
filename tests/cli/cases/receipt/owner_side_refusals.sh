. "$CASES/lib.sh"
. "$CASES/receipt/_receipt.sh"
# The owner's side refuses an unknown grant (exit 3), an existing --out (never overwritten), a
# --receipt that exists or is the bundle (nothing shared), a missing --grant, another identity.
record_with profile
tee_to share.json kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --out a.bundle --json
grant=$(json share.json grant_id)
name_value "$grant" GRANT
kartla receipt rec.kartla "${OWNER[@]}" --grant 00112233445566778899aabbccddeeff --out r.receipt
echo -n mine >r.receipt
kartla receipt rec.kartla "${OWNER[@]}" --grant "$grant" --out r.receipt
cat r.receipt && echo
keep_copy rec.kartla
kartla share rec.kartla "${OWNER[@]}" --to b.card --sections profile --purpose P --out b.bundle --receipt r.receipt
kartla share rec.kartla "${OWNER[@]}" --to b.card --sections profile --purpose P --out b.bundle --receipt b.bundle
compare_copy rec.kartla
exists b.bundle
kartla receipt rec.kartla "${OWNER[@]}" --out r2.receipt
kartla receipt rec.kartla --owner other.id --grant "$grant" --out r2.receipt
