. "$CASES/lib.sh"
# A record locked by another program saving it is busy: exit 6, and the record is unchanged.
from_once owner.id
new_record
keep_copy rec.kartla
(
  flock 9
  kartla record set rec.kartla --owner owner.id --section profile --json "$EX/profile.json"
) 9>rec.kartla.lock
compare_copy rec.kartla
