. "$CASES/lib.sh"
# SPEC §7.8: programme_followup is shared only under Art. 6(1)(c) or 6(1)(e), never the default
# consent; the record is unchanged by the refusal.
from_once p01.id p01.kartla p01.json project.card
keep_copy p01.kartla
kartla share p01.kartla --owner p01.id --to project.card --sections programme_followup \
  --purpose "STEGA: uppföljning" --out consent.bundle
compare_copy p01.kartla
exists consent.bundle
