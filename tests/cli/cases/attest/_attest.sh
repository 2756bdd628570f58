# Sourced by the attest cases.
# shellcheck disable=SC2034 # used by the cases
OWNER=(--owner owner.id)
CAST=(owner.id owner.card other.id other.card a.id a.card b.id b.card root.id root.card root2.card trust.list trust.draft)
CLAIM='{"kind": "VALIDATED", "level_system": "seqf", "level_code": "3", "method": "ocn", "date": "2025-11-20", "credits_hundredths": 750, "assessor_role": "OCN-bedömare"}'
# A register statement names the organisation behind it (rule assertion-org-required): the
# contribution is held to the rules the owner's own `record set` obeys (issue 10 item 7).
REGISTER='"assertion": {"source": "REGISTER", "asserted_at": "2026-01-10T09:00:00Z", "asserted_by_org": {"se_orgnr": "2120001140", "name": "Valideringscentrum"}}'
CONTRIBUTED='{"id": "int-ocn-2026", "title": "OCN-validering svets", "category": "JOB_ORIENTED", "status": "COMPLETED", '"$REGISTER"'}'

# shared_record [NAME] [OWNER] [BUNDLE]: a record with the example competences, shared with A.
shared_record() {
  local name=${1:-rec.kartla} owner=${2:-owner.id} bundle=${3:-a.bundle}
  new_record "$name" "$owner"
  quiet kartla record set "$name" --owner "$owner" --section competences --in "$EX/competences.json"
  quiet kartla share "$name" --owner "$owner" --to a.card --sections competences --purpose validering --out "$bundle"
}
# record_id [NAME]: the record's id.
record_id() { output kartla verify "${1:-rec.kartla}" --json | json - record_id; }
