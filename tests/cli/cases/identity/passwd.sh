. "$CASES/lib.sh"
# passwd changes the passphrase; the old one stops working; a wrong current passphrase or no new
# one is refused and leaves the file alone; the recovery code survives the change.
export KARTLA_PASSPHRASE=old
tee_to new.json kartla identity new --out owner.id --json "${KDF[@]}"
code=$(json new.json recovery_code)
KARTLA_NEW_PASSPHRASE=new kartla identity passwd owner.id
KARTLA_PASSPHRASE=new kartla identity fingerprint owner.id
kartla identity fingerprint owner.id
keep_copy owner.id
KARTLA_NEW_PASSPHRASE=newer kartla identity passwd owner.id
KARTLA_PASSPHRASE=new kartla identity passwd owner.id
compare_copy owner.id
KARTLA_RECOVERY_CODE=$code KARTLA_NEW_PASSPHRASE=again kartla identity recover owner.id
KARTLA_PASSPHRASE=again kartla identity fingerprint owner.id
