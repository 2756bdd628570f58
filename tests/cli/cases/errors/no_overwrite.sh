. "$CASES/lib.sh"
# Refusing to overwrite is a usage error, and leaves the file alone.
from_once owner.id
new_record
keep_copy rec.kartla owner.id
kartla record new --owner owner.id --out rec.kartla
kartla identity new --out owner.id
kartla record new --owner owner.id --out owner.id
compare_copy rec.kartla owner.id
