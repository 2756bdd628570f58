. "$CASES/lib.sh"
. "$CASES/coordination/_coordination.sh"
# SPEC §7.9: with --tell-involved (the person's consent) every agency of the meeting is told, in
# its signed grant, who is involved: af and kommun are not given the action plan and still learn
# who else works with the person, and nothing of the plan's goals, activities or meetings. The
# plan is the Landskrona persona's: Landskrona stad leads, Arbetsförmedlingen's caseworker changed.
persona=$SRC/examples/personas/long-term-unemployed-landskrona
record_with profile competences
quiet kartla record set rec.kartla "${OWNER[@]}" --section action_plan --in "$persona/action_plan.json"
quiet kartla share rec.kartla "${OWNER[@]}" --to kommun.card --to af.card --to fk.card \
  --sections kommun=profile --sections af=competences --sections fk=action_plan \
  --purpose "samordningsmöte 2027-02-03" --expires 2099-03-03 --tell-involved --out meeting.kartla
kartla open meeting.kartla --as af.id
(unset LC_ALL; LANG=sv_SE.UTF-8 kartla open meeting.kartla --as kommun.id)
output kartla open meeting.kartla --as fk.id --json >fk.json
python3 - fk.json "$persona/action_plan.json" <<'PY'
import json, sys
told = json.load(open(sys.argv[1]))["involved"]
plan = json.load(open(sys.argv[2]))
print("told: %s" % ", ".join(n["name"] + (" (lead)" if n.get("lead") else "") for n in told))
# Nothing of what the agencies know: no goal, activity, meeting or unit text is in the list.
texts = [g.get("text", "") for g in plan.get("goals", [])] + [a.get("title", "") for a in plan.get("activities", [])]
texts += [t for m in plan.get("meetings", []) for t in m.get("agreements", [])]
texts += [a["agency"].get("unit", "") for a in plan["involved"]]
dump = json.dumps(told, ensure_ascii=False)
print("plan content in the list: %d" % sum(1 for t in texts if t and t in dump))
PY
# Without the flag nothing is told.
quiet kartla share rec.kartla "${OWNER[@]}" --to kommun.card --sections profile --purpose Uppföljning --out plain.kartla
output kartla open plain.kartla --as kommun.id --json >plain.json
python3 -c 'import json,sys; print("told without consent: %d" % len(json.load(open(sys.argv[1])).get("involved", [])))' plain.json
# Consent with nothing to tell is refused: a record without an action plan.
new_record bare.kartla
quiet kartla record set bare.kartla "${OWNER[@]}" --section profile --in "$EX/profile.json"
kartla share bare.kartla "${OWNER[@]}" --to kommun.card --sections profile --purpose Uppföljning --tell-involved \
  --out bare-share.kartla
