. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# Progress shared without the plan: the same series, numbers and labels as the owner's, but no
# goal texts (target_label empty).
record_with profile="$EX/profile.json" action_plan="$EX/action_plan.json" progress="$EX/progress.json"
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections progress --purpose Uppföljning --out a.bundle
tee_to agency.json kartla progress a.bundle --as a.id --json
output kartla progress rec.kartla "${OWNER[@]}" --json >owner.json
python3 - agency.json owner.json <<'PY'
import json, sys
agency, owner = (json.load(open(p)) for p in sys.argv[1:])
strip = lambda s: [{k: v for k, v in i.items() if k != "target_label"} for i in s["indicators"]]
print("the same series, numbers and labels" if strip(agency) == strip(owner) else "!!! the series differ")
print("no goal text without the plan" if all(i["target_label"] == "" for i in agency["indicators"])
      else "!!! a goal text without the plan")
PY
