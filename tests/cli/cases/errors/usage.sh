. "$CASES/lib.sh"
# Usage errors exit 2 with one line on stderr, and none of the refused commands reaches the file.
from_once owner.id
new_record
keep_copy rec.kartla
kartla
kartla frobnicate
kartla record frobnicate
kartla record
kartla verify
kartla verify a b
kartla verify rec.kartla --bogus
kartla verify rec.kartla --last-seen
kartla verify rec.kartla --last-seen abc
kartla verify rec.kartla --json --json
kartla record get rec.kartla --section profile
kartla record get rec.kartla --owner owner.id --section hobbies
echo '{"given_name": "Amina", "favourite_colour": "blue"}' >bad-field.json
kartla record set rec.kartla --owner owner.id --section profile --in bad-field.json
echo '{"given_name": 42}' >bad-type.json
kartla record set rec.kartla --owner owner.id --section profile --in bad-type.json
kartla record set rec.kartla --owner owner.id --section profile --in - <<<'{not json'
mkdir a-directory
kartla verify a-directory
kartla record list a-directory --owner owner.id
kartla identity new --out weak.id --kdf-memory-mib 8
exists weak.id
compare_copy rec.kartla
