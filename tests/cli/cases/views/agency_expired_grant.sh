. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# An expired grant is a view of nothing: through the last day the views work, from the next they
# exit 3 saying it expired.
record_with profile="$EX/profile.json" action_plan="$EX/action_plan.json" progress="$EX/progress.json"
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,action_plan,progress --purpose Uppföljning \
  --expires 2099-06-30 --out a.bundle
quiet kartla progress a.bundle --as a.id --at 2099-06-30
quiet kartla plan a.bundle --as a.id --at 2099-06-30T23:59:59Z
kartla progress a.bundle --as a.id --at 2099-07-01
kartla plan a.bundle --as a.id --at 2099-07-01
kartla record show a.bundle --as a.id --at 2099-07-01
kartla record show a.bundle --as a.id --section profile --at 2099-07-01
