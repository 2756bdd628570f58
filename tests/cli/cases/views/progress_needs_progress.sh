. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# progress of a record without a progress section: exit 3, and no chart written; a malformed
# --language is a usage error.
record_with
kartla progress rec.kartla "${OWNER[@]}" --svg chart.svg
exists chart.svg
kartla progress rec.kartla "${OWNER[@]}" --language "s v"
