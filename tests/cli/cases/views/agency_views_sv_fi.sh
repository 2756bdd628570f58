. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# The agencies' views in their languages, from a bundle opened by an agency: the Landskrona
# persona's plan in Swedish and its progress chart in Finnish. Every label is the catalogue's;
# the chart keeps every title whole (a long one is squeezed with textLength, never cut).
persona=$SRC/examples/personas/long-term-unemployed-landskrona
record_with profile="$persona/profile.json" action_plan="$persona/action_plan.json" progress="$persona/progress.json"
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,action_plan,progress --purpose Samordning \
  --out a.bundle
kartla plan a.bundle --as a.id --language sv
quiet kartla progress a.bundle --as a.id --language fi --svg kaavio.svg
python3 - kaavio.svg "$persona/progress.json" <<'PY'
import json, sys
import xml.etree.ElementTree as ElementTree
ns = "{http://www.w3.org/2000/svg}"
root = ElementTree.fromstring(open(sys.argv[1], encoding="utf-8").read())
texts = [t.text or "" for t in root.iter(ns + "text")]
# Every scored indicator's Finnish label (or, without one, its English) appears whole in the chart.
progress = json.load(open(sys.argv[2]))
scored = {(e["instrument"]["id"], s["indicator"]) for e in progress["entries"] if "instrument" in e for s in e.get("scores", [])}
missing = []
for d in progress["instruments"]:
    for i in d["indicators"]:
        if (d["id"], i["code"]) not in scored:
            continue
        labels = {l["lang"]: l["text"] for l in i["label"]}
        want = labels.get("fi") or labels.get("en") or next(iter(labels.values()))
        if not any(t.startswith(want) for t in texts):
            missing.append(want)
print("panels: %d" % len([g for g in root.iter(ns + "g") if g.get("transform")]))
print("labels charted but cut or missing: %s" % (missing or "none"))
print("cut with an ellipsis: %d" % sum(1 for t in texts if t.endswith("…")))
print("squeezed to fit: %d" % len([t for t in root.iter(ns + "text") if t.get("textLength")]))
PY
cat kaavio.svg
