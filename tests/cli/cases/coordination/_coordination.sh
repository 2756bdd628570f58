# Sourced by the coordination cases: the owner, the three agencies, and a record holding the
# example content of the sections named.
# shellcheck disable=SC2034 # used by the cases
OWNER=(--owner owner.id)
record_with() {
  from_once owner.id owner.card kommun.id kommun.card af.id af.card fk.id fk.card
  new_record
  set_sections "$@"
}
