. "$CASES/lib.sh"
# Errors speak the participant's language (the locale, or --language): still one line starting
# `kartla: error:` (the prefix scripts match), with the exit code of its class. The option names,
# values and file names inside a message are shown as given.
from_once owner.id
new_record
(unset LC_ALL; LANG=sv_SE.UTF-8 kartla record list rec.kartla --owner owner.id --no-such-option)
kartla record get rec.kartla --owner owner.id --section nosuch --language sv
kartla verify rec.kartla --last-seen many --language sv
kartla open rec.kartla --as owner.id --at 2027-02-30 --language sv
kartla record new --owner owner.id --out rec.kartla --language sv
kartla verify --language sv
# Finnish: the same choice, the same one line.
(unset LC_ALL; LANG=fi_FI.UTF-8 kartla verify)
(unset LC_ALL; LANG=fi_FI.UTF-8 kartla record get rec.kartla --owner owner.id --section nosuch)
