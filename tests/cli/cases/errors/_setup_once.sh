. "$CASES/lib.sh"
make_owner owner
KARTLA_PASSPHRASE='another owner passphrase' make_owner other
