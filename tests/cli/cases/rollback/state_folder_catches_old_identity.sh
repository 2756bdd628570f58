. "$CASES/lib.sh"
. "$CASES/rollback/_rollback.sh"
# The stick holds old copies of both the record and the identity file: this computer's state
# folder still knows the newer version. On another computer (a fresh state folder) the old
# identity file cannot know: documented.
three_versions
cp old.kartla rec.kartla
cp old.id owner.id
kartla record list rec.kartla --owner owner.id
KARTLA_STATE_DIR=$PWD/elsewhere kartla record list rec.kartla --owner owner.id
