. "$CASES/lib.sh"
. "$CASES/content/_content.sh"
# A birth date that never was (1964-02-30) is refused, naming field, rule and date.
from_once owner.id
new_record
good=$PERSONAS/long-term-unemployed-landskrona/profile.json
quiet kartla record set rec.kartla --owner owner.id --section profile --in "$good"
edit "$good" p.json 'd["birth_date"] = {"year": 1964, "month": 2, "day": 30}'
refused profile p.json
