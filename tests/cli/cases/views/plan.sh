. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# plan shows goals, sub-goals and activities with who does what, as text and JSON; a record
# without a plan: exit 3.
record_with action_plan="$PLAN_JSON"
kartla plan rec.kartla "${OWNER[@]}"
kartla plan rec.kartla "${OWNER[@]}" --json
quiet kartla record remove rec.kartla "${OWNER[@]}" --section action_plan
kartla plan rec.kartla "${OWNER[@]}"
