. "$CASES/lib.sh"
# Section content reaches the terminal escaped: a C1 control (U+009B, a one-character CSI), a
# right-to-left override (U+202E) and ESC in a name an agency could have written are printed as
# \uXXXX, in text and in JSON alike; the JSON still reads back as the same content.
from_once owner.id
new_record
python3 - "$EX/profile.json" <<'PY'
import json, sys
profile = json.load(open(sys.argv[1], encoding="utf-8"))
profile["given_name"] = "Ma\u009b2Jria\u202egnal\u001b[31m"
json.dump(profile, open("hostile.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
quiet kartla record set rec.kartla --owner owner.id --section profile --in hostile.json
tee_to got.json kartla record get rec.kartla --owner owner.id --section profile
python3 - <<'PY'
import json
got = json.load(open("got.json", encoding="utf-8"))
print("the name reads back: %s" % (got["given_name"] == "Ma\u009b2Jria\u202egnal\u001b[31m"))
PY
kartla record show rec.kartla --owner owner.id --section profile
