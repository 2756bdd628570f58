. "$CASES/lib.sh"
# A card whose self-signature no longer matches its bytes fails verification (exit 4).
quiet kartla identity new --out owner.id "${KDF[@]}"
quiet kartla identity card owner.id --out owner.card
flip owner.card bad.card n-1
kartla identity fingerprint bad.card
