. "$CASES/lib.sh"
# validate's usage errors.
echo '{}' >x.json
kartla validate --section nope --json x.json
kartla validate --section notes
kartla validate --section notes --json x.json --protobuf x.json
kartla validate --section notes --json x.json --report xml
