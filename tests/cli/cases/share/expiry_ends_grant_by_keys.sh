. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# Expiry ends a grant by keys at the owner's first save after it (docs/SPEC.md §7.4), whatever
# the agency's clock says. KARTLA_NOW is the owner's clock; A pretends, with --at, to be before
# the expiry. Until the save the ledger says the grant ends at the next save and no bundle is
# exported; the save (of a section the grant does not even cover) ends it: an EXPIRE event, new
# keys, the grant gone from the record. What A took before stays with it.
record_with profile competences
tee_to a.json kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,competences --purpose Kartläggning \
  --expires 2099-06-30 --out a.bundle --json
tee_to b.json kartla share rec.kartla "${OWNER[@]}" --to b.card --sections profile --purpose Matchning --out b.bundle --json
grant_a=$(json a.json grant_id) grant_b=$(json b.json grant_id)
name_value "$grant_a" GRANT_A
name_value "$grant_b" GRANT_B
output kartla record get rec.kartla "${OWNER[@]}" --section profile >shared.json
KARTLA_NOW=2099-07-02 kartla record ledger rec.kartla "${OWNER[@]}"
KARTLA_NOW=2099-07-02 kartla bundle rec.kartla "${OWNER[@]}" --grant "$grant_a" --out x.bundle
echo "grants listed: $(output kartla verify rec.kartla --json | json - grants_listed)"
KARTLA_NOW=2099-07-02 kartla record set rec.kartla "${OWNER[@]}" --section languages --in "$EX/languages.json"
kartla verify rec.kartla --json
kartla record ledger rec.kartla "${OWNER[@]}" --json
kartla record ledger rec.kartla "${OWNER[@]}"
# An ended grant is never exported, whatever the owner's clock says now.
kartla bundle rec.kartla "${OWNER[@]}" --grant "$grant_a" --out x.bundle
KARTLA_NOW=2099-07-02 kartla bundle rec.kartla "${OWNER[@]}" --grant "$grant_a" --out x.bundle
# Keys, not clocks: A reads nothing from the new record file, whatever its clock.
for section in profile competences; do
  kartla open rec.kartla --as a.id --section "$section" --at 2099-06-01
done
kartla open rec.kartla --as a.id --at 2099-06-01
# Nor what is written afterwards, from the record or B's new bundle; B reads it.
edited_profile Nadia
KARTLA_NOW=2099-07-02 quiet kartla record set rec.kartla "${OWNER[@]}" --section profile --in profile-Nadia.json
KARTLA_NOW=2099-07-02 quiet kartla bundle rec.kartla "${OWNER[@]}" --grant "$grant_b" --out b-new.bundle
output kartla record get rec.kartla "${OWNER[@]}" --section profile >written.json
for source in rec.kartla b-new.bundle; do
  kartla open "$source" --as a.id --section profile --at 2099-06-01
  output kartla open "$source" --as b.id --section profile --json >got.json
  same "B reads the new content from $source" written.json got.json
done
# What A already took stays with it; only its reader's clock refuses it after the expiry (an
# audit aid, not access control).
output kartla open a.bundle --as a.id --section profile --json --at 2099-06-01 >got.json
same "a copy taken before the expiry still opens" shared.json got.json
kartla open a.bundle --as a.id --section profile --at 2099-07-02
