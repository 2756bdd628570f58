// SPDX-License-Identifier: Apache-2.0
// Trust roots and trust lists in the C ABI (docs/SPEC.md §13.3).
#include <memory>
#include <optional>
#include <string>

#include "attest/trust_list.h"
#include "capi/attest_inputs.h"
#include "capi/attest_results.h"
#include "capi/encode_result.h"
#include "capi/guard.h"
#include "capi/new_identity.h"
#include "capi/handles.h"
#include "format/card_codec.h"
#include "format/limits.h"
#include "identity/agency_role.h"

using kartla::ByteView;
using kartla::Code;
using kartla::fail;
using kartla::capi::bounded_input;
using kartla::capi::framed_limit;
using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::put_secret;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;
using kartla::capi::time_or_now;

struct kartla_trust_draft {
  kartla::attest::TrustListDraft draft;
};

namespace {

namespace attest = kartla::attest;
namespace format = kartla::format;

ByteView card_input(const uint8_t* card, size_t len, const char* name) {
  return bounded_input(card, len, framed_limit(format::kMaxSmallFileBytes), name);
}

}  // namespace

extern "C" {

kartla_status kartla_identity_new_trust_root(const char* name, const kartla_identity_options* options,
                                    const uint8_t* passphrase, size_t passphrase_len, kartla_identity** out,
                                    kartla_buffer* recovery_code) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    require_empty(recovery_code, "recovery_code");
    kartla::identity::NewIdentity params;
    kartla::capi::apply_identity_options(options, params);
    params.kind = format::CardKind::trust_root;
    params.name = input_text(name, "name");
    if (params.name.empty()) fail(Code::invalid_argument, "name is empty");
    kartla::capi::create_identity_for_caller(params, passphrase, passphrase_len, out, recovery_code);
  });
}

kartla_status kartla_trust_draft_new(uint64_t sequence, kartla_trust_draft** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    if (sequence == 0) fail(Code::invalid_argument, "sequence must be at least 1");
    auto handle = std::make_unique<kartla_trust_draft>();
    handle->draft.sequence = sequence;
    *out = handle.release();
  });
}

kartla_status kartla_trust_draft_next(const uint8_t* trust_list, size_t trust_list_len, kartla_trust_draft** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    const ByteView file =
        bounded_input(trust_list, trust_list_len, framed_limit(format::kMaxTrustListBytes), "trust_list");
    auto handle = std::make_unique<kartla_trust_draft>(kartla_trust_draft{attest::next_version(file)});
    *out = handle.release();
  });
}

kartla_status kartla_trust_draft_add(kartla_trust_draft* draft, const uint8_t* card, size_t card_len,
                                     const char* role, int64_t valid_from, int64_t valid_until) {
  return guarded([&] {
    require_output(draft, "draft");
    const ByteView card_file = card_input(card, card_len, "card");
    const std::string role_name = input_text(role, "role");
    const auto* known = kartla::identity::agency_role_by_name(role_name);
    if (known == nullptr)
      fail(Code::invalid_argument, "unknown agency role '%1$s' (roles: %2$s)",
           {role_name, std::string(kartla::identity::agency_role_names())});
    attest::add_agency(draft->draft, card_file, known->number, valid_from, valid_until);
  });
}

kartla_status kartla_trust_draft_remove(kartla_trust_draft* draft, const uint8_t* card, size_t card_len,
                                        int* removed) {
  if (removed != nullptr) *removed = 0;
  return guarded([&] {
    require_output(draft, "draft");
    require_output(removed, "removed");
    const format::SignedCard signed_card = format::decode_card_file(card_input(card, card_len, "card"));
    *removed = attest::remove_agency(draft->draft, signed_card.card.signing_key) ? 1 : 0;
  });
}

kartla_status kartla_trust_draft_sequence(const kartla_trust_draft* draft, uint64_t* out) {
  return guarded([&] {
    require_output(draft, "draft");
    require_output(out, "out");
    *out = draft->draft.sequence;
  });
}

void kartla_trust_draft_free(kartla_trust_draft* draft) { delete draft; }

kartla_status kartla_trust_list_sign(const kartla_identity* root, const kartla_trust_draft* draft, int64_t issued_at,
                                     int64_t expires_at, kartla_buffer* out) {
  return guarded([&] {
    require_output(root, "root");
    require_output(draft, "draft");
    require_empty(out, "out");
    attest::TrustListDraft copy = draft->draft;
    copy.issued_at = time_or_now(issued_at);
    copy.expires_at = expires_at;
    const std::string file = attest::sign_trust_list(root->identity, copy);
    put_text(out, file);
  });
}

kartla_status kartla_trust_list_verify(const uint8_t* trust_list, size_t trust_list_len,
                                       const uint8_t* expected_root_card, size_t expected_root_card_len,
                                       uint64_t last_seen, int64_t now, kartla_encoding encoding,
                                       kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_empty(out, "out");
    const ByteView file =
        bounded_input(trust_list, trust_list_len, framed_limit(format::kMaxTrustListBytes), "trust_list");
    attest::TrustListCheck check;
    check.now = time_or_now(now);
    if (last_seen != 0) check.last_seen = last_seen;
    const ByteView root = card_input(expected_root_card, expected_root_card_len, "expected_root_card");
    const char* not_a_root = nullptr;  // what the expected card is instead, if it is no trust root's
    if (root.size != 0) {
      const format::SignedCard card = format::decode_card_file(root);
      // SPEC §13.3 step 7 pins the root by its signing key. An owner's or agency's card names no
      // trust root, so the list's root (a kind 3 card) is another key: step 7 refuses it with
      // E_SIGNATURE, in its place among the steps, like a list signed by another root.
      if (card.card.kind != format::CardKind::trust_root)
        not_a_root = card.card.kind == format::CardKind::owner ? "an owner's" : "an agency's";
      check.expected_root_signing_key = card.card.signing_key;
    }
    try {
      kartla::v1::TrustListDescription result;
      kartla::capi::fill_trust_list(attest::verify_trust_list(file, check), &result);
      kartla::capi::emit(result, encoding, out);
    } catch (const kartla::Error& e) {
      if (e.code() != Code::signature || not_a_root == nullptr) throw;
      fail(Code::signature, "%1$s (expected_root_card is %2$s card, not a trust root's)",
           {std::string(e.what()), not_a_root});
    }
  });
}

}  // extern "C"
