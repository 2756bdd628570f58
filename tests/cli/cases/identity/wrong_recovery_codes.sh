. "$CASES/lib.sh"
# Another identity's code, a mistyped one (one digit changed) and a cut-off one exit 5; a missing
# code or new passphrase exits 2; none of them changes the identity file.
tee_to owner.json kartla identity new --out owner.id --json "${KDF[@]}"
tee_to other.json kartla identity new --out other.id --json "${KDF[@]}"
code=$(json owner.json recovery_code)
other_code=$(json other.json recovery_code)
if [ "${code:0:1}" = 0 ]; then mistyped=1${code:1}; else mistyped=0${code:1}; fi
name_value "$code" CODE
name_value "$mistyped" MISTYPED_CODE
name_value "${code:0:-5}" CUT_CODE
keep_copy owner.id
KARTLA_RECOVERY_CODE=$other_code KARTLA_NEW_PASSPHRASE=x kartla identity recover owner.id
KARTLA_RECOVERY_CODE=$mistyped KARTLA_NEW_PASSPHRASE=x kartla identity recover owner.id
KARTLA_RECOVERY_CODE=${code:0:-5} KARTLA_NEW_PASSPHRASE=x kartla identity recover owner.id
compare_copy owner.id
(unset KARTLA_PASSPHRASE; KARTLA_NEW_PASSPHRASE=x kartla identity recover owner.id)
KARTLA_RECOVERY_CODE=$code kartla identity recover owner.id
compare_copy owner.id
