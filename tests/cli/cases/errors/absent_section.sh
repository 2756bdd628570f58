. "$CASES/lib.sh"
# A section the record does not hold: exit 3, naming it.
from_once owner.id
new_record
set_sections profile
kartla record get rec.kartla --owner owner.id --section work_ability
