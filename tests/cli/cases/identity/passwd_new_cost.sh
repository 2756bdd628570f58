. "$CASES/lib.sh"
# passwd and recover can give the new passphrase a new Argon2id cost (--kdf-memory-mib,
# --kdf-passes): one outside the policy (below 64 MiB or 3 passes, above 1024 MiB) is refused and
# leaves the file alone; one inside it works, and the new passphrase opens the file.
export KARTLA_PASSPHRASE=old
tee_to new.json kartla identity new --out owner.id --json "${KDF[@]}"
code=$(json new.json recovery_code)
keep_copy owner.id
KARTLA_NEW_PASSPHRASE=new kartla identity passwd owner.id --kdf-memory-mib 32
KARTLA_NEW_PASSPHRASE=new kartla identity passwd owner.id --kdf-passes 2
KARTLA_RECOVERY_CODE=$code KARTLA_NEW_PASSPHRASE=new kartla identity recover owner.id --kdf-memory-mib 2048
compare_copy owner.id
KARTLA_NEW_PASSPHRASE=new kartla identity passwd owner.id --kdf-memory-mib 64 --kdf-passes 4
KARTLA_PASSPHRASE=new kartla identity fingerprint owner.id
KARTLA_RECOVERY_CODE=$code KARTLA_NEW_PASSPHRASE=again kartla identity recover owner.id --kdf-memory-mib 64
KARTLA_PASSPHRASE=again kartla identity fingerprint owner.id
