. "$CASES/lib.sh"
# Every command listed by `kartla --help` explains itself: its usage line, what it does, its
# options. The list is read from --help, so a new command is covered as soon as it is listed.
unset KARTLA_PASSPHRASE
output kartla --help | sed -n '/^Commands:$/,/^$/p' | sed -n 's/^  \([a-z][a-z ]*[a-z]\)  .*/\1/p' >commands.txt
while read -r command; do
  # shellcheck disable=SC2086 # a command is one or two words
  kartla $command --help
done <commands.txt
