. "$CASES/lib.sh"
# A command group alone explains which commands it holds.
unset KARTLA_PASSPHRASE
for group in identity record agency trust; do
  kartla "$group" --help
done
