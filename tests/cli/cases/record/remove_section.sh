. "$CASES/lib.sh"
# A removed section is no longer available (exit 3), cannot be removed twice, is not listed and
# is not counted by verify.
from_once owner.id
new_record
set_sections profile
kartla record remove rec.kartla --owner owner.id --section profile
kartla record get rec.kartla --owner owner.id --section profile
kartla record remove rec.kartla --owner owner.id --section profile
kartla record list rec.kartla --owner owner.id
kartla verify rec.kartla --json
