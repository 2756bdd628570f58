. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# The Vasa participation steps are steps of the service (docs/MODEL.md, ServiceStepParticipation):
# the persona's interventions list the steps she took part in with dates (two at once, one
# returned to), and her plan names each activity's step, read in Finnish, Swedish and English.
persona=$PERSONAS/low-threshold-vaasa
record_with interventions="$persona/interventions.json" action_plan="$persona/action_plan.json"
kartla record show rec.kartla "${OWNER[@]}" --section interventions --language fi
kartla plan rec.kartla "${OWNER[@]}" --language sv
kartla plan rec.kartla "${OWNER[@]}" --language en
