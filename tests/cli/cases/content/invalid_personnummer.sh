. "$CASES/lib.sh"
. "$CASES/content/_content.sh"
# record set refuses a personnummer whose check digit is wrong (Skatteverket's example, last digit
# changed), naming field and rule; the stored profile is the old one.
from_once owner.id
new_record
good=$PERSONAS/long-term-unemployed-landskrona/profile.json
quiet kartla record set rec.kartla --owner owner.id --section profile --in "$good"
edit "$good" p.json 'd["national_id"]["se_personnummer"] = "196408233235"'
refused profile p.json
echo "stored national_id: $(output kartla record get rec.kartla --owner owner.id --section profile | json - national_id)"
