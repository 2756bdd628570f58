. "$CASES/lib.sh"
# SPEC §4.1: an agency (or trust root) identity cannot be a record's owner, new or opened.
from_once owner.id a.id
kartla record new --owner a.id --out a.kartla
exists a.kartla
new_record
kartla record list rec.kartla --owner a.id
kartla record list rec.kartla --owner owner.id
