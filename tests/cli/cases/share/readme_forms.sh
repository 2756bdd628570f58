. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# share and open as the README writes them (plus the optional --expires): the grant is saved as
# the next version; the bundle verifies on its own and carries the granted sections only (two of
# the four the record lists: profile, competences, languages and the sharing ledger) and its one
# grant; the agency reads, from the bundle and from the record file, what the owner wrote.
record_with profile competences languages
tee_to share.txt kartla share rec.kartla --owner owner.id --to a.card --sections profile,competences \
  --purpose "Kartläggning inför praktik" --expires 2099-06-30 --out a.bundle
name_value "$(sed -n 's/^grant id:  //p' share.txt)" GRANT
echo "a.bundle: $(size a.bundle) bytes"
kartla verify a.bundle --json
for section in profile competences; do
  output kartla record get rec.kartla --owner owner.id --section "$section" >"owner-$section.json"
  for source in a.bundle rec.kartla; do
    output kartla open "$source" --as a.id --section "$section" --json >got.json
    same "$section from $source reads as the owner wrote it" "owner-$section.json" got.json
  done
done
# Not granted: exit 3, and the message says what is.
for source in a.bundle rec.kartla; do
  kartla open "$source" --as a.id --section languages
done
kartla open a.bundle --as a.id --section work_ability
# Agency B holds no grant in A's bundle.
kartla open a.bundle --as b.id --section profile
kartla open a.bundle --as b.id
