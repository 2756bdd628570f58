. "$CASES/lib.sh"
make_owner owner
