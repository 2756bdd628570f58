. "$CASES/lib.sh"
# Forgotten passphrase: the recovery code sets a new one, the old one stops working, the keys
# stay the same (the record made before still opens, the fingerprint <FP:1> is unchanged).
export KARTLA_PASSPHRASE=forgotten
tee_to new.json kartla identity new --out owner.id --json "${KDF[@]}"
code=$(json new.json recovery_code)
new_record rec.kartla owner.id
keep_copy owner.id
(unset KARTLA_PASSPHRASE; KARTLA_RECOVERY_CODE=$code KARTLA_NEW_PASSPHRASE=remembered kartla identity recover owner.id)
compare_copy owner.id
KARTLA_PASSPHRASE=remembered kartla identity fingerprint owner.id
kartla identity fingerprint owner.id
KARTLA_PASSPHRASE=remembered kartla record list rec.kartla --owner owner.id
# The code keeps working, and may come from a file; any case, and spaces instead of dashes.
echo "$code" | tr 'a-f-' 'A-F ' >code.txt
echo third >new.txt
(unset KARTLA_PASSPHRASE; kartla identity recover owner.id --recovery-code-file code.txt --new-passphrase-file new.txt)
KARTLA_PASSPHRASE=third kartla identity fingerprint owner.id
