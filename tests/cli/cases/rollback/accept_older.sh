. "$CASES/lib.sh"
. "$CASES/rollback/_rollback.sh"
# --accept-older reads an older copy, and a save continues above every version seen: sequence 4,
# not 3, so no two versions share a sequence number. Afterwards it is the newest: no flag needed.
three_versions
cp old.kartla rec.kartla
kartla record list rec.kartla --owner owner.id --accept-older
kartla record set rec.kartla --owner owner.id --accept-older --section notes --in "$EX/notes.json"
sequence rec.kartla
kartla record list rec.kartla --owner owner.id
