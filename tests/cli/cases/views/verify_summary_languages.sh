. "$CASES/lib.sh"
# The summary `kartla verify` prints for a person, in Swedish and in Finnish: labels in words,
# the values (ids, fingerprints, sizes) as they are.
from_once owner.id
new_record
set_sections profile
(unset LC_ALL; LANG=sv_SE.UTF-8 kartla verify rec.kartla)
kartla verify rec.kartla --language fi
