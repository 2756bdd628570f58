. "$CASES/lib.sh"
# -h is --help, and --help wins wherever it is, even after arguments that would be wrong.
unset KARTLA_PASSPHRASE
output kartla record set --help >long.txt
output kartla record set -h >short.txt
output kartla record set NOT-A-FILE --bogus --help >after.txt
same "record set -h is record set --help" long.txt short.txt
same "--help after bad arguments" long.txt after.txt
