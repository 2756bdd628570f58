. "$CASES/lib.sh"
. "$CASES/attest/_attest.sh"
# An attestation inspected before anyone relies on it, with `attest show` and with `verify`: who
# signed it (the issuer's card, with its fingerprint), whose record, section and entry it is
# about, what it claims, its times, and with --trust whether the issuer is vouched for (warned
# about when the root is not pinned). Tampered: reported, then the exit code
# of the class. A trust list through verify reads as trust show; a contribution is sealed to its
# owner; any other kind is a usage error.
from_once "${CAST[@]}"
shared_record
rid=$(record_id)
name_value "$rid" RECORD_ID
echo "$CLAIM" >claim.json
quiet kartla attest --as a.id --bundle a.bundle --owner-card owner.card --section competences --entry comp-childcare --claim claim.json --out a.att
kartla attest show a.att
kartla attest show a.att --trust trust.list --trust-root root.card
kartla attest show a.att --trust trust.list
kartla verify a.att --json
flip a.att tampered.att n-1 0x01
kartla attest show tampered.att
kartla verify trust.list --trust-root root.card
echo "$CONTRIBUTED" >entry.json
quiet kartla contribute --as a.id --to owner.card --record-id "$rid" --section interventions --in entry.json --out c.kartla
kartla verify c.kartla
kartla verify a.card
kartla attest show owner.card
