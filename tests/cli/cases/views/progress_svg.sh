. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# progress --svg draws the hand-computed points and escapes record text: well-formed XML whatever
# the labels hold (the script tag in a label stays text). Layout (src/views/progress_svg.cpp): two
# rows of panels, 100 + 2 * 240 high; x = 56 + 284 * (t - A) / 120 days, so A = 56.0, B = 127.0,
# C = 340.0; y = 184 - 120 * (v - min) / (max - min). So the polylines are:
#   translate(20,100)   mood 2, 3, 5 on 1..5:      56.0,154.0 127.0,124.0 340.0,64.0
#   translate(400,100)  mood (professional) 4:     127.0,94.0
#   translate(20,340)   effort 10, 5 on 0..10:     56.0,64.0 127.0,124.0
#   translate(400,340)  steps 1, 2, 2 on 1..3:     56.0,184.0 127.0,124.0 340.0,124.0
record_with progress="$PROGRESS_JSON"
kartla progress rec.kartla "${OWNER[@]}" --svg chart.svg
python3 - chart.svg <<'PY'
import sys
import xml.etree.ElementTree as ElementTree
svg = open(sys.argv[1], encoding="utf-8").read()
root = ElementTree.fromstring(svg)
ns = "{http://www.w3.org/2000/svg}"
print("root: %s, %s x %s" % (root.tag, root.get("width"), root.get("height")))
print("script elements: %d; '<script>' in the text: %s" % (len(root.findall(".//" + ns + "script")), "<script>" in svg))
print("escaped label: %s" % ("Mood&lt;/text&gt;&lt;script&gt;x&lt;/script&gt;" in svg))
for g in root.iter(ns + "g"):
    if g.get("transform"):
        print("%s: polylines %s" % (g.get("transform"), [p.get("points") for p in g.iter(ns + "polyline")]))
        print("  texts %s" % [t.text for t in g.iter(ns + "text")])
PY
cat chart.svg
# The chart is plaintext: only its owner may read it.
mode chart.svg
# Written again, the chart is replaced only with --force (it is output, not a record).
kartla progress rec.kartla "${OWNER[@]}" --svg chart.svg --json
quiet kartla progress rec.kartla "${OWNER[@]}" --svg chart.svg --json --force
# A Kartla file is never replaced, --force or not: one mistyped path must not destroy the keys.
keep_copy owner.id
kartla progress rec.kartla "${OWNER[@]}" --svg owner.id --force
compare_copy owner.id
