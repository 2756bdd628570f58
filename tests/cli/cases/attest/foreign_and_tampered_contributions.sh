. "$CASES/lib.sh"
. "$CASES/attest/_attest.sh"
# A contribution for another record of the same owner fails verification (exit 4); for another
# person it is not sealed to them (exit 5); a tampered one is refused before anything of it is
# shown (exit 5), and in a folder it is a warning while the good one is still listed (files that
# are not contributions at all are passed over without a word). An entry
# without an id, and an owner identity as the sender, are usage errors.
from_once "${CAST[@]}"
new_record
new_record rec2.kartla
rid=$(record_id)
name_value "$rid" RECORD_ID
echo "$CONTRIBUTED" >entry.json
quiet kartla contribute --as a.id --to owner.card --record-id "$rid" --section interventions --in entry.json --out c.kartla
kartla accept rec2.kartla c.kartla "${OWNER[@]}"
kartla inbox c.kartla "${OWNER[@]}" --record rec2.kartla
new_record their.kartla other.id
kartla accept their.kartla c.kartla --owner other.id
flip c.kartla t.kartla n//2
kartla inbox t.kartla "${OWNER[@]}"
stderr_lacks OCN Valideringscentrum
kartla accept rec.kartla t.kartla "${OWNER[@]}"
mkdir inbox
cp c.kartla inbox/1.kartla
cp t.kartla inbox/2.kartla
# What is not a contribution at all (a card, a note) is passed over quietly; a folder holding
# nothing else is an empty inbox.
cp owner.card inbox/0.card
echo 'meeting on Monday' >inbox/notes.txt
kartla inbox inbox "${OWNER[@]}"
stderr_lacks OCN 0.card notes.txt
mkdir empty
cp owner.card empty/
kartla inbox empty "${OWNER[@]}"
echo '{"title": "x"}' >noid.json
kartla contribute --as a.id --to owner.card --record-id "$rid" --section interventions --in noid.json --out x.kartla
kartla contribute --as owner.id --to owner.card --record-id "$rid" --section interventions --in entry.json --out x.kartla
