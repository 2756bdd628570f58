# Sourced by the views cases.
# shellcheck disable=SC2034 # used by the cases
OWNER=(--owner owner.id)
# record_with SECTION=FILE...: the owner, agencies A and B, and a record holding those sections.
record_with() {
  local pair
  from_once owner.id owner.card a.id a.card b.id b.card
  new_record
  for pair in "$@"; do
    quiet kartla record set rec.kartla --owner owner.id --section "${pair%%=*}" --in "${pair#*=}"
  done
}
# The small progress section of progress.json, whose numbers are computed by hand: assessments at
# A = 2025-01-01T12:00Z, B = A + 30 days, C = A + 120 days, on test-scale (mood 1..5, effort
# 0..10) and test-steps (step 1..3):
#   a1 at A, participant:   mood 2, effort 10, step 1
#   a2 at B, participant:   mood 3, effort 5,  step 2
#   a3 at B, professional:  mood 4,            step 2
#   a4 at C, participant:   mood 5, effort unanswered, step 2
# The mood label holds markup (</text><script>...) that every output must keep as text.
PROGRESS_JSON=$CASES/views/progress.json
PLAN_JSON=$CASES/views/plan.json
