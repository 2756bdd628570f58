. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# A keyless reader is never told which sections a file holds (docs/SPEC.md §8): verify, in words
# and as JSON, of a record holding every example section, of a wildcard bundle and of a bundle
# made after a second grant, gives counts and sizes only, and no generation.
from_once owner.id owner.card a.id a.card b.id b.card
new_record
output kartla sections --json | python3 -c 'import json, sys; print("\n".join(s["name"] for s in json.load(sys.stdin)))' >names.txt
while read -r name; do
  if [ "$name" != sharing_ledger ] && [ -e "$EX/$name.json" ]; then set_sections "$name"; fi
done <names.txt
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections all --purpose P --out a.bundle --json
quiet kartla share rec.kartla "${OWNER[@]}" --to b.card --sections work_ability,notes --purpose P --art9-basis 9.2.h --out b.bundle
for name in rec.kartla a.bundle b.bundle; do
  (unset KARTLA_PASSPHRASE; tee_to text.txt kartla verify "$name")
  (unset KARTLA_PASSPHRASE; tee_to json.txt kartla verify "$name" --json)
  echo "$name: $(size "$name") bytes"
  for shown in text.txt json.txt; do
    no_section_named "$shown" "verify $name ($shown)"
    if grep -q generation "$shown"; then echo "!!! verify $name ($shown) shows a generation"; fi
  done
done
