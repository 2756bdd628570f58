. "$CASES/lib.sh"
# The --json summary of identity new, the card's summary and `identity fingerprint` of the card
# and of the identity file all show one fingerprint (<FP:1>). A card needs no passphrase.
kartla identity new --out owner.id --json "${KDF[@]}"
kartla identity card owner.id --out owner.card
head -c 7 owner.card && echo
(unset KARTLA_PASSPHRASE; kartla identity fingerprint owner.card)
kartla identity fingerprint owner.id
