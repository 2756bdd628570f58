. "$CASES/lib.sh"
# --version names the library version, the file format and the ABI (a glob: a release changes them).
unset KARTLA_PASSPHRASE
kartla --version
