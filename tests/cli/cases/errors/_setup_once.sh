. "$CASES/lib.sh"
make_owner owner
KARTLA_PASSPHRASE=other make_owner other
