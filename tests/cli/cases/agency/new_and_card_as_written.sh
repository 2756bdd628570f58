. "$CASES/lib.sh"
# agency new exactly as the README writes it (so with the default Argon2id cost), then its card:
# the summary, the recovery code once, the card naming the agency (agency show, in words and as
# JSON), one fingerprint throughout (<FP:1>). The recovery code is the agency identity's: it sets
# a new passphrase, and the old one stops working.
kartla agency new --name "Landskrona stad" --org 212000-1140 --role municipal_labour_unit --out agency.id
code=$(sed -n 's/^    \([0-9a-f-]\{44\}\)$/\1/p' "$_kept")
kartla agency card agency.id --out agency.card
(unset KARTLA_PASSPHRASE; kartla agency show agency.card --json)
(unset KARTLA_PASSPHRASE; kartla agency show agency.card)
(unset KARTLA_PASSPHRASE; kartla identity fingerprint agency.card)
KARTLA_RECOVERY_CODE=$code KARTLA_NEW_PASSPHRASE=new kartla identity recover agency.id
kartla agency card agency.id --out again.card
KARTLA_PASSPHRASE=new kartla agency card agency.id --out agency.card --force
