. "$CASES/lib.sh"
. "$CASES/content/_content.sh"
# A refused section is not created; with several violations the message names the first and
# counts the rest.
from_once owner.id
new_record
echo '{"entries": [{"text": "no id, no source"}]}' >notes.json
refused notes notes.json
kartla record list rec.kartla --owner owner.id
