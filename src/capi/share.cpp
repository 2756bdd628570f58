// SPDX-License-Identifier: Apache-2.0
#include <ctime>
#include <memory>

#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/encode_result.h"
#include "crypto/encoding.h"
#include "format/card_codec.h"
#include "format/file_source.h"
#include "format/fingerprint.h"
#include "format/framing.h"
#include "format/limits.h"
#include "kartla/v1/results.pb.h"
#include "model/section_codec.h"
#include "share/bundle.h"
#include "share/issue_grant.h"
#include "share/revoke.h"

using kartla::Code;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::output_bytes;
using kartla::capi::put_secret;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;
using kartla::share::AgencyView;

namespace {

int64_t or_now(int64_t t) { return t != 0 ? t : static_cast<int64_t>(std::time(nullptr)); }

std::string basis(const char* text, const char* field) {
  std::string value = input_text(text, field);
  if (value.empty()) fail(Code::invalid_argument, "options.%s is empty: pass NULL for none", {field});
  return value;
}

const kartla::model::SectionInfo& section_named(const char* section) {
  return kartla::model::section_by_name(input_text(section, "section"));
}

// A card file is copied into the request: a length no card file can have (SPEC §3.1, §9) is
// refused before the copy is attempted.
std::string card_file(const uint8_t* card, size_t len) {
  if (len > kartla::format::kFramePrefixBytes + kartla::format::kMaxSmallFileBytes)
    fail(Code::limit, "card is larger than the 64 KiB limit");
  return input_bytes(card, len, "card").to_string();
}

AgencyView open_view(std::shared_ptr<const kartla::format::ByteSource> source, const kartla_identity* agency) {
  require_output(agency, "agency");
  return AgencyView::open(std::move(source), agency->identity.box_keys(),
                          agency->identity.signing_keys().public_key);
}

}  // namespace

extern "C" {

void kartla_record_share_options_init(kartla_record_share_options* options) {
  if (options == nullptr) return;
  // Only the version 2 fields: a program built against 1.0 passes a struct that ends there, and
  // writing tell_involved would write past it (docs/API-STABILITY.md). Telling who is involved is
  // the caller's explicit choice: it sets version 3 and tell_involved itself.
  options->version = 2;
  options->purpose = nullptr;
  options->expires_at = 0;
  options->now = 0;
  options->gdpr_art6_basis = nullptr;
  options->gdpr_art9_basis = nullptr;
}

kartla_status kartla_record_share(kartla_record* record, const uint8_t* card, size_t card_len,
                                  const char* const* sections, size_t section_count,
                                  const kartla_record_share_options* options, kartla_buffer* grant_id) {
  return guarded([&] {
    require_output(record, "record");
    require_output(options, "options");
    require_empty(grant_id, "grant_id");
    // Version 2 is the same struct without tell_involved: its callers' structs end before it, so
    // the field is read only from a version 3 struct.
    if (options->version != KARTLA_RECORD_SHARE_OPTIONS_VERSION && options->version != 2)
      fail(Code::invalid_argument, "options.version is not KARTLA_RECORD_SHARE_OPTIONS_VERSION");
    if (options->version >= 3 && options->tell_involved > 1)
      fail(Code::invalid_argument, "options.tell_involved is 0 or 1");
    if (section_count != 0 && sections == nullptr) fail(Code::invalid_argument, "sections is NULL");
    kartla::share::ShareRequest request;
    request.agency_card_file = card_file(card, card_len);
    for (size_t i = 0; i < section_count; ++i) request.sections.push_back(input_text(sections[i], "sections[i]"));
    request.purpose = input_text(options->purpose, "options.purpose");
    request.now = options->now != 0 ? options->now : kartla::capi::record_now(*record);
    request.expires_at = options->expires_at;
    // NULL is the documented default; an empty string is a basis that is not one of the codes.
    if (options->gdpr_art6_basis != nullptr) request.gdpr_art6_basis = basis(options->gdpr_art6_basis, "gdpr_art6_basis");
    if (options->gdpr_art9_basis != nullptr) request.gdpr_art9_basis = basis(options->gdpr_art9_basis, "gdpr_art9_basis");
    request.tell_involved = options->version >= 3 && options->tell_involved == 1;
    const auto issued = kartla::share::share_sections(record->record, request);
    put_text(grant_id, issued.grant_id_hex);
  });
}

kartla_status kartla_record_section_is_special(const kartla_record* record, const char* section, int* out) {
  if (out != nullptr) *out = 0;
  return guarded([&] {
    require_output(record, "record");
    require_output(out, "out");
    *out = kartla::share::is_special_category(record->record, section_named(section)) ? 1 : 0;
  });
}

kartla_status kartla_record_export_bundle(const kartla_record* record, const char* grant_id, const char* out_path) {
  return guarded([&] {
    require_output(record, "record");
    kartla::share::export_grant_bundle(record->record, input_text(grant_id, "grant_id"),
                                       kartla::capi::record_now(*record), input_text(out_path, "out_path"));
  });
}

kartla_status kartla_record_revoke(kartla_record* record, const uint8_t* card, size_t card_len, int64_t now,
                                   kartla_encoding encoding, kartla_buffer* summary) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_output(record, "record");
    require_empty(summary, "summary");
    const auto result_of =
        kartla::share::revoke_agency(record->record, card_file(card, card_len),
                                     now != 0 ? now : kartla::capi::record_now(*record));
    kartla::v1::RevocationSummary result;
    result.set_agency_fingerprint(result_of.agency_fingerprint);
    for (const std::string& section : result_of.rotated_sections) result.add_rotated_sections(section);
    for (const std::string& grant_id : result_of.grant_ids) result.add_grant_ids(grant_id);
    result.set_revoked_grants(static_cast<uint32_t>(result_of.revoked_grants));
    result.set_reissued_grants(static_cast<uint32_t>(result_of.reissued_grants));
    kartla::capi::emit(result, encoding, summary);
  });
}

kartla_status kartla_share_open_file(const char* path, const kartla_identity* agency, kartla_share** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    auto source = std::make_shared<kartla::format::FileSource>(input_text(path, "path"));
    *out = new kartla_share{open_view(std::move(source), agency)};
  });
}

kartla_status kartla_share_open(const uint8_t* bytes, size_t len, const kartla_identity* agency, kartla_share** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    // Checked before the copy, which would otherwise fail (or exhaust memory) first.
    if (len > kartla::format::kMaxRecordFileBytes) fail(Code::limit, "file is larger than the 1 GiB limit");
    auto source = std::make_shared<kartla::format::OwnedMemorySource>(input_bytes(bytes, len, "bytes").to_string());
    *out = new kartla_share{open_view(std::move(source), agency)};
  });
}

kartla_status kartla_share_section(const kartla_share* share, const char* section, int64_t at,
                                       kartla_buffer* out) {
  return guarded([&] {
    require_output(share, "share");
    require_empty(out, "out");
    put_secret(out, share->view.read_section(section_named(section), or_now(at)));
  });
}

kartla_status kartla_share_section_json(const kartla_share* share, const char* section, int64_t at,
                                            kartla_buffer* out) {
  return guarded([&] {
    require_output(share, "share");
    require_empty(out, "out");
    const auto& info = section_named(section);
    const auto json = kartla::model::section_to_json(info, share->view.read_section(info, or_now(at)).view());
    put_text(out, json.view());
  });
}

kartla_status kartla_share_section_size(const kartla_share* share, const char* section, int64_t at, size_t* out) {
  if (out != nullptr) *out = 0;
  return guarded([&] {
    require_output(share, "share");
    require_output(out, "out");
    *out = static_cast<size_t>(share->view.section_size(section_named(section), or_now(at)));
  });
}

kartla_status kartla_share_section_into(const kartla_share* share, const char* section, int64_t at, uint8_t* out,
                                            size_t capacity, size_t* out_len) {
  if (out_len != nullptr) *out_len = 0;
  return guarded([&] {
    require_output(share, "share");
    require_output(out_len, "out_len");
    *out_len = share->view.read_section_into(section_named(section), or_now(at), output_bytes(out, capacity, "out"),
                                             capacity);
  });
}

kartla_status kartla_share_describe(const kartla_share* share, kartla_encoding encoding, kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_output(share, "share");
    require_empty(out, "out");
    const auto& m = share->view.container().manifest;
    kartla::v1::ShareDescription result;
    result.set_record_id(kartla::crypto::to_hex(m.record_id));
    result.set_owner_fingerprint(kartla::format::fingerprint(m.owner_signing_key, m.owner_encryption_key));
    result.set_sequence(m.sequence);
    result.set_previous_manifest_hash(kartla::crypto::to_hex(m.previous_manifest_hash));
    for (const auto& g : share->view.granted()) {
      kartla::v1::SharedSection* granted = result.add_grants();
      granted->set_section(g.info ? std::string(g.info->name) : std::string("unknown"));
      granted->set_grant_id(g.grant_id_hex);
      granted->set_purpose(g.purpose);
      granted->set_gdpr_art6_basis(g.gdpr_art6_basis);
      granted->set_gdpr_art9_basis(g.gdpr_art9_basis);
      granted->set_ciphertext_length(g.ciphertext_length);
      granted->set_granted_at(g.granted_at);
      granted->set_expires_at(g.expires_at);
      granted->set_present(g.present);
      granted->set_current(g.current);
    }
    for (const auto& n : share->view.involved()) {
      kartla::v1::InvolvedAgencyNotice* told = result.add_involved();
      told->set_name(n.name);
      told->set_organisation_number(n.organisation_number);
      told->set_role(n.role);
      told->set_since(n.since);
      told->set_contact_name(n.contact_name);
      told->set_contact_pseudonym(n.contact_pseudonym);
      told->set_lead(n.lead);
    }
    kartla::capi::emit(result, encoding, out);
  });
}

kartla_status kartla_share_sequence(const kartla_share* share, uint64_t* out) {
  if (out != nullptr) *out = 0;
  return guarded([&] {
    require_output(share, "share");
    require_output(out, "out");
    *out = share->view.container().manifest.sequence;
  });
}

kartla_status kartla_share_check_last_seen(const kartla_share* share, uint64_t last_seen) {
  return guarded([&] {
    require_output(share, "share");
    const uint64_t sequence = share->view.container().manifest.sequence;
    if (sequence < last_seen)
      fail(Code::rollback, "this copy is older than one already seen: sequence %1$s < %2$s",
           {std::to_string(sequence), std::to_string(last_seen)});
  });
}

kartla_status kartla_share_check_owner(const kartla_share* share, const uint8_t* card, size_t card_len) {
  return guarded([&] {
    require_output(share, "share");
    const auto expected = kartla::format::decode_card_file(card_file(card, card_len));
    if (expected.card.kind != kartla::format::CardKind::owner)
      fail(Code::invalid_argument, "card is not an owner's card");
    const auto& manifest = share->view.container().manifest;
    // Both keys: a manifest naming the expected signing key with another encryption key is not
    // the expected owner's record either.
    if (manifest.owner_signing_key != expected.card.signing_key ||
        manifest.owner_encryption_key != expected.card.encryption_key)
      fail(Code::auth, "this file is signed by owner %1$s, not by the expected owner %2$s",
           {kartla::format::fingerprint(manifest.owner_signing_key,
                                                                                     manifest.owner_encryption_key), kartla::format::fingerprint(expected.card.signing_key, expected.card.encryption_key)});
  });
}

void kartla_share_free(kartla_share* share) { delete share; }

}  // extern "C"
