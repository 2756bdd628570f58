// SPDX-License-Identifier: Apache-2.0
// Contributions and attaching attestations in the C ABI (docs/SPEC.md §13.4-13.5): the agency
// writes an entry for a person, the owner reads who sent it and accepts it into the record.
#include <climits>
#include <memory>
#include <optional>
#include <string>

#include "attest/contribution.h"
#include "attest/merge.h"
#include "attest/section_entries.h"
#include "capi/attest_inputs.h"
#include "capi/attest_results.h"
#include "capi/encode_result.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "crypto/encoding.h"
#include "format/attestation_codec.h"
#include "format/limits.h"
#include "kartla/v1/results.pb.h"
#include "model/section_registry.h"

using kartla::ByteView;
using kartla::capi::bounded_input;
using kartla::capi::framed_limit;
using kartla::capi::guarded;
using kartla::capi::input_text;
using kartla::capi::put_text;
using kartla::capi::record_id_input;
using kartla::capi::require_empty;
using kartla::capi::require_output;
using kartla::capi::time_or_now;

namespace {

namespace attest = kartla::attest;
namespace format = kartla::format;

kartla::model::OwnerKeys keys_of(const kartla_identity* owner) {
  require_output(owner, "owner");
  return {owner->identity.signing_keys(), owner->identity.box_keys()};
}

ByteView contribution_input(const uint8_t* data, size_t len) {
  return bounded_input(data, len, framed_limit(format::kMaxContributionBytes), "contribution");
}

// The section holding only the contributed entry, as the oneof member numbered by its id. It is
// parsed from guarded memory; the message's own copy lives until emit() has written it out.
void fill_content(const attest::VerifiedContribution& c, kartla::v1::SectionContent* out) {
  const kartla::crypto::SecretBuffer section = attest::with_entry(*c.section, {}, c.entry.view());
  const auto* field = out->GetDescriptor()->FindFieldByNumber(static_cast<int>(c.section->id));
  if (field == nullptr) kartla::fail(kartla::Code::internal, "no SectionContent member for this section");
  google::protobuf::Message* message = out->GetReflection()->MutableMessage(out, field);
  if (section.size() > static_cast<size_t>(INT_MAX) ||
      !message->ParseFromArray(section.data(), static_cast<int>(section.size())))
    kartla::fail(kartla::Code::internal, "the contributed section does not parse");
}

kartla::v1::ContributionDescription describe(const attest::VerifiedContribution& c) {
  kartla::v1::ContributionDescription d;
  d.set_contribution_id(kartla::crypto::to_hex(c.contribution_id));
  d.set_record_id(kartla::crypto::to_hex(c.record_id));
  d.set_section(std::string(c.section->name));
  d.set_entry_id(c.entry_id);
  d.set_created_at(c.created_at);
  kartla::capi::fill_party(c.sender, c.sender_fingerprint, d.mutable_sender());
  kartla::capi::fill_claim(c.claim, d.mutable_claim());
  fill_content(c, d.mutable_content());
  return d;
}

}  // namespace

extern "C" {

kartla_status kartla_record_attach_attestation(kartla_record* record, const kartla_identity* owner,
                                               const uint8_t* attestation, size_t attestation_len, int64_t now,
                                               int* added) {
  if (added != nullptr) *added = 0;
  return guarded([&] {
    require_output(record, "record");
    require_output(added, "added");
    const auto keys = keys_of(owner);
    record->record.check_owner(keys);
    const ByteView file =
        bounded_input(attestation, attestation_len, framed_limit(format::kMaxAttestationBytes), "attestation");
    const auto outcome =
        attest::attach_attestation(record->record, keys, attest::attestation_from_file(file), time_or_now(now));
    *added = outcome == attest::MergeOutcome::added ? 1 : 0;
  });
}

kartla_status kartla_contribution_create(const kartla_identity* agency, const uint8_t* owner_card,
                                         size_t owner_card_len, const char* record_id, const char* section,
                                         const uint8_t* entry_json, size_t entry_json_len, const char* claim_json,
                                         int64_t now, kartla_buffer* out) {
  return guarded([&] {
    require_output(agency, "agency");
    require_empty(out, "out");
    attest::ContributionRequest request;
    request.owner_card_file =
        bounded_input(owner_card, owner_card_len, framed_limit(format::kMaxSmallFileBytes), "owner_card").to_string();
    request.record_id = record_id_input(record_id, "record_id");
    const kartla::model::SectionInfo& info = kartla::model::section_by_name(input_text(section, "section"));
    request.section_id = info.id;
    request.now = time_or_now(now);
    if (claim_json != nullptr) request.claim = format::claim_from_json(claim_json);
    const ByteView json = bounded_input(entry_json, entry_json_len, format::kMaxSectionPlaintext, "entry_json");
    if (json.size == 0) kartla::fail(kartla::Code::invalid_argument, "entry_json is empty");
    const kartla::crypto::SecretBuffer entry = attest::entry_from_json(info, json);
    put_text(out, attest::create_contribution(agency->identity, request, entry.view()));
  });
}

kartla_status kartla_contribution_describe(const kartla_identity* owner, const uint8_t* contribution,
                                           size_t contribution_len, const char* record_id, int64_t now,
                                           kartla_encoding encoding, kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_empty(out, "out");
    const auto keys = keys_of(owner);
    const ByteView file = contribution_input(contribution, contribution_len);
    std::optional<std::string> expected;
    if (record_id != nullptr) expected = record_id_input(record_id, "record_id");
    kartla::capi::emit(describe(attest::open_contribution(keys, file, time_or_now(now), expected)), encoding, out);
  });
}

kartla_status kartla_record_accept_contribution(kartla_record* record, const kartla_identity* owner,
                                                const uint8_t* contribution, size_t contribution_len, int64_t now,
                                                int* added) {
  if (added != nullptr) *added = 0;
  return guarded([&] {
    require_output(record, "record");
    require_output(added, "added");
    const auto keys = keys_of(owner);
    record->record.check_owner(keys);
    const ByteView file = contribution_input(contribution, contribution_len);
    const auto outcome = attest::accept_contribution(record->record, keys, file, time_or_now(now));
    *added = outcome == attest::MergeOutcome::added ? 1 : 0;
  });
}

kartla_status kartla_record_contribution_accepted(const kartla_record* record, const kartla_identity* owner,
                                                  const uint8_t* contribution, size_t contribution_len, int64_t now,
                                                  int* accepted) {
  if (accepted != nullptr) *accepted = 0;
  return guarded([&] {
    require_output(record, "record");
    require_output(accepted, "accepted");
    const auto keys = keys_of(owner);
    record->record.check_owner(keys);
    const ByteView file = contribution_input(contribution, contribution_len);
    *accepted = attest::contribution_accepted(record->record, keys, file, time_or_now(now)) ? 1 : 0;
  });
}

}  // extern "C"
