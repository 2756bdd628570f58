. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# The agency's --last-seen: an older bundle or record file exits 7, whatever it is asked for; a
# new bundle for the grant holds the new content; an unknown grant exits 3.
record_with profile
tee_to share.json kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --out old.bundle --json
grant=$(json share.json grant_id)
name_value "$grant" GRANT
cp rec.kartla old.kartla
edited_profile Mira
quiet kartla record set rec.kartla "${OWNER[@]}" --section profile --in profile-Mira.json
tee_to bundle.json kartla bundle rec.kartla "${OWNER[@]}" --grant "$grant" --out new.bundle --json
old=$(json share.json sequence) new=$(json bundle.json sequence)
echo "sequence $old, then $new"
echo "new.bundle: $(size new.bundle) bytes"
echo "given name in new.bundle: $(output kartla open new.bundle --as a.id --section profile --json | json - given_name)"
for older in old.bundle old.kartla; do
  quiet kartla open "$older" --as a.id --section profile --last-seen "$old"
  kartla open "$older" --as a.id --section profile --last-seen "$new"
  kartla open "$older" --as a.id --json --last-seen "$new"
  kartla open "$older" --as a.id --last-seen "$new"
done
for newer in new.bundle rec.kartla; do
  quiet kartla open "$newer" --as a.id --section profile --last-seen "$new"
  kartla open "$newer" --as a.id --last-seen x
done
kartla bundle rec.kartla "${OWNER[@]}" --grant 00000000000000000000000000000000 --out x.bundle
kartla bundle rec.kartla "${OWNER[@]}" --grant "$grant" --out new.bundle
