. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# progress, plan and record show read a share bundle with --as AGENCY.id. The same library code
# computes them from the sections granted, so where everything a view reads is shared the agency
# sees what the owner sees.
record_with profile="$EX/profile.json" action_plan="$EX/action_plan.json" progress="$EX/progress.json"
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,action_plan,progress --purpose Uppföljning --out a.bundle
while read -r -a command; do
  tee_to agency.txt kartla "${command[@]}" a.bundle --as a.id
  output kartla "${command[@]}" rec.kartla "${OWNER[@]}" >owner.txt
  same "${command[*]}: the agency's view is the owner's" owner.txt agency.txt
done <<'COMMANDS'
progress
progress --json
plan
plan --json
record show --section progress
progress --language sv
COMMANDS
# The whole record: the sections shared, under the record's id and version.
kartla record show a.bundle --as a.id
quiet kartla progress a.bundle --as a.id --svg chart.svg
if grep -q '<svg' chart.svg; then echo "chart.svg: written"; else echo "!!! chart.svg: no chart"; fi
