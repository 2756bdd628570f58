. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# progress as a table: first, latest, change and count per indicator (numbers in progress_json.sh).
record_with progress="$PROGRESS_JSON"
kartla progress rec.kartla "${OWNER[@]}"
