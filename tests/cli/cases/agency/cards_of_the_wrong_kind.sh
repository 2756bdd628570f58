. "$CASES/lib.sh"
# agency card refuses an owner identity; agency show describes any card (an owner's has no name);
# a card never overwrites a file or the identity; a card whose signed name was changed fails
# verification (exit 4), a Kartla file of another kind is a usage error (exit 2); the genuine
# card still shows.
from_once owner.id a.id a.card
kartla agency card owner.id --out owner.card
exists owner.card
quiet kartla identity card owner.id --out owner.card
kartla agency show owner.card --json
kartla agency show owner.card
kartla agency card a.id --out a.card
kartla agency card a.id --out a.id
at=$(_tool find-text a.card "Landskrona stad")
flip a.card forged.card "$at" 0x20
kartla agency show forged.card
kartla agency show owner.id
kartla agency show a.card
