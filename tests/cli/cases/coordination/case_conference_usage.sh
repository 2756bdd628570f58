. "$CASES/lib.sh"
. "$CASES/coordination/_coordination.sh"
# The case-conference forms of `share` that are refused before any passphrase is asked for or
# the record changes: a NAME that is no --to card, an agency without its sections, one named
# twice, a plain list mixed with named ones, and two cards for the same agency.
record_with profile languages
keep_copy rec.kartla
kartla share rec.kartla "${OWNER[@]}" --to kommun.card --to af.card --sections kommun=profile --sections x=languages \
  --purpose P --out m.kartla
kartla share rec.kartla "${OWNER[@]}" --to kommun.card --to af.card --sections kommun=profile --purpose P --out m.kartla
kartla share rec.kartla "${OWNER[@]}" --to kommun.card --to af.card --sections kommun=profile \
  --sections kommun=languages --sections af=profile --purpose P --out m.kartla
kartla share rec.kartla "${OWNER[@]}" --to kommun.card --to af.card --sections profile --sections af=profile \
  --purpose P --out m.kartla
cp kommun.card again.card
kartla share rec.kartla "${OWNER[@]}" --to kommun.card --to again.card --sections profile --purpose P --out m.kartla
kartla share rec.kartla "${OWNER[@]}" --to kommun.card --sections kommun=profile --purpose P --out m.kartla
compare_copy rec.kartla
exists m.kartla
# A plain --sections gives every agency the same sections.
quiet kartla share rec.kartla "${OWNER[@]}" --to kommun.card --to af.card --sections profile --purpose P --out m.kartla
output kartla open m.kartla --as af.id --section profile --json >profile.json
json profile.json given_name
