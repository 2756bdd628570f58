. "$CASES/lib.sh"
# The section names, in order; work_ability is marked special category (health data).
unset KARTLA_PASSPHRASE
kartla sections
kartla sections --json
