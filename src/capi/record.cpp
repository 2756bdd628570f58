#include <memory>
#include <string>

#include "capi/guard.h"
#include "capi/handles.h"
#include "crypto/encoding.h"
#include "format/card_codec.h"
#include "format/file_source.h"
#include "format/limits.h"
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
  if (kind != kartla::format::CardKind::owner)
    fail(Code::invalid_argument, std::string("owner is ") +
                                     (kind == kartla::format::CardKind::agency ? "an agency's" : "a trust root's") +
                                     " identity: only an owner identity (card kind 1) can own a record");
  return {owner->identity.signing_keys(), owner->identity.box_keys()};
}

const kartla::model::SectionInfo& section_named(const char* section) {
  return kartla::model::section_by_name(input_text(section, "section"));
}

}  // namespace

extern "C" {

kartla_status kartla_record_new(const kartla_identity* owner, kartla_record** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    *out = new kartla_record{Record::create(owner_keys(owner))};
  });
}

kartla_status kartla_record_open_file(const char* path, const kartla_identity* owner, kartla_record** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    const auto keys = owner_keys(owner);  // before the file is touched
    auto source = std::make_shared<kartla::format::FileSource>(input_text(path, "path"));
    *out = new kartla_record{Record::open(std::move(source), keys)};
  });
}

kartla_status kartla_record_open(const uint8_t* bytes, size_t len, const kartla_identity* owner,
                                 kartla_record** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    const auto keys = owner_keys(owner);
    // Checked before the copy, which would otherwise fail (or exhaust memory) first.
    if (len > kartla::format::kMaxRecordFileBytes) fail(Code::limit, "file is larger than the 1 GiB limit");
    auto source = std::make_shared<kartla::format::OwnedMemorySource>(input_bytes(bytes, len, "bytes").to_string());
    *out = new kartla_record{Record::open(std::move(source), keys)};
  });
}

kartla_status kartla_record_save(kartla_record* record, const char* path) {
  return guarded([&] {
    require_output(record, "record");
    record->record.save(input_text(path, "path"));
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
    const kartla::ByteView bytes = input_bytes(protobuf, len, "protobuf");
    kartla::model::require_valid(info, kartla::model::check_section_bytes_content(info, bytes));
    record->record.write_section(info, bytes);
  });
}

kartla_status kartla_record_set_section_json(kartla_record* record, const char* section, const uint8_t* json,
                                             size_t len) {
  return guarded([&] {
    require_output(record, "record");
    const auto& info = section_named(section);
    kartla::crypto::SecretBuffer bytes;
    kartla::model::require_valid(
        info, kartla::model::check_section_json_content(info, input_bytes(json, len, "json"), &bytes));
    record->record.write_section(info, bytes.view());
  });
}

kartla_status kartla_record_get_section(const kartla_record* record, const char* section, kartla_buffer* out) {
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

kartla_status kartla_record_get_section_into(const kartla_record* record, const char* section, uint8_t* out,
                                             size_t capacity, size_t* out_len) {
  if (out_len != nullptr) *out_len = 0;
  return guarded([&] {
    require_output(record, "record");
    require_output(out_len, "out_len");
    *out_len = record->record.read_section_into(section_named(section), output_bytes(out, capacity, "out"), capacity);
  });
}

kartla_status kartla_record_get_section_json(const kartla_record* record, const char* section,
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
