. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# --sections all (or *) is every section except health data, said in one note on stderr; the
# ledger is never shared. Naming a health section needs --art9-basis; then it is shared silently.
# Section lists are trimmed and each name counted once; malformed lists are usage errors; a
# section the record does not hold is not available (exit 3).
record_with profile competences work_ability
kartla share rec.kartla "${OWNER[@]}" --to b.card --sections "competences, competences" --purpose P --out first.bundle --json
for everything in all '*'; do
  bundle=all-${#everything}.bundle
  kartla share rec.kartla "${OWNER[@]}" --to a.card --sections "$everything" --purpose P --out "$bundle" --json
  echo "$bundle: $(output kartla verify "$bundle" --json | json - sections_present) sections present"
  kartla open "$bundle" --as a.id --section work_ability
done
kartla open rec.kartla --as a.id --section work_ability
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,work_ability \
  --purpose "Avstämning av arbetsförmåga" --out health.bundle
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,work_ability \
  --purpose "Avstämning av arbetsförmåga" --art9-basis 9.2.a --out health.bundle
quiet kartla open health.bundle --as a.id --section work_ability
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections sharing_ledger --purpose P --out x.bundle
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,hobbies --purpose P --out x.bundle
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections all,profile --purpose P --out x.bundle
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,,competences --purpose P --out x.bundle
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --out x.bundle
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --out health.bundle
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections languages --purpose P --out x.bundle
