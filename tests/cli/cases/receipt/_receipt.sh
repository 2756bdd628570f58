# Sourced by the receipt cases.
# shellcheck disable=SC2034 # used by the cases
OWNER=(--owner owner.id)
record_with() {
  from_once owner.id owner.card other.id other.card a.id a.card b.id b.card
  new_record
  set_sections "$@"
}
