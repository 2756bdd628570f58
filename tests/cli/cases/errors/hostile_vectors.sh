. "$CASES/lib.sh"
# Files a dishonest owner or a forger could hand over (tests/vectors/negative.json): one signed
# manifest with two entries for one section, an entry in another slot, a repeated slot
# commitment, a length that is not a padded one (docs/SPEC.md §5.3, §5.4, §6.3). verify refuses
# each with exit 4 and prints nothing on stdout, with or without --json.
python3 -c 'import json, sys; open("genuine.kartla", "wb").write(bytes.fromhex(json.load(open(sys.argv[1]))["versions"][0]["file"]))' "$VECTORS/record.json"
# Control: the genuine record these forgeries were made from verifies.
kartla verify genuine.kartla
for name in slot_tag_repeated entry_in_another_slot slot_commitment_repeated ciphertext_length_not_padded; do
  # The vector itself says a keyless verify fails.
  python3 -c 'import json, sys
v = [v for v in json.load(open(sys.argv[1]))["vectors"] if v["name"] == sys.argv[2]][0]
print(sys.argv[2] + ": keyless verify expected to fail with", [c["result"] for c in v["checks"] if c["operation"] == "verify"][0])' \
    "$VECTORS/negative.json" "$name"
  _tool vector "$VECTORS/negative.json" "$name" "$name.kartla"
  kartla verify "$name.kartla"
  kartla verify "$name.kartla" --json
done
