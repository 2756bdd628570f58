. "$CASES/lib.sh"
. "$CASES/content/_content.sh"
# validate lists every violation as field: rule: message (exit 2), or as a JSON report; content
# may come from standard input; a valid report in JSON says so.
edit "$PERSONAS/newly-arrived-filipstad/languages.json" l.json 'd["entries"][1]["reading"]["code"] = "B3"
d["entries"][2]["sfi"]["current_course"]["code"] = "A"'
kartla validate --section languages --in l.json
kartla validate --section languages --in l.json --report json
(unset KARTLA_PASSPHRASE; kartla validate --section languages --in - --report json <"$PERSONAS/newly-arrived-filipstad/languages.json")
