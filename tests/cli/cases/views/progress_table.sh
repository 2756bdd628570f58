. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# progress as a table: one row per indicator, the participant's self-rating and the
# professional's rating of it side by side, first → latest, change and count (numbers in
# progress_json.sh); titles never cut; in the reader's language.
record_with progress="$PROGRESS_JSON"
kartla progress rec.kartla "${OWNER[@]}"
kartla progress rec.kartla "${OWNER[@]}" --language sv
kartla progress rec.kartla "${OWNER[@]}" --language fi
