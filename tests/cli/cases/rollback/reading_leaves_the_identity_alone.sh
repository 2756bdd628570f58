. "$CASES/lib.sh"
. "$CASES/rollback/_rollback.sh"
# Only a newer version seen changes what the identity remembers: read-only commands rewrite
# nothing (sealing again would change the bytes: every seal draws a fresh nonce); a save does.
three_versions
keep_copy owner.id
quiet kartla record list rec.kartla --owner owner.id
quiet kartla record get rec.kartla --owner owner.id --section profile
compare_copy owner.id
quiet kartla record set rec.kartla --owner owner.id --section notes --in "$EX/notes.json"
compare_copy owner.id
