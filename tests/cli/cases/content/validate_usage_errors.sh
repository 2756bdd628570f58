. "$CASES/lib.sh"
# validate's usage errors.
echo '{}' >x.json
kartla validate --section nope --in x.json
kartla validate --section notes
kartla validate --section notes --in x.json --protobuf x.json
kartla validate --section notes --in x.json --report xml
