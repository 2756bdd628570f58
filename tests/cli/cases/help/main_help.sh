. "$CASES/lib.sh"
# --help, -h and help: every command, where passphrases come from, and every exit code.
# No passphrase anywhere: help never needs one.
unset KARTLA_PASSPHRASE
kartla --help
output kartla --help >help.txt
output kartla -h >h.txt
output kartla help >help-word.txt
same "-h is --help" help.txt h.txt
same "help is --help" help.txt help-word.txt
