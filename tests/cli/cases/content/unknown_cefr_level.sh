. "$CASES/lib.sh"
. "$CASES/content/_content.sh"
# A CEFR level that does not exist ("B3") is refused, quoting it.
from_once owner.id
new_record
good=$PERSONAS/newly-arrived-filipstad/languages.json
quiet kartla record set rec.kartla --owner owner.id --section languages --in "$good"
edit "$good" l.json 'd["entries"][1]["reading"]["code"] = "B3"'
refused languages l.json
