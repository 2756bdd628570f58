. "$CASES/lib.sh"
. "$CASES/attest/_attest.sh"
# Issue 10 item 7: contribute refuses what the owner's `record set` would refuse, naming field
# and rule, and writes nothing; accept validates the whole merged section and, refusing, leaves
# the record as it was; once the section allows it the same contribution merges, and the owner
# can write the merged section back.
from_once "${CAST[@]}"
new_record
rid=$(record_id)
name_value "$rid" RECORD_ID
contribute=(contribute --as a.id --to owner.card --record-id "$rid" --section interventions --in entry.json --out c.kartla)
echo '{"id": "af-1", "title": "Arbetsträning", "status": "ONGOING"}' >entry.json
kartla "${contribute[@]}"
exists c.kartla
echo '{"id": "af-1", "title": "Arbetsträning", "status": "ONGOING", '"${REGISTER/2120001140/2120001141}"'}' >entry.json
kartla "${contribute[@]}"
exists c.kartla
echo '{"entries": [{"id": "af-1", "title": "Arbetsträning", "status": "ONGOING"}]}' >own.json
kartla record set rec.kartla "${OWNER[@]}" --section interventions --in own.json
# Valid on its own, but it names an intervention the owner does not have: only the owner's
# accept, seeing the whole section, can tell.
echo '{"entries": [{"id": "i1", "title": "Praktik i kök", "status": "ONGOING", "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}}]}' >mine.json
quiet kartla record set rec.kartla "${OWNER[@]}" --section interventions --in mine.json
echo '{"id": "af-1", "title": "Arbetsträning", "status": "ONGOING", "parallel_with": ["i9"], '"$REGISTER"'}' >entry.json
quiet kartla "${contribute[@]}"
keep_copy rec.kartla
output kartla record get rec.kartla "${OWNER[@]}" --section interventions >before.json
kartla accept rec.kartla c.kartla "${OWNER[@]}"
compare_copy rec.kartla
output kartla record get rec.kartla "${OWNER[@]}" --section interventions >after.json
same "a refused accept leaves the section as it was" before.json after.json
echo '{"entries": [{"id": "i1", "title": "Praktik i kök", "status": "ONGOING", "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}}, {"id": "i9", "title": "SFI", "status": "ONGOING", "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-10-01T00:00:00Z"}}]}' >mine.json
quiet kartla record set rec.kartla "${OWNER[@]}" --section interventions --in mine.json
kartla accept rec.kartla c.kartla "${OWNER[@]}"
output kartla record get rec.kartla "${OWNER[@]}" --section interventions >merged.json
kartla record set rec.kartla "${OWNER[@]}" --section interventions --in merged.json
