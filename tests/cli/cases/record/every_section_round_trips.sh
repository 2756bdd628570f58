. "$CASES/lib.sh"
# The participant's story: every section set from its example and read back as written; each
# save is the next version (sequence), names a new previous manifest (<HEX64:n>) and keeps the
# record id; `verify` counts sections without naming them, with padded sizes (1 KiB at least:
# 1024 + 24 nonce + 16 tag) and the file's size.
from_once owner.id
new_record
kartla verify rec.kartla --json
echo "rec.kartla: $(size rec.kartla) bytes"
for required in profile work_ability; do exists "$EX/$required.json"; done
output kartla sections --json | python3 -c 'import json, sys; print("\n".join(s["name"] for s in json.load(sys.stdin)))' >names.txt
while read -r name; do
  if [ "$name" = sharing_ledger ]; then
    # Written only by the library (share, revoke, expiry): refused, and nothing is saved.
    keep_copy rec.kartla
    kartla record set rec.kartla --owner owner.id --section "$name" --in "$EX/$name.json"
    compare_copy rec.kartla
    continue
  fi
  kartla record set rec.kartla --owner owner.id --section "$name" --in "$EX/$name.json"
  kartla verify rec.kartla --json
  echo "rec.kartla: $(size rec.kartla) bytes"
  tee_to got.json kartla record get rec.kartla --owner owner.id --section "$name"
  if [ "$name" = documents ]; then
    # A document's bytes never come out as JSON: the section's view is the listing `document
    # list --json` prints (metadata, size, SHA-256); `document get` writes the bytes to a file.
    output kartla document list rec.kartla --owner owner.id --json >listed.json
    same "documents: record get shows the listing, not the bytes" got.json listed.json
  else
    _tool same-content got.json "$EX/$name.json"
  fi
  if [ "$name" = profile ] || [ "$name" = work_ability ]; then
    # Output fed back in is stable: get(set(get(x))) == get(x), byte for byte.
    kartla record set rec.kartla --owner owner.id --section "$name" --in - <got.json
    output kartla record get rec.kartla --owner owner.id --section "$name" >again.json
    same "$name: JSON output read back in gives the same output" got.json again.json
  fi
done <names.txt
kartla record list rec.kartla --owner owner.id
kartla record list rec.kartla --owner owner.id --json
(unset KARTLA_PASSPHRASE; tee_to verify.txt kartla verify rec.kartla)
echo "rec.kartla: $(size rec.kartla) bytes"
no_section_named verify.txt "verify rec.kartla"
