. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# Health data is shared only under a stated GDPR Art. 9(2) basis (docs/SPEC.md §7.1): without
# one, or with a malformed basis, the share is refused and leaves no trace (record unchanged,
# ledger empty). With one, both bases are in the summary, the grant, the ledger and what the
# agency is shown.
record_with profile work_ability
keep_copy rec.kartla
for sections in work_ability profile,work_ability; do
  kartla share rec.kartla "${OWNER[@]}" --to a.card --sections "$sections" --purpose P --out h.bundle
done
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections work_ability --purpose P --art9-basis 9.2.z --out h.bundle
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --art9-basis 9.2.a --out h.bundle
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --art6-basis 6.1.z --out h.bundle
compare_copy rec.kartla
kartla record ledger rec.kartla "${OWNER[@]}" --json
kartla open rec.kartla --as a.id --section work_ability
tee_to share.txt kartla share rec.kartla "${OWNER[@]}" --to a.card --sections work_ability \
  --purpose "Avstämning av arbetsförmåga" --art9-basis 9.2.h --art6-basis 6.1.e --expires 2099-06-30 --out h.bundle
name_value "$(sed -n 's/^grant id:  //p' share.txt)" GRANT_A
tee_to b.json kartla share rec.kartla "${OWNER[@]}" --to b.card --sections profile,work_ability --purpose Matchning \
  --art9-basis 9.2.b --out b.bundle --json
name_value "$(json b.json grant_id)" GRANT_B
kartla record ledger rec.kartla "${OWNER[@]}" --json
kartla record ledger rec.kartla "${OWNER[@]}"
output kartla record get rec.kartla "${OWNER[@]}" --section work_ability >wanted.json
for source in h.bundle rec.kartla; do
  kartla open "$source" --as a.id --json
  kartla open "$source" --as a.id
  output kartla open "$source" --as a.id --section work_ability --json >got.json
  same "A reads work_ability from $source" wanted.json got.json
done
