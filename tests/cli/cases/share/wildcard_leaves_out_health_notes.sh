. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# Notes are health data when one entry is flagged contains_health_info: then a wildcard leaves
# them out like work_ability (one note line names both), and naming them needs a basis.
record_with profile work_ability
python3 - "$EX/notes.json" >notes-plain.json <<'PY'
import json, sys
notes = json.load(open(sys.argv[1]))
assert any(e.get("contains_health_info") for e in notes["entries"]), "the example notes hold health data"
print(json.dumps({"entries": [{k: v for k, v in e.items() if k != "contains_health_info"} for e in notes["entries"]]}))
PY
quiet kartla record set rec.kartla "${OWNER[@]}" --section notes --in notes-plain.json
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections all --purpose P --out a.bundle --json
quiet kartla record set rec.kartla "${OWNER[@]}" --section notes --in "$EX/notes.json"
for everything in all '*'; do
  bundle=b-${#everything}.bundle
  kartla share rec.kartla "${OWNER[@]}" --to b.card --sections "$everything" --purpose P --out "$bundle" --json
  echo "$bundle: $(output kartla verify "$bundle" --json | json - sections_present) sections present"
  for source in "$bundle" rec.kartla; do
    for section in notes work_ability; do
      kartla open "$source" --as b.id --section "$section"
    done
  done
done
kartla share rec.kartla "${OWNER[@]}" --to b.card --sections notes --purpose P --out n.bundle
quiet kartla share rec.kartla "${OWNER[@]}" --to b.card --sections notes --purpose P --art9-basis 9.2.a --out n.bundle
output kartla open n.bundle --as b.id --section notes --json >got.json
output kartla record get rec.kartla "${OWNER[@]}" --section notes >wanted.json
same "B reads the notes it was given under a basis" wanted.json got.json
