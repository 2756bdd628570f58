. "$CASES/lib.sh"
# A record locked by another program saving it is busy: exit 8 (its own code: try again later),
# and the record is unchanged.
from_once owner.id
new_record
keep_copy rec.kartla
(
  flock 9
  kartla record set rec.kartla --owner owner.id --section profile --in "$EX/profile.json"
) 9>rec.kartla.lock
compare_copy rec.kartla
