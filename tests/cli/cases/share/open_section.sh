. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# open --section follows the rule of every `open`: text for a person by default (the section as
# the owner's `record show --section` shows it, in the reader's language), and with --json the
# section's protobuf JSON alone, which a JSON parser reads whole.
record_with profile competences
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,competences --purpose Uppföljning --out a.bundle
for source in a.bundle rec.kartla; do
  tee_to agency.txt kartla open "$source" --as a.id --section profile
  output kartla record show rec.kartla "${OWNER[@]}" --section profile >owner.txt
  same "open --section: the agency reads what the owner's view shows" owner.txt agency.txt
  tee_to profile.json kartla open "$source" --as a.id --section profile --json
  _tool layout profile.json  # pure JSON: nothing else around it
done
kartla open a.bundle --as a.id --section competences --language sv
