// SPDX-License-Identifier: Apache-2.0
// receipt.json (docs/SPEC.md §7.6): the owner's receipts of bundle.json's grants, made from its
// record files as the library makes them (a grant receipt of each grant from the record, and the
// termination receipts of agency A's grant from the revoked and from the expired record), with the
// exact Receipt bytes, the signature and the decoded fields; then receipts read the wrong way or
// changed in one place, each with the status a reader MUST give.
#include <memory>
#include <stdexcept>

#include "base/error.h"
#include "crypto/sign.h"
#include "format/byte_source.h"
#include "format/card_codec.h"
#include "format/fingerprint.h"
#include "format/framing.h"
#include "format/labels.h"
#include "format/receipt_codec.h"
#include "generator.h"
#include "share/ledger.h"
#include "share/receipt.h"
#include "wire.h"
#include "wire_read.h"

namespace kartla::vectors {
namespace {

model::Record open_owned(const Owner& owner, const std::string& file) {
  return model::Record::open(std::make_shared<format::OwnedMemorySource>(file),
                             {owner.identity.signing_keys(), owner.identity.box_keys()});
}

std::string grant_id_of(const model::Record& record, const Agency& agency) {
  const std::string fingerprint = agency.identity.fingerprint();
  const v1::SharingLedger ledger = share::read_ledger(record);
  for (const auto& g : ledger.grants())
    if (g.agency_fingerprint() == fingerprint) return g.id();
  throw std::logic_error("no grant to " + agency.label);
}

Json fields_of(const format::Receipt& r) {
  Json sections = Json::array();
  for (const auto& s : r.sections) sections.push(Json::string(s));
  Json f = Json::object();
  f.add("format_version", Json::number(1));
  f.add("kind", Json::number(static_cast<uint32_t>(r.kind)));
  f.add("record_id", Json::hex(r.record_id));
  f.add("owner_signing_key", Json::hex(r.owner_signing_key));
  f.add("owner_encryption_key", Json::hex(r.owner_encryption_key));
  f.add("grant_id", Json::hex(r.grant_id));
  f.add("recipient_signing_key", Json::hex(r.recipient_signing_key));
  f.add("recipient_encryption_key", Json::hex(r.recipient_encryption_key));
  f.add("agency_name", Json::string(r.agency_name));
  f.add("sections", std::move(sections));
  f.add("purpose", Json::string(r.purpose));
  f.add("gdpr_art6_basis", Json::string(r.gdpr_art6_basis));
  f.add("gdpr_art9_basis", Json::string(r.gdpr_art9_basis));
  f.add("granted_at", Json::number(static_cast<uint64_t>(r.granted_at)));
  f.add("expires_at", Json::number(static_cast<uint64_t>(r.expires_at)));
  f.add("ended_at", Json::number(static_cast<uint64_t>(r.ended_at)));
  f.add("end_reason", Json::number(static_cast<uint32_t>(r.end_reason)));
  f.add("sequence", Json::number(r.sequence));
  f.add("manifest_hash", Json::hex(r.manifest_hash));
  return f;
}

struct Made {
  std::string file;
  format::SignedReceipt signed_receipt;
};

Json receipt_vector(const std::string& name, const std::string& comment, const std::string& made_from,
                    const Agency& agency, const Made& made) {
  const format::Receipt& r = made.signed_receipt.receipt;
  Json v = Json::object();
  v.add("name", Json::string(name));
  v.add("comment", Json::string(comment));
  v.add("made_from", Json::string(made_from));
  v.add("agency", Json::string(agency.label));
  v.add("file", Json::hex(made.file));
  v.add("signed_receipt", Json::hex(made.file.substr(format::kFramePrefixBytes)));
  v.add("receipt", Json::hex(made.signed_receipt.receipt_bytes));
  v.add("signed_bytes", Json::hex(std::string(format::label::kReceiptSignature) + '\0' + made.signed_receipt.receipt_bytes));
  v.add("signature", Json::hex(made.signed_receipt.signature));
  v.add("fields", fields_of(r));
  v.add("owner_fingerprint", Json::string(format::fingerprint(r.owner_signing_key, r.owner_encryption_key)));
  v.add("agency_fingerprint",
        Json::string(format::fingerprint(r.recipient_signing_key, r.recipient_encryption_key)));
  return v;
}

Made make(const model::Record& record, const std::string& grant_id, int64_t now, const Owner& owner,
          const Agency& agency) {
  Made m;
  m.file = share::make_receipt_file(record, grant_id, now);
  // What the vector states must be what a pinned reader accepts.
  m.signed_receipt = share::verify_receipt(m.file, owner.identity.card_file(), agency.identity.card_file());
  return m;
}

std::string signed_file(const std::string& receipt_bytes, const crypto::SigningKeyPair& keys,
                        const char* label = format::label::kReceiptSignature) {
  return format::encode_receipt_file(
      format::encode_signed_receipt(receipt_bytes, crypto::sign_with_label(label, keys, receipt_bytes)));
}

// Receipt bytes with field `number` replaced by `value` (already encoded as a whole field, or empty
// to remove it), signed again by the owner: only the rule under test can refuse it.
std::string with_field(const std::string& receipt, uint32_t number, const std::string& value) {
  std::string out;
  bool placed = false;
  for (const auto& f : wire::read_fields(receipt)) {
    if (!placed && f.number >= number) {
      out += value;
      placed = true;
    }
    if (f.number != number)
      out += f.wire_type == 0 ? wire::varint_always(f.number, f.varint) : wire::bytes_always(f.number, f.bytes);
  }
  if (!placed) out += value;
  return out;
}

// Another owner's card, from fixed key bytes: for pinning the wrong owner.
crypto::SigningKeyPair stranger_signing() {
  return crypto::signing_keypair_from_seed(crypto::SecretBuffer::copy_of(std::string(32, '\x33')));
}

std::string stranger_card_file() {
  const crypto::SigningKeyPair signing = stranger_signing();
  const crypto::BoxKeyPair box = crypto::box_keypair_from_secret(crypto::SecretBuffer::copy_of(std::string(32, '\x34')));
  const format::Card card{format::CardKind::owner, signing.public_key, box.public_key, "", "", 0, kCardCreatedAt};
  const std::string bytes = format::encode_card(card);
  return format::encode_card_file(
      format::encode_signed_card(bytes, crypto::sign_with_label(format::label::kCardSignature, signing, bytes)));
}

class Negatives {
 public:
  void add(const std::string& name, const std::string& comment, const std::string& input, const std::string& owner_card,
           const std::string& agency_card, const std::string& result) {
    Json v = Json::object();
    v.add("id", Json::number(next_++));
    v.add("name", Json::string(name));
    v.add("comment", Json::string(comment));
    v.add("input", Json::hex(input));
    v.add("owner_card", Json::hex(owner_card));
    v.add("agency_card", Json::hex(agency_card));
    v.add("result", Json::string(result));
    // The library must agree with the vector, or the vector is wrong.
    Code got = Code::ok;
    try {
      (void)share::verify_receipt(input, owner_card, agency_card);
    } catch (const Error& e) {
      got = e.code();
    }
    if (status_name(got) != result) throw std::logic_error("receipt vector " + name + ": the library gives " + status_name(got));
    list_.push(std::move(v));
  }
  Json take() { return std::move(list_); }

 private:
  static std::string status_name(Code c) {
    switch (c) {
      case Code::ok: return "OK";
      case Code::invalid_argument: return "E_INVALID_ARGUMENT";
      case Code::format: return "E_FORMAT";
      case Code::limit: return "E_LIMIT";
      case Code::version: return "E_VERSION";
      case Code::signature: return "E_SIGNATURE";
      case Code::auth: return "E_AUTH";
      default: return "E_OTHER";
    }
  }
  Json list_ = Json::array();
  uint64_t next_ = 1;
};

}  // namespace

Json receipt_vectors(const Owner& owner, const Sharing& sharing) {
  const model::Record record = open_owned(owner, sharing.record);
  const model::Record revoked = open_owned(owner, sharing.revoked);
  const model::Record expired = open_owned(owner, sharing.expired);
  const std::string id_a = grant_id_of(record, sharing.a);
  const std::string id_b = grant_id_of(record, sharing.b);

  const Made grant_a = make(record, id_a, kReadBefore, owner, sharing.a);
  const Made grant_b = make(record, id_b, kReadBefore, owner, sharing.b);
  const Made revoked_a = make(revoked, id_a, kReadAfter, owner, sharing.a);
  const Made expired_a = make(expired, id_a, kReadExpired, owner, sharing.a);
  const Made still_b = make(revoked, id_b, kReadAfter, owner, sharing.b);

  Json receipts = Json::array();
  receipts.push(receipt_vector("grant_a", "agency A's grant (expiring), from bundle.json's record (sequence 1)",
                               "record", sharing.a, grant_a));
  receipts.push(receipt_vector("grant_b",
                               "agency B's grant (until revoked; health data under Art. 9(2)(b)), from the record",
                               "record", sharing.b, grant_b));
  receipts.push(receipt_vector("revoked_a", "agency A's grant ended by revocation, from the revoked record (sequence 2)",
                               "revoked", sharing.a, revoked_a));
  receipts.push(receipt_vector("expired_a",
                               "agency A's grant ended at the first save after its expiry, from the expired record",
                               "expired", sharing.a, expired_a));
  receipts.push(receipt_vector("still_b", "agency B's grant, still in force, from the revoked record", "revoked",
                               sharing.b, still_b));

  const std::string owner_card = owner.identity.card_file();
  const std::string card_a = sharing.a.identity.card_file();
  const std::string card_b = sharing.b.identity.card_file();
  const crypto::SigningKeyPair& owner_keys = owner.identity.signing_keys();
  const std::string& good = revoked_a.file;
  const std::string& bytes = revoked_a.signed_receipt.receipt_bytes;

  Negatives n;
  n.add("pinned_other_owner", "revoked_a read by someone expecting another owner (SPEC 7.6 step 5)", good,
        stranger_card_file(), "", "E_AUTH");
  n.add("other_agency", "revoked_a read by agency B, which it is not about (step 6)", good, "", card_b, "E_SIGNATURE");
  n.add("agency_card_as_owner", "an agency's card passed as the owner to pin", good, card_a, "", "E_INVALID_ARGUMENT");
  n.add("owner_card_as_agency", "an owner's card passed as the agency's", good, "", owner_card, "E_INVALID_ARGUMENT");
  {
    std::string bad = good;
    bad[bad.size() - 1] = static_cast<char>(bad[bad.size() - 1] ^ 0x01);
    n.add("signature_flipped", "the last byte of the signature changed (step 4)", bad, owner_card, card_a, "E_SIGNATURE");
  }
  n.add("purpose_changed", "the purpose changed, the signature kept (step 4)",
        format::encode_receipt_file(format::encode_signed_receipt(
            with_field(bytes, 11, wire::bytes_always(11, "Something else")), revoked_a.signed_receipt.signature)),
        "", "", "E_SIGNATURE");
  n.add("other_label", "signed by the owner under the card label, not the receipt label (SPEC 2)",
        signed_file(bytes, owner_keys, format::label::kCardSignature), "", "", "E_SIGNATURE");
  n.add("another_owner_signed", "re-signed by another key while naming this owner's keys (step 4)",
        signed_file(bytes, stranger_signing()), "", "", "E_SIGNATURE");
  {
    // Another owner may state anything about their own keys: it verifies, and only pinning says whose.
    std::string own = with_field(bytes, 4, wire::bytes_always(4, stranger_signing().public_key));
    n.add("another_owner_own_keys", "another owner's valid receipt naming its own signing key, owner pinned (step 5)",
          signed_file(own, stranger_signing()), owner_card, "", "E_AUTH");
  }
  n.add("trailing_byte", "a byte after the end of the file (SPEC 3.1)", good + std::string(1, '\0'), "", "", "E_FORMAT");
  n.add("truncated", "the last byte missing", good.substr(0, good.size() - 1), "", "", "E_FORMAT");
  {
    std::string v = good;
    v[7] = 2;
    n.add("major_version_2", "prefix major version 2", v, "", "", "E_VERSION");
    std::string t = good;
    t[6] = 'A';
    n.add("type_attestation", "type byte 'A': not a receipt", t, "", "", "E_FORMAT");
    std::string l = good;
    l[8] = 1, l[9] = 0, l[10] = 1, l[11] = 0;  // L = 65537
    n.add("length_over_limit", "declared payload length 65537, over the 64 KiB limit", l, "", "", "E_LIMIT");
  }
  const auto resigned = [&](const std::string& name, const std::string& comment, const std::string& receipt_bytes,
                            const std::string& result) {
    n.add(name, comment, signed_file(receipt_bytes, owner_keys), owner_card, card_a, result);
  };
  resigned("unknown_field", "an unknown field 20, signed by the owner (SPEC 3.2)", bytes + wire::varint_always(20, 1),
           "E_FORMAT");
  resigned("field_twice", "sequence written twice, signed by the owner (SPEC 3.2)", bytes + wire::varint_always(18, 9),
           "E_FORMAT");
  resigned("default_written", "gdpr_art9_basis written out empty, signed by the owner (SPEC 3.2)",
           with_field(bytes, 13, wire::bytes_always(13, "")), "E_FORMAT");
  resigned("format_version_2", "format_version 2, signed by the owner", with_field(bytes, 1, wire::varint_always(1, 2)),
           "E_VERSION");
  resigned("kind_3", "kind 3, signed by the owner (step 3)", with_field(bytes, 2, wire::varint_always(2, 3)), "E_FORMAT");
  resigned("end_reason_3", "a termination with end_reason 3 (step 3)", with_field(bytes, 17, wire::varint_always(17, 3)),
           "E_FORMAT");
  resigned("termination_without_time", "a termination without ended_at (step 3)", with_field(bytes, 16, ""),
           "E_FORMAT");
  resigned("grant_that_ended", "kind 1 with ended_at and end_reason (step 3)",
           with_field(bytes, 2, wire::varint_always(2, 1)), "E_FORMAT");
  resigned("expired_early", "end_reason expired with ended_at before expires_at (step 3)",
           with_field(with_field(bytes, 17, wire::varint_always(17, 2)), 16,
                      wire::varint_always(16, static_cast<uint64_t>(revoked_a.signed_receipt.receipt.expires_at - 1))),
           "E_FORMAT");
  resigned("ledger_section", "names the owner-only sharing_ledger (step 3)",
           with_field(bytes, 10, wire::bytes_always(10, "sharing_ledger")), "E_FORMAT");
  resigned("grant_id_15", "a grant id of 15 bytes (step 3)",
           with_field(bytes, 6, wire::bytes_always(6, revoked_a.signed_receipt.receipt.grant_id.substr(1))), "E_FORMAT");
  resigned("art6_6_1_g", "Art. 6 basis 6.1.g (step 3)", with_field(bytes, 12, wire::bytes_always(12, "6.1.g")),
           "E_FORMAT");
  resigned("no_sequence", "sequence absent (step 3)", with_field(bytes, 18, ""), "E_FORMAT");
  resigned("purpose_1025", "a purpose of 1025 bytes (step 3)",
           with_field(bytes, 11, wire::bytes_always(11, std::string(1025, 'p'))), "E_LIMIT");
  resigned("newer_section", "a section name this reader does not know: carried, not refused",
           with_field(bytes, 10, wire::bytes_always(10, "profile") + wire::bytes_always(10, "future_section")), "OK");

  Json owner_json = Json::object();
  owner_json.add("identity", Json::string("identity.json"));
  owner_json.add("card_file", Json::hex(owner_card));
  owner_json.add("fingerprint", Json::string(owner.identity.fingerprint()));
  Json agencies = Json::object();
  agencies.add(sharing.a.label, Json::hex(card_a));
  agencies.add(sharing.b.label, Json::hex(card_b));

  Json doc = Json::object();
  doc.add("file", Json::string("receipt.json"));
  doc.add("spec", Json::string("docs/SPEC.md sections 2, 3, 7.6 and 11"));
  doc.add("notes",
          Json::string("receipts[] are the owner's receipts of bundle.json's grants, made from the bundle.json record "
                       "file named in made_from; each MUST verify with the owner and its agency pinned, its fields are "
                       "the decoded Receipt, and its manifest_hash is H(kartla/v1/manifest-hash, that file's "
                       "manifest). negative[] are receipts read with owner_card and agency_card (empty: not pinned "
                       "or not checked); each MUST give exactly result."));
  doc.add("owner", std::move(owner_json));
  doc.add("agency_cards", std::move(agencies));
  doc.add("receipts", std::move(receipts));
  doc.add("negative", n.take());
  return doc;
}

}  // namespace kartla::vectors
