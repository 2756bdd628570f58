. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# A view that needs a section not shared exits 3 and names it; no chart is written; record show
# of the bundle shows only what is shared.
record_with profile="$EX/profile.json" action_plan="$EX/action_plan.json" progress="$EX/progress.json"
quiet kartla share rec.kartla "${OWNER[@]}" --to b.card --sections profile --purpose Uppföljning --out b.bundle
kartla progress b.bundle --as b.id
kartla progress b.bundle --as b.id --json
kartla progress b.bundle --as b.id --svg x.svg
exists x.svg
kartla plan b.bundle --as b.id
kartla record show b.bundle --as b.id --section action_plan
kartla record show b.bundle --as b.id
