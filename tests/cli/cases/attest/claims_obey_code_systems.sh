. "$CASES/lib.sh"
. "$CASES/attest/_attest.sh"
# Issue 10 item 7: attest refuses a claim with an unknown method, a level outside its code system
# or a date that never was, naming field and rule, and writes nothing.
from_once "${CAST[@]}"
shared_record
while read -r claim; do
  echo "$claim" >claim.json
  kartla attest --as a.id --bundle a.bundle --owner-card owner.card --section competences --entry comp-till \
    --claim claim.json --out x.att
  exists x.att
done <<'CLAIMS'
{"kind": "VALIDATED", "level_system": "seqf", "level_code": "3", "method": "telepathy"}
{"kind": "VALIDATED", "level_system": "seqf", "level_code": "99", "method": "ocn"}
{"kind": "COMPLETED", "date": "2025-04-31"}
{"kind": "COMPLETED", "date": "0000"}
CLAIMS
