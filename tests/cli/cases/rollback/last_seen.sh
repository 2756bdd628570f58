. "$CASES/lib.sh"
. "$CASES/rollback/_rollback.sh"
# --last-seen on owner commands.
three_versions
kartla record list rec.kartla --owner owner.id --last-seen 3
kartla record list rec.kartla --owner owner.id --last-seen 4
