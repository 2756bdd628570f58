. "$CASES/lib.sh"
. "$CASES/coordination/_coordination.sh"
# The Landskrona coordination meeting (docs/MODEL.md, action_plan): the persona's plan names the
# agencies involved, the lead agency and each one's contacts over time (Arbetsförmedlingen's
# caseworker changed), and the meeting of 2025-06-16. Shared with the three agencies present in
# one case-conference bundle, each agency co-signs the meeting by attesting its entry; the owner
# attaches the three attestations, and the record's provenance shows the agreement signed.
from_once owner.id owner.card kommun.id kommun.card af.id af.card fk.id fk.card
new_record
quiet kartla record set rec.kartla "${OWNER[@]}" --section action_plan \
  --in "$SRC/examples/personas/long-term-unemployed-landskrona/action_plan.json"
quiet kartla share rec.kartla "${OWNER[@]}" --to kommun.card --to af.card --to fk.card --sections action_plan \
  --purpose "samordningsmöte 2025-06-16" --out meeting.kartla
echo '{"kind": "CONFIRMED", "date": "2025-06-16"}' >claim.json
for who in kommun af fk; do
  quiet kartla attest --as "$who.id" --bundle meeting.kartla --owner-card owner.card --section action_plan \
    --entry meeting-2025-06-16 --claim claim.json --out "$who.att"
  quiet kartla record attach rec.kartla "${OWNER[@]}" --attestation "$who.att"
done
output kartla record provenance rec.kartla "${OWNER[@]}" --section action_plan --json >provenance.json
python3 - provenance.json <<'PY'
import json, sys
entries = json.load(open(sys.argv[1]))["entries"]
meeting = [e for e in entries if e.get("entry_id") == "meeting-2025-06-16"][0]
# Each holds (untrusted only because no trust list is given here) and names its issuer.
for a in meeting.get("attestations", []):
    print("co-signed by", a["issuer"]["name"] + ":", a["finding"], a["claim"]["kind"])
PY
# What the Social Insurance Agency sees of the plan: who leads, each contact and the change of
# caseworker at Arbetsförmedlingen, the meeting's agreement and next steps.
kartla plan meeting.kartla --as fk.id
