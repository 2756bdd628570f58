. "$CASES/lib.sh"
. "$CASES/rollback/_rollback.sh"
# The identity file alone remembers the newest version, on a computer that never saw it.
three_versions
cp old.kartla rec.kartla
KARTLA_STATE_DIR=$PWD/new-computer kartla record list rec.kartla --owner owner.id
