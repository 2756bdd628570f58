. "$CASES/lib.sh"
# An agency's own software can sign what `attest` refuses (tests/vectors/attest_negative.json
# holds such attestations for attest.json's record): `record attach` refuses them and every
# reader reports them invalid (bad_claim); stored by another writer in field 100 (the owner's
# section JSON, attestations in base64) such an attestation is reported invalid beside its entry,
# never trusted. A contribution of an entry with no assertion, signed and sealed by the agency:
# the owner sees who sent it, and accept refuses it.
_tool hexfile "$VECTORS/identity.json" identity_file owner.id
_tool hexfile "$VECTORS/attest.json" record.file rec.kartla
KARTLA_PASSPHRASE=$(json "$VECTORS/identity.json" passphrase)
for name in attestation_claim_unknown_method attestation_claim_level_out_of_range attestation_claim_date_not_real; do
  _tool vector "$VECTORS/attest_negative.json" "$name" "$name.att"
  kartla record attach rec.kartla --owner owner.id --attestation "$name.att"
done
sequence rec.kartla
output kartla record get rec.kartla --owner owner.id --section competences >content.json
_tool vector "$VECTORS/attest_negative.json" attestation_claim_unknown_method bad.att
python3 - content.json bad.att >with.json <<'PY'
import base64, json, sys
content = json.load(open(sys.argv[1], encoding="utf-8"))
payload = open(sys.argv[2], "rb").read()[12:]  # the SignedAttestation, without the file prefix
content["attestations"] = [base64.b64encode(payload).decode()]
print(json.dumps(content))
PY
quiet kartla record set rec.kartla --owner owner.id --section competences --in with.json
kartla record provenance rec.kartla --owner owner.id --section competences --json
_tool vector "$VECTORS/attest_negative.json" contribution_entry_without_assertion c.kartla
kartla inbox c.kartla --owner owner.id
kartla accept rec.kartla c.kartla --owner owner.id
