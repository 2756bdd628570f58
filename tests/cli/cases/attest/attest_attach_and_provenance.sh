. "$CASES/lib.sh"
. "$CASES/attest/_attest.sh"
# A vouches for one entry (comp-till); the owner attaches it (twice changes nothing); every
# reader reports each entry's provenance: trusted with the list, untrusted without; the agency
# reading the record file (open --trust), verify (no key), record get --provenance and record show.
from_once "${CAST[@]}"
shared_record
name_value "$(record_id)" RECORD_ID
echo "$CLAIM" >claim.json
kartla attest --as a.id --bundle a.bundle --owner-card owner.card --section competences --entry comp-till \
  --claim claim.json --out a.att --record-id "$(record_id)"
kartla record attach rec.kartla "${OWNER[@]}" --attestation a.att
kartla record attach rec.kartla "${OWNER[@]}" --attestation a.att
kartla record provenance rec.kartla "${OWNER[@]}" --section competences --json --trust trust.list --trust-root root.card
kartla record provenance rec.kartla "${OWNER[@]}" --section competences --trust trust.list
kartla record provenance rec.kartla "${OWNER[@]}" --section competences --json
kartla open rec.kartla --as a.id --section competences --trust trust.list --json
kartla open rec.kartla --as a.id --trust trust.list
kartla verify rec.kartla --trust trust.list --trust-root root.card
kartla verify rec.kartla --trust trust.list --json
kartla record get rec.kartla "${OWNER[@]}" --section competences --provenance --trust trust.list
kartla record get rec.kartla "${OWNER[@]}" --section competences
kartla record show rec.kartla "${OWNER[@]}" --trust trust.list
kartla record show rec.kartla "${OWNER[@]}" --section competences
