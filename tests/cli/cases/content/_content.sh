# Sourced by the content cases.
# edit SOURCE OUT PYTHON: OUT is the JSON of SOURCE after the python statement PYTHON, which
# changes `d` (the document).
edit() {
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
exec(sys.argv[3])
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(d, ensure_ascii=False))' "$@"
}
# refused SECTION FILE: `record set` of FILE must be refused (its message names the field and
# the rule) and leave the record as it was, byte for byte.
refused() {
  keep_copy rec.kartla
  kartla record set rec.kartla --owner owner.id --section "$1" --in "$2"
  compare_copy rec.kartla
}
