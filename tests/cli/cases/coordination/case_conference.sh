. "$CASES/lib.sh"
. "$CASES/coordination/_coordination.sh"
# SPEC §7.7: one bundle for three agencies, each with its own sections, one purpose and expiry;
# each agency opens it with its own identity and reads only its own sections; one ledger entry
# per agency.
record_with profile languages competences action_plan
kartla share rec.kartla "${OWNER[@]}" --to kommun.card --to af.card --to fk.card \
  --sections kommun=profile,action_plan --sections af=languages,competences --sections fk=action_plan \
  --purpose "samordningsmöte 2027-02-03" --expires 2099-03-03 --out meeting.kartla --json
for who in kommun af fk; do
  kartla open meeting.kartla --as "$who.id"
done
quiet kartla open meeting.kartla --as fk.id --section action_plan
kartla open meeting.kartla --as fk.id --section profile
kartla open meeting.kartla --as af.id --section action_plan
kartla verify meeting.kartla
output kartla record ledger rec.kartla "${OWNER[@]}" --json >ledger.json
echo "ledger entries for the meeting: $(grep -c '"purpose": "samordningsmöte 2027-02-03"' ledger.json)"
