. "$CASES/lib.sh"
. "$CASES/attest/_attest.sh"
# The JSON documents that hold other documents (issue 11): record provenance --json (attestation
# reports with the agency's claim inside) and inbox --json (each contribution's sender, claim and
# the entry's content), and the CLI's own documents around them (record get --provenance, open
# --trust --json, verify --trust --json): one layout throughout, Python's indent=2 exactly, which
# `layout` checks besides the golden file. issued_at and created_at are the time of the run
# (<NOW>). (These were tests/cli/golden/record_provenance.json and inbox.json.)
from_once "${CAST[@]}"
shared_record
rid=$(record_id)
name_value "$rid" RECORD_ID
echo '{"kind": "VALIDATED", "level_system": "seqf", "level_code": "3", "method": "ocn", "credits_hundredths": 750}' >claim.json
quiet kartla attest --as a.id --bundle a.bundle --owner-card owner.card --section competences --entry comp-till --claim claim.json --out a.att
quiet kartla record attach rec.kartla "${OWNER[@]}" --attestation a.att
laid_out() { tee_to doc.json kartla "$@"; _tool layout doc.json; }
laid_out trust show trust.list --json
laid_out record provenance rec.kartla "${OWNER[@]}" --section competences --trust trust.list --json
echo '{"id": "int-ocn-2026", "title": "OCN-validering svets", "category": "JOB_ORIENTED", "status": "COMPLETED", "assertion": {"source": "REGISTER", "asserted_at": "2026-01-10T09:00:00Z", "asserted_by_org": {"se_orgnr": "2120001140", "name": "Valideringscentrum"}}}' >entry.json
quiet kartla contribute --as a.id --to owner.card --record-id "$rid" --section interventions --in entry.json --out c.kartla
laid_out inbox c.kartla "${OWNER[@]}" --json
# Two files: an array of two, laid out alike.
quiet kartla contribute --as a.id --to owner.card --record-id "$rid" --section interventions --in entry.json --out d.kartla
laid_out inbox c.kartla d.kartla "${OWNER[@]}" --json
laid_out record get rec.kartla "${OWNER[@]}" --section competences --provenance
laid_out record get rec.kartla "${OWNER[@]}" --section competences --trust trust.list
laid_out open a.bundle --as a.id --section competences --trust trust.list --json
laid_out open a.bundle --as a.id --trust trust.list --json
laid_out verify rec.kartla --trust trust.list --json
laid_out record provenance rec.kartla "${OWNER[@]}" --section competences --json
