. "$CASES/lib.sh"
. "$CASES/content/_content.sh"
# An SFI course outside the study path the persona is on (path 2 runs courses B-D; A is not
# one of them) is refused.
from_once owner.id
new_record
good=$PERSONAS/newly-arrived-filipstad/languages.json
quiet kartla record set rec.kartla --owner owner.id --section languages --in "$good"
edit "$good" l.json 'assert d["entries"][2]["sfi"]["study_path"]["code"] == "2", "the persona studies on path 2"
d["entries"][2]["sfi"]["current_course"]["code"] = "A"'
refused languages l.json
