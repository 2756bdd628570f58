. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# A persona's progress leaves work_ability (health data) out unless asked for; asked, its scores
# are there, marked as health data.
persona=$PERSONAS/low-threshold-vaasa
record_with progress="$persona/progress.json" work_ability="$persona/work_ability.json"
kartla progress rec.kartla "${OWNER[@]}" --json
kartla progress rec.kartla "${OWNER[@]}" --json --with-work-ability
