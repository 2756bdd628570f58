. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# Exit 5: a wrong passphrase (the agency's, the owner's), a bundle not signed by the owner card
# given. Exit 2: a card of the wrong kind. Exit 6: missing files. None changes the record.
record_with profile
from_once stranger.card
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --out a.bundle
keep_copy rec.kartla
KARTLA_PASSPHRASE=wrong kartla open a.bundle --as a.id --section profile
KARTLA_PASSPHRASE=wrong kartla share rec.kartla "${OWNER[@]}" --to b.card --sections profile --purpose P --out b.bundle
KARTLA_PASSPHRASE=wrong kartla revoke rec.kartla "${OWNER[@]}" --from a.card
KARTLA_PASSPHRASE=wrong kartla record ledger rec.kartla "${OWNER[@]}"
kartla open a.bundle --as a.id --owner-card stranger.card
output kartla open a.bundle --as a.id --section profile --json --owner-card owner.card >got.json
output kartla record get rec.kartla "${OWNER[@]}" --section profile >owner.json
same "the right owner card lets the section through" owner.json got.json
kartla open a.bundle --as a.id --owner-card owner.card
kartla share rec.kartla "${OWNER[@]}" --to owner.card --sections profile --purpose P --out b.bundle
kartla open a.bundle --as a.id --owner-card a.card
kartla open missing.bundle --as a.id --section profile
kartla open a.bundle --as missing.id --section profile
kartla open a.bundle --as a.id --owner-card missing.card
kartla share missing.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --out b.bundle
kartla share rec.kartla "${OWNER[@]}" --to missing.card --sections profile --purpose P --out b.bundle
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --out no-such-dir/b.bundle
kartla revoke missing.kartla "${OWNER[@]}" --from a.card
kartla record ledger missing.kartla "${OWNER[@]}"
compare_copy rec.kartla
