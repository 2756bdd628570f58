. "$CASES/lib.sh"
# One option, one meaning: --json only switches output to JSON, and section input is --in FILE.
# The old spelling `--json FILE` still works, with a warning; both at once is a usage error.
from_once owner.id
new_record
kartla record set rec.kartla --owner owner.id --section profile --json "$EX/profile.json"
kartla record set rec.kartla --owner owner.id --section profile --in "$EX/profile.json" --json "$EX/profile.json"
kartla validate --section profile --json "$EX/profile.json"
# Standard input is '-', and /dev/stdin works as well.
kartla record set rec.kartla --owner owner.id --section languages --in - <"$EX/languages.json"
kartla validate --section languages --in /dev/stdin <"$EX/languages.json"
