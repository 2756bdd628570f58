. "$CASES/lib.sh"
. "$CASES/rollback/_rollback.sh"
# An older copy of the record put back on the stick is refused to every owner command (exit 7),
# naming both versions and --accept-older; a refused command changes nothing; the newest copy
# opens as before.
three_versions
cp rec.kartla newest.kartla
cp old.kartla rec.kartla
kartla record list rec.kartla --owner owner.id
kartla record get rec.kartla --section profile --owner owner.id
kartla record set rec.kartla --section notes --in "$EX/notes.json" --owner owner.id
kartla record show rec.kartla --owner owner.id
kartla record ledger rec.kartla --owner owner.id
same "a refused command changes nothing" old.kartla rec.kartla
cp newest.kartla rec.kartla
kartla record list rec.kartla --owner owner.id
