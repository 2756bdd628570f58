. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# open without --section lists what the agency may read, as JSON and in words, from the bundle
# and from the record file alike: the record, each grant's purpose, basis, expiry and sections;
# in words, it then shows the shared sections as the owner's record view does. --json is JSON
# alone.
record_with profile competences
tee_to share.json kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,competences \
  --purpose Uppföljning --expires 2099-06-30 --out a.bundle --json
echo "a.bundle: $(size a.bundle) bytes"
name_value "$(json share.json grant_id)" GRANT
kartla verify rec.kartla --json
for source in a.bundle rec.kartla; do
  tee_to open.json kartla open "$source" --as a.id --json
  _tool layout open.json  # pure JSON: python's json.loads reads all of it, nothing else around it
  kartla open "$source" --as a.id
done
# --at marks expired grants.
kartla open a.bundle --as a.id --at 2099-07-01
