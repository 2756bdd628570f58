# Sourced by the share cases: the owner, agencies A and B, and a record holding the example
# content of the sections named.
# shellcheck disable=SC2034 # used by the cases
OWNER=(--owner owner.id)
record_with() {
  from_once owner.id owner.card a.id a.card b.id b.card
  new_record
  set_sections "$@"
}
# edited_profile NAME: the example profile with given_name NAME, as profile-NAME.json.
edited_profile() {
  python3 -c 'import json, sys; p = json.load(open(sys.argv[1])); p["given_name"] = sys.argv[2]; print(json.dumps(p))' \
    "$EX/profile.json" "$1" >"profile-$1.json"
}
