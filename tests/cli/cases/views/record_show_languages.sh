. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# A participant reads the record in their language: a whole persona's record in Swedish, in
# Finnish and in English, with field labels, code labels (CEFR, SFI, ISCED, OCN, intervention
# types) and who wrote each entry in words; no ids, hashes or code-system keys such as
# `kartla-method`. The language comes from --language, else from the locale as gettext reads it
# (LANGUAGE, LC_ALL, LC_MESSAGES, LANG; English in the C locale), and one language tag is refused.
persona=$PERSONAS/newly-arrived-filipstad
pairs=()
for s in profile education work_experience competences languages work_ability action_plan progress interventions documents notes; do
  pairs+=("$s=$persona/$s.json")
done
record_with "${pairs[@]}"
kartla record show rec.kartla "${OWNER[@]}" --language sv
kartla record show rec.kartla "${OWNER[@]}" --language fi
kartla record show rec.kartla "${OWNER[@]}" --language en
# The locale: a Swedish-speaking participant's terminal, a Finnish LANGUAGE list, the C locale.
(unset LC_ALL; LANG=sv_SE.UTF-8 kartla record show rec.kartla "${OWNER[@]}" --section languages)
(unset LC_ALL; LANG=en_GB.UTF-8 LANGUAGE=de:fi kartla record show rec.kartla "${OWNER[@]}" --section languages)
LANGUAGE=sv kartla record show rec.kartla "${OWNER[@]}" --section languages
# --language wins over the locale; an unknown language reads English.
(unset LC_ALL; LANG=sv_SE.UTF-8 kartla record show rec.kartla "${OWNER[@]}" --section profile --language fi)
kartla record show rec.kartla "${OWNER[@]}" --section profile --language de
# Messages of the tool itself follow the same choice.
(unset LC_ALL; LANG=fi_FI.UTF-8 kartla nosuchcommand)
kartla nosuchcommand --language sv
