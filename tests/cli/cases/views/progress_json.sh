. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# progress --json gives, per indicator and respondent, first, latest, change, direction and the
# number of assessments, computed by hand (see _views.sh):
#   mood, participant:   2 (2025-01-01) -> 5 (2025-05-01): +3 better, 3 assessments
#   mood, professional:  4 (2025-01-31) -> 4: 0 unchanged, 1
#   effort, participant: 10 (2025-01-01) -> 5 (2025-01-31): -5 worse, 2 (the unanswered third
#                        score is not a zero, and not counted)
#   step, mixed:         1 -> 2 (2025-05-01): +1 better, 3 (step 2 recorded twice on
#                        2025-01-31, by participant and professional, is one point); its kind
#                        is programme-step
record_with progress="$PROGRESS_JSON"
kartla progress rec.kartla "${OWNER[@]}" --json
