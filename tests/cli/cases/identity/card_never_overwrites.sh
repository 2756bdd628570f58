. "$CASES/lib.sh"
# card refuses to overwrite a file without --force, and never writes over the identity file.
kartla identity new --out owner.id --json "${KDF[@]}"
echo -n "something precious" >owner.card
kartla identity card owner.id --out owner.card
cat owner.card && echo
kartla identity card owner.id --out owner.card --force
kartla identity fingerprint owner.card
keep_copy owner.id
kartla identity card owner.id --out owner.id --force
compare_copy owner.id
