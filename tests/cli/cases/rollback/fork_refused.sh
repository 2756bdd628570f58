. "$CASES/lib.sh"
. "$CASES/rollback/_rollback.sh"
# Another version with the same sequence 3, made from the old copy and saved where the state
# folder did not see it, then brought back: refused as a fork of the record.
three_versions
cp rec.kartla newest.kartla
cp old.kartla fork.kartla
cp old.id fork.id
KARTLA_STATE_DIR=$PWD/elsewhere kartla record set fork.kartla --owner fork.id --section notes --in "$EX/notes.json"
sequence fork.kartla
kartla record list fork.kartla --owner owner.id
cp newest.kartla rec.kartla
kartla record list rec.kartla --owner owner.id
