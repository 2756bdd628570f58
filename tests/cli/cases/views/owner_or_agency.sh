. "$CASES/lib.sh"
. "$CASES/views/_views.sh"
# A view is the owner's or an agency's, not both; --trust is the owner's; --at must be a time.
record_with progress="$EX/progress.json"
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections progress --purpose Uppföljning --out a.bundle
kartla progress a.bundle --as a.id "${OWNER[@]}"
kartla record show a.bundle --as a.id --trust t.list
kartla plan a.bundle --as a.id --at tomorrow
