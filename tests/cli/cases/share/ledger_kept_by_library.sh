. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# The sharing ledger is the library's own: neither set (as read back, empty, or the example) nor
# removed, and the record is unchanged. It still describes the grants, so revocation works.
record_with profile
tee_to share.json kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --out a.bundle --json
name_value "$(json share.json grant_id)" GRANT
output kartla record get rec.kartla "${OWNER[@]}" --section sharing_ledger >ledger-as-read.json
echo '{}' >ledger-empty.json
keep_copy rec.kartla
for source in ledger-as-read.json ledger-empty.json "$EX/sharing_ledger.json"; do
  kartla record set rec.kartla "${OWNER[@]}" --section sharing_ledger --in "$source"
done
kartla record remove rec.kartla "${OWNER[@]}" --section sharing_ledger
compare_copy rec.kartla
kartla revoke rec.kartla "${OWNER[@]}" --from a.card
edited_profile Nadia
quiet kartla record set rec.kartla "${OWNER[@]}" --section profile --in profile-Nadia.json
kartla open rec.kartla --as a.id --section profile
kartla record ledger rec.kartla "${OWNER[@]}" --json
