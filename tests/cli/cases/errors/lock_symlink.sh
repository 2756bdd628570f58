. "$CASES/lib.sh"
# The lock beside a record has a predictable name: a symlink planted there is refused (O_NOFOLLOW),
# so a save never creates a file where the link points; the record is unchanged.
from_once owner.id
new_record
keep_copy rec.kartla
rm rec.kartla.lock
ln -s planted-target rec.kartla.lock
kartla record set rec.kartla --owner owner.id --section profile --in "$EX/profile.json"
exists planted-target
compare_copy rec.kartla
