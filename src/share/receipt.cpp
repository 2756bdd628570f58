// SPDX-License-Identifier: Apache-2.0
#include "share/receipt.h"

#include <optional>

#include "base/error.h"
#include "crypto/encoding.h"
#include "format/card_codec.h"
#include "format/fingerprint.h"
#include "share/ledger.h"
#include "share/time_text.h"

namespace kartla::share {
namespace {

const v1::ShareGrantRecord& ledger_entry(const v1::SharingLedger& ledger, const std::string& grant_id_hex) {
  for (const auto& entry : ledger.grants())
    if (entry.id() == grant_id_hex) return entry;
  fail(Code::not_found, "no grant with id %s in this record's sharing ledger", {grant_id_hex});
}

// The pinned card, decoded (self-signature checked) and of the kind its role needs.
format::Card pinned_card(ByteView card_file, format::CardKind kind, const char* what) {
  format::SignedCard card = format::decode_card_file(card_file);
  if (card.card.kind != kind && kind == format::CardKind::owner)
    fail(Code::invalid_argument, "%s is not an owner's card", {what});
  if (card.card.kind != kind) fail(Code::invalid_argument, "%s is not an agency's card", {what});
  return std::move(card.card);
}

}  // namespace

std::string make_receipt_file(const model::Record& record, const std::string& grant_id_hex, int64_t now) {
  // A receipt names the version it was made from (sequence and manifest hash): only a version the
  // owner signed and saved can be named, and a termination must not be stated before the save
  // that removed the grant's keys from the record has happened.
  if (record.sequence() == 0 || record.has_unsaved_changes())
    fail(Code::invalid_argument, "save the record before making a receipt: a receipt names the saved version");
  const v1::SharingLedger ledger = read_ledger(record);
  // The ledger is what the receipt states; one that does not describe the grants the record holds
  // must not be signed as the owner's word.
  check_ledger_matches_grants(record, ledger);
  const v1::ShareGrantRecord& entry = ledger_entry(ledger, grant_id_hex);

  format::Receipt r;
  const bool live = is_active(entry);
  if (live && entry.has_expires_at() && entry.expires_at().seconds() <= now)
    fail(Code::expired, "grant %1$s is past its expiry (%2$s) but still in the record: it ends at the next save, and "
         "its termination receipt can be made then", {grant_id_hex, format_utc(entry.expires_at().seconds())});
  r.kind = live ? format::ReceiptKind::grant : format::ReceiptKind::termination;
  if (entry.has_revoked_at()) {
    r.ended_at = entry.revoked_at().seconds();
    r.end_reason = format::ReceiptEnd::revoked;
  } else if (entry.has_expired_at()) {
    r.ended_at = entry.expired_at().seconds();
    r.end_reason = format::ReceiptEnd::expired;
  }

  const auto grant_id = crypto::from_hex(entry.id());
  if (!grant_id || grant_id->size() != 16) fail(Code::schema, "the sharing ledger holds a malformed grant id");
  // The agency's keys come from its card, kept in the ledger to re-issue grants (SPEC §7.5):
  // exactly the keys the grant was sealed to and names.
  const format::SignedCard card = format::decode_card_file(entry.agency_card());
  r.record_id = record.record_id();
  r.owner_signing_key = record.owner_signing_key();
  r.owner_encryption_key = record.owner_encryption_key();
  r.grant_id = *grant_id;
  r.recipient_signing_key = card.card.signing_key;
  r.recipient_encryption_key = card.card.encryption_key;
  r.agency_name = card.card.name;
  r.sections.assign(entry.sections().begin(), entry.sections().end());
  r.purpose = entry.purpose();
  r.gdpr_art6_basis = entry.gdpr_art6_basis().code();
  r.gdpr_art9_basis = entry.gdpr_art9_basis().code();
  r.granted_at = entry.granted_at().seconds();
  r.expires_at = entry.has_expires_at() ? entry.expires_at().seconds() : 0;
  r.sequence = record.sequence();
  r.manifest_hash = record.manifest_hash();

  return record.signed_receipt_file(r);
}

format::SignedReceipt verify_receipt(ByteView receipt_file, ByteView owner_card_file, ByteView agency_card_file) {
  std::optional<format::Card> owner;
  std::optional<format::Card> agency;
  if (owner_card_file.size != 0) owner = pinned_card(owner_card_file, format::CardKind::owner, "the owner card");
  if (agency_card_file.size != 0) agency = pinned_card(agency_card_file, format::CardKind::agency, "the agency card");

  format::SignedReceipt signed_receipt = format::decode_receipt_file(receipt_file);
  const format::Receipt& r = signed_receipt.receipt;
  // Step 5. A valid signature only says that *some* owner signed: both keys, as
  // kartla_share_check_owner compares them.
  if (owner && (r.owner_signing_key != owner->signing_key || r.owner_encryption_key != owner->encryption_key))
    fail(Code::auth, "this receipt is signed by owner %1$s, not by the expected owner %2$s",
         {format::fingerprint(r.owner_signing_key, r.owner_encryption_key), format::fingerprint(owner->signing_key, owner->encryption_key)});
  // Step 6. A receipt for another agency's grant says nothing about this agency's.
  if (agency && (r.recipient_signing_key != agency->signing_key || r.recipient_encryption_key != agency->encryption_key))
    fail(Code::signature, "this receipt is about a grant to agency %1$s, not to this agency (%2$s)",
         {format::fingerprint(r.recipient_signing_key, r.recipient_encryption_key), format::fingerprint(agency->signing_key, agency->encryption_key)});
  return signed_receipt;
}

}  // namespace kartla::share
