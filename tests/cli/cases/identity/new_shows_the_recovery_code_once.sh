. "$CASES/lib.sh"
# identity new for a person: the fingerprint, and the recovery code shown once (<CODE:1>) under a
# warning. The code really is this identity's: it recovers it.
kartla identity new --out owner.id "${KDF[@]}"
code=$(sed -n 's/^    \([0-9a-f-]\{44\}\)$/\1/p' "$_kept")
KARTLA_RECOVERY_CODE=$code KARTLA_NEW_PASSPHRASE=n kartla identity recover owner.id
