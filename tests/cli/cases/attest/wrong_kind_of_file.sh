. "$CASES/lib.sh"
. "$CASES/attest/_attest.sh"
# A file of the wrong kind where another is expected (an identity for a record, a card for a
# bundle, a record for a card, ...) is a usage error (exit 2) that names what the file is and what
# was expected, read from its prefix: not "verification failed" (exit 4), which would send the
# person looking for tampering. Nothing is asked for or written first. In an inbox folder, files
# that are not contributions are passed over quietly; named on their own, they are a usage error.
from_once "${CAST[@]}"
shared_record
echo "$CLAIM" >claim.json
keep_copy rec.kartla
kartla record list owner.id --owner owner.id
kartla record list rec.kartla --owner owner.card
kartla record list a.bundle --owner owner.id
kartla record set rec.kartla --owner owner.id --section competences --in a.card
compare_copy rec.kartla
kartla open a.card --as a.id
kartla open a.bundle --as a.card
kartla open a.bundle --as a.id --owner-card a.id
kartla share rec.kartla --owner owner.id --to trust.list --sections competences --purpose p --out b.bundle
exists b.bundle
kartla attest --as a.id --bundle owner.id --owner-card owner.card --section competences --entry x --claim claim.json --out x.att
kartla attest --as a.id --bundle a.bundle --owner-card rec.kartla --section competences --entry x --claim claim.json --out x.att
exists x.att
kartla trust show a.card
kartla trust show trust.list --trust-root trust.list
kartla trust add new.draft --card owner.id --role validation_provider
exists new.draft
kartla record attach rec.kartla --owner owner.id --attestation trust.list
kartla accept rec.kartla a.card --owner owner.id
kartla identity recover a.card
kartla agency show a.id
cat rec.kartla | kartla record attach rec.kartla --owner owner.id --attestation -
compare_copy rec.kartla
mkdir inbox
cp a.card trust.list inbox/
kartla inbox inbox --owner owner.id
kartla inbox a.card inbox --owner owner.id
