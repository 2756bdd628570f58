. "$CASES/lib.sh"
. "$CASES/share/_share.sh"
# A changed section body (its AEAD tag is the last byte), a changed manifest (the record id the
# owner signed) and a cut-off bundle all fail verification (exit 4); the untouched one opens.
record_with profile
quiet kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile --purpose P --out a.bundle
flip a.bundle body.bundle n-1
kartla open body.bundle --as a.id --section profile
kartla verify body.bundle
record_id=$(output kartla verify a.bundle --json | json - record_id)
at=$(_tool find a.bundle "$record_id")
flip a.bundle manifest.bundle "$((at + 3))" 0x80
kartla open manifest.bundle --as a.id --section profile
kartla open manifest.bundle --as a.id
cut_to a.bundle truncated.bundle n-7
kartla open truncated.bundle --as a.id
output kartla open a.bundle --as a.id --section profile --json >got.json
output kartla record get rec.kartla "${OWNER[@]}" --section profile >owner.json
same "the untouched bundle still opens" owner.json got.json
