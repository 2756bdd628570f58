. "$CASES/lib.sh"
. "$CASES/attest/_attest.sh"
# An agency writes an entry for a person's record, signed and sealed to them; the inbox (a file
# or a folder) says who sent it and what it adds, as the record view shows it, and marks what the
# record already holds; accept merges it (the form: REC --owner
# OWNER.id C.kartla); accepting twice changes nothing and saves nothing; the agency's signature
# is kept as an attestation: trusted with the list.
from_once "${CAST[@]}"
new_record
rid=$(record_id)
name_value "$rid" RECORD_ID
echo "$CONTRIBUTED" >entry.json
kartla contribute --as a.id --to owner.card --record-id "$rid" --section interventions --in entry.json --out c.kartla
mkdir inbox
cp c.kartla inbox/c.kartla
kartla inbox inbox "${OWNER[@]}" --record rec.kartla
kartla inbox inbox/c.kartla "${OWNER[@]}" --json
kartla accept rec.kartla "${OWNER[@]}" c.kartla
sequence rec.kartla
kartla inbox inbox "${OWNER[@]}" --record rec.kartla
kartla accept rec.kartla c.kartla "${OWNER[@]}"
sequence rec.kartla
kartla record get rec.kartla "${OWNER[@]}" --section interventions
kartla record provenance rec.kartla "${OWNER[@]}" --section interventions --trust trust.list --json
