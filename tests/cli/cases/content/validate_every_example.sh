. "$CASES/lib.sh"
# validate needs no key and accepts every example: examples/sections and every persona.
unset KARTLA_PASSPHRASE
checked=0
for folder in "$EX" "$PERSONAS"/*/; do
  for path in "${folder%/}"/*.json; do
    name=$(basename "$path" .json)
    kartla validate --section "$name" --in "$path"
    checked=$((checked + 1))
  done
done
if [ "$checked" -ge 48 ]; then echo "every example was checked: at least 48"; else echo "!!! only $checked examples"; fi
