// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <memory>
#include <string>

#include "capi/encode_result.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "share/end_grants.h"
#include "crypto/encoding.h"
#include "format/card_codec.h"
#include "format/file_source.h"
#include "format/limits.h"
#include "kartla/v1/results.pb.h"
#include "model/section_codec.h"
#include "model/validation/section_check.h"

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
using kartla::model::Record;

namespace {

// Only an owner identity (card kind 1) owns a record (SPEC §4.1): an agency or a trust root
// holding a record of its own would sign manifests under a card that says it is not a person.
kartla::model::OwnerKeys owner_keys(const kartla_identity* owner) {
  require_output(owner, "owner");
  const kartla::format::CardKind kind = owner->identity.card().card.kind;
  if (kind == kartla::format::CardKind::agency)
    fail(Code::invalid_argument,
         "owner is an agency's identity: only an owner identity (card kind 1) can own a record");
  if (kind != kartla::format::CardKind::owner)
    fail(Code::invalid_argument,
         "owner is a trust root's identity: only an owner identity (card kind 1) can own a record");
  return {owner->identity.signing_keys(), owner->identity.box_keys()};
}

const kartla::model::SectionInfo& section_named(const char* section) {
  return kartla::model::section_by_name(input_text(section, "section"));
}

// Opens as the owner and holds the version against what the owner has seen (SPEC §8.1): an older
// copy or a fork is a rollback unless the caller accepts it, and then its next save continues
// above every sequence seen.
kartla_record* open_checked(std::shared_ptr<const kartla::format::ByteSource> source, const kartla_identity* owner,
                            const kartla_record_open_options* options) {
  kartla_record_open_options defaults;
  kartla_record_open_options_init(&defaults);
  const kartla_record_open_options& o = options != nullptr ? *options : defaults;
  if (o.version != KARTLA_RECORD_OPEN_OPTIONS_VERSION)
    fail(Code::invalid_argument, "options.version is not KARTLA_RECORD_OPEN_OPTIONS_VERSION");
  if (o.accept_older > 1) fail(Code::invalid_argument, "options.accept_older must be 0 or 1");
  Record record = Record::open(std::move(source), owner_keys(owner));
  const auto& seen = owner->identity.seen_versions();
  const auto state = seen->compare(record.record_id(), record.sequence(), record.manifest_hash());
  const auto mark = seen->mark(record.record_id());
  const uint64_t highest = std::max(o.last_seen, mark ? mark->sequence : 0);
  const std::string sequence = std::to_string(record.sequence());
  if (state == kartla::identity::VersionSeen::fork || record.sequence() < highest) {
    if (o.accept_older == 0)
    {
      if (state == kartla::identity::VersionSeen::fork)
        fail(Code::rollback,
             "another version with sequence %s was already seen: this copy forks the record's history (someone "
             "may have changed an old copy); it can be opened only when accepted explicitly", {sequence});
      fail(Code::rollback,
           "this is an older copy of the record (sequence %1$s) than one already seen (sequence %2$s): someone may "
           "have put back an old copy; it can be opened only when accepted explicitly",
           {sequence, std::to_string(highest)});
    }
    record.continue_after(highest);
  } else {
    seen->remember(record.record_id(), record.sequence(), record.manifest_hash());
  }
  return new kartla_record{std::move(record), 0, seen};
}

}  // namespace

extern "C" {

kartla_status kartla_record_new(const kartla_identity* owner, kartla_record** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    *out = new kartla_record{Record::create(owner_keys(owner)), 0, owner->identity.seen_versions()};
  });
}

kartla_status kartla_record_open_file(const char* path, const kartla_identity* owner, kartla_record** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    (void)owner_keys(owner);  // an owner identity only, checked before the file is touched
    auto source = std::make_shared<kartla::format::FileSource>(input_text(path, "path"));
    *out = open_checked(std::move(source), owner, nullptr);
  });
}

void kartla_record_open_options_init(kartla_record_open_options* options) {
  if (options == nullptr) return;
  *options = kartla_record_open_options{KARTLA_RECORD_OPEN_OPTIONS_VERSION, 0, 0};
}

kartla_status kartla_record_open_file_with_options(const char* path, const kartla_identity* owner,
                                                   const kartla_record_open_options* options, kartla_record** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    auto source = std::make_shared<kartla::format::FileSource>(input_text(path, "path"));
    *out = open_checked(std::move(source), owner, options);
  });
}

kartla_status kartla_record_open_with_options(const uint8_t* bytes, size_t len, const kartla_identity* owner,
                                              const kartla_record_open_options* options, kartla_record** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    if (len > kartla::format::kMaxRecordFileBytes) fail(Code::limit, "file is larger than the 1 GiB limit");
    auto source = std::make_shared<kartla::format::OwnedMemorySource>(input_bytes(bytes, len, "bytes").to_string());
    *out = open_checked(std::move(source), owner, options);
  });
}

kartla_status kartla_record_open(const uint8_t* bytes, size_t len, const kartla_identity* owner,
                                 kartla_record** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    (void)owner_keys(owner);  // an owner identity only, checked before the bytes are copied
    // Checked before the copy, which would otherwise fail (or exhaust memory) first.
    if (len > kartla::format::kMaxRecordFileBytes) fail(Code::limit, "file is larger than the 1 GiB limit");
    auto source = std::make_shared<kartla::format::OwnedMemorySource>(input_bytes(bytes, len, "bytes").to_string());
    *out = open_checked(std::move(source), owner, nullptr);
  });
}

kartla_status kartla_record_save(kartla_record* record, const char* path) {
  return guarded([&] {
    require_output(record, "record");
    const std::string target = input_text(path, "path");
    // Expiry is kept by keys, not by the agency's honesty: the first save after a grant's
    // expiry rotates what it covered (docs/SPEC.md §7.4).
    // Saving over a fork: a later version of this record was seen since this one was opened.
    if (const auto mark = record->seen->mark(record->record.record_id());
        mark && record->record.sequence() != 0 && mark->sequence >= record->record.next_sequence())
      fail(Code::rollback, "a later version of this record (sequence %s) was seen since this copy was opened: saving "
           "it would fork the record; open the latest version instead", {std::to_string(mark->sequence)});
    kartla::share::expire_grants(record->record, kartla::capi::record_now(*record));
    record->record.save(target);
    record->seen->remember(record->record.record_id(), record->record.sequence(), record->record.manifest_hash());
  });
}

kartla_status kartla_record_set_clock(kartla_record* record, int64_t now) {
  return guarded([&] {
    require_output(record, "record");
    if (now < 0) fail(Code::invalid_argument, "now must be 0 (the system clock) or Unix seconds");
    record->clock = now;
  });
}

kartla_status kartla_record_id(const kartla_record* record, kartla_buffer* out) {
  return guarded([&] {
    require_output(record, "record");
    require_empty(out, "out");
    put_text(out, kartla::crypto::to_hex(record->record.record_id()));
  });
}

kartla_status kartla_record_sequence(const kartla_record* record, uint64_t* out) {
  if (out != nullptr) *out = 0;
  return guarded([&] {
    require_output(record, "record");
    require_output(out, "out");
    *out = record->record.sequence();
  });
}

kartla_status kartla_record_sections(const kartla_record* record, kartla_encoding encoding, kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_output(record, "record");
    require_empty(out, "out");
    kartla::v1::SectionList result;
    for (const auto& s : record->record.sections()) {
      kartla::v1::SectionListing* listed = result.add_sections();
      listed->set_id(s.id);
      listed->set_name(s.info != nullptr ? std::string(s.info->name) : std::string("unknown"));
      listed->set_generation(s.generation);
      listed->set_ciphertext_length(s.ciphertext_length);
    }
    kartla::capi::emit(result, encoding, out);
  });
}

kartla_status kartla_record_has_section(const kartla_record* record, const char* section, int* out) {
  if (out != nullptr) *out = 0;
  return guarded([&] {
    require_output(record, "record");
    require_output(out, "out");
    *out = record->record.has_section(section_named(section)) ? 1 : 0;
  });
}

// Content from outside the library passes every offline rule (docs/MODEL.md) before it is
// stored, so no binding can write what kartla_validate_section would refuse.
kartla_status kartla_record_set_section(kartla_record* record, const char* section, const uint8_t* protobuf,
                                        size_t len) {
  return guarded([&] {
    require_output(record, "record");
    const auto& info = section_named(section);
    Record::require_writable(info);  // the ledger is the library's, whatever the content
    // One parse serves the content rules and the write (require_valid_bytes hands it on).
    record->record.write_section(kartla::model::require_valid_bytes(info, input_bytes(protobuf, len, "protobuf")));
  });
}

kartla_status kartla_record_set_section_json(kartla_record* record, const char* section, const uint8_t* json,
                                             size_t len) {
  return guarded([&] {
    require_output(record, "record");
    const auto& info = section_named(section);
    Record::require_writable(info);
    kartla::crypto::SecretBuffer bytes;  // the binary form, which the parsed section refers to
    record->record.write_section(kartla::model::require_valid_json(info, input_bytes(json, len, "json"), &bytes));
  });
}

kartla_status kartla_record_section(const kartla_record* record, const char* section, kartla_buffer* out) {
  return guarded([&] {
    require_output(record, "record");
    require_empty(out, "out");
    put_secret(out, record->record.read_section(section_named(section)));
  });
}

kartla_status kartla_record_section_size(const kartla_record* record, const char* section, size_t* out) {
  if (out != nullptr) *out = 0;
  return guarded([&] {
    require_output(record, "record");
    require_output(out, "out");
    *out = static_cast<size_t>(record->record.section_size(section_named(section)));
  });
}

kartla_status kartla_record_section_into(const kartla_record* record, const char* section, uint8_t* out,
                                             size_t capacity, size_t* out_len) {
  if (out_len != nullptr) *out_len = 0;
  return guarded([&] {
    require_output(record, "record");
    require_output(out_len, "out_len");
    *out_len = record->record.read_section_into(section_named(section), output_bytes(out, capacity, "out"), capacity);
  });
}

kartla_status kartla_record_section_json(const kartla_record* record, const char* section,
                                             kartla_buffer* out) {
  return guarded([&] {
    require_output(record, "record");
    require_empty(out, "out");
    const auto& info = section_named(section);
    const auto json = kartla::model::section_to_json(info, record->record.read_section(info).view());
    put_text(out, json.view());
  });
}

kartla_status kartla_record_remove_section(kartla_record* record, const char* section) {
  return guarded([&] {
    require_output(record, "record");
    record->record.remove_section(section_named(section));
  });
}

void kartla_record_free(kartla_record* record) { delete record; }

}  // extern "C"
