. "$CASES/lib.sh"
# --last-seen: a sequence below it is an older copy (exit 7); a value too large is a usage
# error; damage outranks age (a tampered old copy is exit 4).
from_once owner.id
new_record
set_sections profile
kartla verify rec.kartla --last-seen 2
kartla verify rec.kartla --last-seen 0
kartla verify rec.kartla --last-seen 3
kartla verify rec.kartla --json --last-seen 18446744073709551615
kartla verify rec.kartla --last-seen 18446744073709551616
flip rec.kartla tampered.kartla n-1
kartla verify tampered.kartla --last-seen 3
