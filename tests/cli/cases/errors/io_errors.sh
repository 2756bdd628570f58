. "$CASES/lib.sh"
# Files that are missing, unreadable or cannot be written: exit 6, naming the file.
from_once owner.id
new_record
kartla verify missing.kartla
kartla record list missing.kartla --owner owner.id
kartla record list rec.kartla --owner missing.id
kartla record set rec.kartla --owner owner.id --section profile --in missing.json
kartla identity fingerprint owner.id --passphrase-file missing.txt
# A file the system refuses to read: /proc/self/mem fails with EIO at offset 0, even for root.
kartla identity fingerprint owner.id --passphrase-file /proc/self/mem
# Permissions: root reads through them, so this part is checked for an ordinary user only, and
# prints nothing either way when it holds.
if [ "$(id -u)" != 0 ]; then
  : >locked.kartla
  chmod 0 locked.kartla
  exit_is 6 kartla verify locked.kartla
  exit_is 6 kartla record list locked.kartla --owner owner.id
  rm -f locked.kartla
fi
kartla identity new --out no-such-dir/owner.id
kartla record new --owner owner.id --out no-such-dir/rec.kartla
kartla identity card owner.id --out no-such-dir/owner.card
exists no-such-dir
