. "$CASES/lib.sh"
. "$CASES/receipt/_receipt.sh"
# share --receipt writes the owner's signed statement of the grant (a receipt file, 'X', mode
# 0600). receipt show checks it on the agency's side and says what the participant stated, and
# what a receipt does not prove; the owner pinned (--owner-card) or not. The owner can write the
# same grant's receipt again later: the same statement.
record_with profile languages
tee_to share.json kartla share rec.kartla "${OWNER[@]}" --to a.card --sections profile,languages \
  --purpose "Kartläggning inför praktik" --expires 2099-06-30 --out a.bundle --receipt a.receipt --json
grant=$(json share.json grant_id)
name_value "$grant" GRANT
mode a.receipt
head -c 8 a.receipt | od -An -c
kartla verify rec.kartla --json
(unset KARTLA_PASSPHRASE; tee_to shown.json kartla receipt show a.receipt --json --owner-card owner.card --agency-card a.card)
(unset KARTLA_PASSPHRASE; kartla receipt show a.receipt --owner-card owner.card)
(unset KARTLA_PASSPHRASE; kartla receipt show a.receipt)
kartla receipt rec.kartla "${OWNER[@]}" --grant "$grant" --out again.receipt
(unset KARTLA_PASSPHRASE; output kartla receipt show again.receipt --json >again.json)
(unset KARTLA_PASSPHRASE; output kartla receipt show a.receipt --json >first.json)
same "the same receipt again" first.json again.json
