. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# A was granted profile and languages; the profile is removed and written again (a new key), then
# shared with B alone. A's new bundle carries languages only, and A reads no profile from it or
# the record; revoking B rotates the profile and re-issues the grants covering it: not A's.
record_with profile languages
tee_to a.json kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,languages --purpose P --out a0.bundle --json
name_value "$(json a.json grant_id)" GRANT_A
quiet kartla record remove rec.kartla "${OWNER[@]}" --section profile
edited_profile Rewritten
quiet kartla record set rec.kartla "${OWNER[@]}" --section profile --in profile-Rewritten.json
quiet kartla share rec.kartla "${OWNER[@]}" --to b.card --sections profile --purpose P --out b.bundle
kartla bundle rec.kartla "${OWNER[@]}" --grant "$(json a.json grant_id)" --out a1.bundle
kartla open a1.bundle --as a.id --section profile
quiet kartla open a1.bundle --as a.id --section languages
kartla open rec.kartla --as a.id --section profile
kartla revoke rec.kartla "${OWNER[@]}" --from b.card --json
kartla open rec.kartla --as a.id --section profile
quiet kartla open rec.kartla --as a.id --section languages
