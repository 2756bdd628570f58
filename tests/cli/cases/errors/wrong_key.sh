. "$CASES/lib.sh"
# A wrong passphrase, or another participant's identity: exit 5, and nothing is written.
from_once owner.id other.id
new_record
set_sections profile
keep_copy rec.kartla
KARTLA_PASSPHRASE=wrong kartla record get rec.kartla --owner owner.id --section profile
KARTLA_PASSPHRASE=wrong kartla identity card owner.id --out owner.card
exists owner.card
KARTLA_PASSPHRASE='another owner passphrase' kartla record list rec.kartla --owner other.id
KARTLA_PASSPHRASE='another owner passphrase' kartla record set rec.kartla --owner other.id --section profile --in "$EX/profile.json"
compare_copy rec.kartla
