. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# record show reads like a document: sections in the order of `kartla sections`, code labels from
# the code systems (CEFR, the SFI study path), each entry's source marked; never protobuf JSON.
# --section shows one; a section not held exits 3, an unknown one 2.
persona=$PERSONAS/newly-arrived-filipstad
record_with languages="$persona/languages.json" competences="$persona/competences.json"
kartla record show rec.kartla "${OWNER[@]}"
kartla record show rec.kartla "${OWNER[@]}" --section languages
kartla record show rec.kartla "${OWNER[@]}" --section profile
kartla record show rec.kartla "${OWNER[@]}" --section nope
