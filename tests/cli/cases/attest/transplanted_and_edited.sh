. "$CASES/lib.sh"
. "$CASES/attest/_attest.sh"
# An attestation is bound to its record, owner and entry content: attaching it to another record
# of the same owner, or to another person's, fails verification (exit 4); editing the attested
# entry makes it invalid (content_changed) while the other attestation holds, and attaching to
# the edited entry is refused. attest checks the owner card and the record id it is given.
from_once "${CAST[@]}"
shared_record
echo "$CLAIM" >claim.json
quiet kartla attest --as a.id --bundle a.bundle --owner-card owner.card --section competences --entry comp-till --claim claim.json --out a.att
shared_record rec2.kartla owner.id a2.bundle
kartla record attach rec2.kartla "${OWNER[@]}" --attestation a.att
new_record their.kartla other.id
quiet kartla record set their.kartla --owner other.id --section competences --in "$EX/competences.json"
kartla record attach their.kartla --owner other.id --attestation a.att
quiet kartla attest --as a.id --bundle a.bundle --owner-card owner.card --section competences --entry comp-digital --claim claim.json --out d.att
quiet kartla record attach rec.kartla "${OWNER[@]}" --attestation a.att
quiet kartla record attach rec.kartla "${OWNER[@]}" --attestation d.att
output kartla record get rec.kartla "${OWNER[@]}" --section competences >section.json
python3 - section.json >edited.json <<'PY'
import json, sys
section = json.load(open(sys.argv[1], encoding="utf-8"))
for e in section["entries"]:
    if e["id"] == "comp-till":
        e["free_text"] = "Kassahantering och bokföring"
print(json.dumps(section, ensure_ascii=False))
PY
kartla record set rec.kartla "${OWNER[@]}" --section competences --in edited.json
kartla record provenance rec.kartla "${OWNER[@]}" --section competences --json --trust trust.list
kartla record attach rec.kartla "${OWNER[@]}" --attestation a.att
kartla attest --as a.id --bundle a.bundle --owner-card other.card --section competences --entry comp-till --claim claim.json --out x.att
kartla attest --as a.id --bundle a.bundle --owner-card owner.card --record-id 00000000000000000000000000000000 \
  --section competences --entry comp-till --claim claim.json --out x.att
