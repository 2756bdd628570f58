. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# Revoking A (the README's form) moves what A's grant covered to new keys and re-issues B's grant:
# A reads nothing written afterwards, from the record or B's new bundle, and its grant is never
# exported again; what was shared cannot be unshared (A's old bundle still opens); B reads the new
# content. The ledger shows both grants, A's revoked, with every field, and the events.
record_with profile competences
tee_to a.json kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,competences --purpose Kartläggning \
  --expires 2099-06-30 --out a.bundle --json
tee_to b.json kartla share rec.kartla "${OWNER[@]}" --to b.card --sections profile --purpose Matchning --out b.bundle --json
grant_a=$(json a.json grant_id) grant_b=$(json b.json grant_id)
name_value "$grant_a" GRANT_A
name_value "$grant_b" GRANT_B
output kartla record get rec.kartla "${OWNER[@]}" --section profile >before.json
kartla revoke rec.kartla --owner owner.id --from a.card
edited_profile Nadia
quiet kartla record set rec.kartla "${OWNER[@]}" --section profile --in profile-Nadia.json
output kartla record get rec.kartla "${OWNER[@]}" --section profile >after.json
echo "given name written: $(json after.json given_name)"
quiet kartla bundle rec.kartla "${OWNER[@]}" --grant "$grant_b" --out b-new.bundle
kartla open rec.kartla --as a.id --section profile
kartla open rec.kartla --as a.id --section competences
kartla open rec.kartla --as a.id
kartla open b-new.bundle --as a.id --section profile
kartla bundle rec.kartla "${OWNER[@]}" --grant "$grant_a" --out x.bundle
output kartla open a.bundle --as a.id --section profile --json >got.json
same "A keeps what it had" before.json got.json
for source in rec.kartla b-new.bundle; do
  output kartla open "$source" --as b.id --section profile --json >got.json
  same "B reads the new content from $source" after.json got.json
done
kartla revoke rec.kartla "${OWNER[@]}" --from a.card
tee_to ledger.json kartla record ledger rec.kartla "${OWNER[@]}" --json
granted=$(json ledger.json grants.0.granted_at) revoked=$(json ledger.json grants.0.revoked_at)
if [[ ! $revoked < $granted ]]; then echo "A's grant was revoked at or after it was granted"; fi
kartla record ledger rec.kartla --owner owner.id
