. "$CASES/lib.sh"
# The library's own messages (kartla_last_error_localized) in the participant's language: still one
# line starting `kartla: error:` with the exit code of its class. The values inside a message (a
# section name, a file name) are shown as given, and the operating system's words as it says them.
from_once owner.id other.id
new_record
set_sections profile
kartla record get rec.kartla --owner owner.id --section work_ability --language sv
(unset LC_ALL; LANG=fi_FI.UTF-8 kartla record get rec.kartla --owner owner.id --section work_ability)
# Another person's identity: the library refuses it, in either language.
KARTLA_PASSPHRASE='another owner passphrase' kartla record list rec.kartla --owner other.id --language sv
(unset LC_ALL; export LANG=fi_FI.UTF-8 KARTLA_PASSPHRASE='another owner passphrase'; kartla record list rec.kartla --owner other.id)
# A wrong passphrase: the library's words, then the CLI's advice, both in the chosen language.
KARTLA_PASSPHRASE='not the passphrase' kartla record list rec.kartla --owner owner.id --language fi
# The English text is unchanged for scripts and logs.
kartla record get rec.kartla --owner owner.id --section work_ability --language en
