. "$CASES/lib.sh"
. "$CASES/content/_content.sh"
# A refused section in the participant's language: the frame, the field's line and the content
# rule's own sentence are all translated (kartla_last_error_localized formats the nested
# messages); the values inside (field path, rule id, the quoted codes) are shown as given.
from_once owner.id
new_record
pnr=$PERSONAS/long-term-unemployed-landskrona/profile.json
edit "$pnr" p.json 'd["national_id"]["se_personnummer"] = "196408233235"'
sfi=$PERSONAS/newly-arrived-filipstad/languages.json
edit "$sfi" l.json 'd["entries"][2]["sfi"]["current_course"]["code"] = "A"'
# An identity number's reason comes from the identifier checks, a rule's sentence from the rules.
kartla record set rec.kartla --owner owner.id --section profile --in p.json --language sv
(unset LC_ALL; LANG=fi_FI.UTF-8 kartla record set rec.kartla --owner owner.id --section profile --in p.json)
kartla record set rec.kartla --owner owner.id --section languages --in l.json --language sv
kartla record set rec.kartla --owner owner.id --section languages --in l.json --language fi
# The English text is unchanged for scripts and logs.
kartla record set rec.kartla --owner owner.id --section languages --in l.json --language en
