. "$CASES/lib.sh"
. "$CASES/receipt/_receipt.sh"
# revoke --receipt writes one termination receipt per grant ended, in ledger order (end.receipt,
# end.receipt.2), each 0600; every receipt file is checked before anything changes. B's grant
# goes on and still has a grant receipt. A later receipt of a revoked grant says the same, from a
# later version. The text summary names the files too.
record_with profile languages
tee_to first.json kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose Kartläggning --out a1.bundle --json
tee_to second.json kartla share rec.kartla "${OWNER[@]}" --to a.card --sections languages --purpose Språkstöd \
  --expires 2099-06-30 --out a2.bundle --json
tee_to kept.json kartla share rec.kartla "${OWNER[@]}" --to b.card --sections profile --purpose Matchning --out b.bundle --json
name_value "$(json first.json grant_id)" GRANT_1
name_value "$(json second.json grant_id)" GRANT_2
name_value "$(json kept.json grant_id)" GRANT_B
echo "already here" >end.receipt.2
keep_copy rec.kartla
kartla revoke rec.kartla "${OWNER[@]}" --from a.card --receipt end.receipt
compare_copy rec.kartla
rm end.receipt.2
kartla revoke rec.kartla "${OWNER[@]}" --from a.card --receipt end.receipt --json
mode end.receipt end.receipt.2
for name in end.receipt end.receipt.2; do
  (unset KARTLA_PASSPHRASE; tee_to "$name.json" kartla receipt show "$name" --json --owner-card owner.card --agency-card a.card)
  (unset KARTLA_PASSPHRASE; kartla receipt show "$name")
done
kartla receipt rec.kartla "${OWNER[@]}" --grant "$(json kept.json grant_id)" --out b.receipt
(unset KARTLA_PASSPHRASE; kartla receipt show b.receipt --json --agency-card b.card)
quiet kartla record set rec.kartla "${OWNER[@]}" --section profile --in "$EX/profile.json"
quiet kartla receipt rec.kartla "${OWNER[@]}" --grant "$(json first.json grant_id)" --out later.receipt
(unset KARTLA_PASSPHRASE; tee_to later.json kartla receipt show later.receipt --json)
python3 - later.json end.receipt.json end.receipt.2.json <<'PY'
import json, sys
later, first, second = (json.load(open(p)) for p in sys.argv[1:])
for d in (first, second):
    if d["ended_at"] < d["granted_at"]:  # RFC 3339 in UTC: text order is time order
        print("!!! grant %s ended before it was granted" % d["grant_id"])
print("the later receipt: the same end, one version later" if later["ended_at"] == first["ended_at"]
      and int(later["sequence"]) == int(first["sequence"]) + 1 else "!!! the later receipt differs")
PY
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose Igen --out a3.bundle
kartla revoke rec.kartla "${OWNER[@]}" --from a.card --receipt third.receipt
