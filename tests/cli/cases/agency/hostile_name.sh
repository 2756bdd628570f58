. "$CASES/lib.sh"
# A name or purpose holding terminal control sequences (set the window title; C1 CSI "clear
# screen") cannot drive the reader's terminal: every text output shows them as '?'; --json keeps
# the exact name, escaped.
from_once owner.id
name=$'Evil\e]0;pwned\a AB\u009b2J'
kartla agency new --name "$name" --org 212000-1140 --role municipal_labour_unit --out evil.id --json "${KDF[@]}"
quiet kartla agency card evil.id --out evil.card
tee_to show.txt kartla agency show evil.card
_tool no-control show.txt
output kartla agency show evil.card --json >show.json
if [ "$(json show.json name)" = "$name" ]; then echo "--json keeps the exact name"; else echo "!!! --json changed the name"; fi
new_record
quiet kartla record set rec.kartla --owner owner.id --section profile --in "$EX/profile.json"
tee_to share.txt kartla share rec.kartla --owner owner.id --to evil.card --sections profile --purpose $'P\e[2J' --out evil.bundle
tee_to open.txt kartla open evil.bundle --as evil.id
tee_to ledger.txt kartla record ledger rec.kartla --owner owner.id
_tool no-control share.txt
_tool no-control open.txt
_tool no-control ledger.txt
