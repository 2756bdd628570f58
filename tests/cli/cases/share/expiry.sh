. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# A grant that expires on a day is valid through that day (UTC); --at checks at another time; an
# exact instant is kept as given (2028 has a leap day, 2100 does not); malformed or past expiries
# and --at values are usage errors, and no refused share reaches the record or writes a bundle.
record_with profile
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --expires 2099-06-30 --out a.bundle
for at in 2099-06-30 2099-06-30T23:59:59Z 2030-01-01; do
  quiet kartla open a.bundle --as a.id --section profile --at "$at"
done
for at in 2099-07-01 2099-07-01T00:00:00Z 2150-01-01; do
  kartla open a.bundle --as a.id --section profile --at "$at"
done
kartla share rec.kartla "${OWNER[@]}" --to b.card --sections profile --purpose P --expires 2028-02-29T12:30:00Z \
  --out b.bundle --json
quiet kartla open b.bundle --as b.id --section profile --at 2028-02-29T12:29:59Z
kartla open b.bundle --as b.id --section profile --at 2028-02-29T12:30:00Z
keep_copy rec.kartla
for bad in 2027-02-30 2100-02-29 2027-13-01 2027-1-1 tomorrow 2027-01-01T24:00:00Z 2027-01-01T10:00:00+02:00; do
  kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --expires "$bad" --out x.bundle
  kartla open a.bundle --as a.id --section profile --at "$bad"
done
kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --expires 2020-01-01 --out x.bundle
compare_copy rec.kartla
exists x.bundle
