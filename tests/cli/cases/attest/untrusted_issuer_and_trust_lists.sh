. "$CASES/lib.sh"
. "$CASES/attest/_attest.sh"
# B is not on the list: untrusted (issuer_not_listed). A newer list (sequence 2) vouches for B;
# then the older list is refused (exit 7), with --last-seen-trust and, since this computer's
# state folder remembers the newest list of each root, without it; a computer that never saw the
# newer list cannot tell. A list signed by another root, or checked against a card that is no
# trust root's, fails verification (exit 4). B listed only from 2099: issuer_not_yet_listed. An
# expired list: exit 3. Drafts and signing refuse what they should.
from_once "${CAST[@]}"
new_record
quiet kartla record set rec.kartla "${OWNER[@]}" --section competences --in "$EX/competences.json"
quiet kartla share rec.kartla "${OWNER[@]}" --to b.card --sections competences --purpose p --out b.bundle
echo "$CLAIM" >claim.json
quiet kartla attest --as b.id --bundle b.bundle --owner-card owner.card --section competences --entry comp-till \
  --claim claim.json --out b.att
quiet kartla record attach rec.kartla "${OWNER[@]}" --attestation b.att
kartla record provenance rec.kartla "${OWNER[@]}" --section competences --trust trust.list --json
kartla trust add new.draft --card a.card --role validation_provider --valid-from 2020-01-01 --sequence 2
kartla trust add new.draft --card b.card --role employment_service --valid-from 2020-01-01
kartla trust sign --as root.id --draft new.draft --expires 2099-12-31 --out new.list
kartla record provenance rec.kartla "${OWNER[@]}" --section competences --trust new.list --last-seen-trust 2 --json
kartla record provenance rec.kartla "${OWNER[@]}" --section competences --trust trust.list --last-seen-trust 2
kartla trust show trust.list --last-seen-trust 2
kartla verify rec.kartla --trust trust.list --last-seen-trust 2
kartla verify rec.kartla --last-seen-trust 2
kartla trust show trust.list
kartla verify rec.kartla --trust trust.list
KARTLA_STATE_DIR=$PWD/elsewhere kartla trust show trust.list
kartla trust show new.list --trust-root root.card --json
kartla trust show new.list --trust-root root2.card
kartla trust show new.list --trust-root owner.card
kartla trust show new.list --trust-root a.card
kartla verify rec.kartla --trust new.list --trust-root owner.card
kartla record provenance rec.kartla "${OWNER[@]}" --section competences --trust new.list --trust-root owner.card
quiet kartla trust add late.draft --card b.card --role employment_service --valid-from 2099-01-01 --sequence 3
quiet kartla trust sign --as root.id --draft late.draft --expires 2099-12-31 --out late.list
kartla record provenance rec.kartla "${OWNER[@]}" --section competences --trust late.list --json
quiet kartla trust add old.draft --card a.card --role validation_provider --valid-from 2020-01-01 --until 2020-06-30
kartla trust sign --as root.id --draft old.draft --expires 2021-01-01 --issued 2020-01-01 --out old.list
kartla trust show old.list
kartla verify rec.kartla --trust old.list
kartla open b.bundle --as b.id --trust old.list
kartla record provenance rec.kartla "${OWNER[@]}" --section competences --trust old.list
kartla trust add new.draft --card b.card --role employment_service
kartla trust sign --as owner.id --draft new.draft --expires 2099-12-31 --out x.list
kartla trust add x.draft --card owner.card --role employment_service
kartla trust add y.draft --card a.card --role no_such_role
kartla trust root old --name x --out x.id
kartla trust show trust.draft
