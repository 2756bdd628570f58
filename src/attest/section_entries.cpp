// SPDX-License-Identifier: Apache-2.0
#include "attest/section_entries.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/message.h>
#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/json_util.h>

#include <climits>
#include <memory>
#include <set>

#include "base/error.h"
#include "format/limits.h"
#include "format/strict_parse.h"
#include "kartla/v1/types.pb.h"

namespace kartla::attest {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// Field 100 in every section message that holds entries (docs/SPEC.md §13.1): one number for all,
// so a reader can find a section's attestations without knowing its schema.
constexpr int kAttestationsField = 100;

// A std::string that held section content is wiped before its memory goes back to the heap.
struct WipedString {
  std::string value;
  ~WipedString() { crypto::wipe(value.data(), value.size()); }
};

const FieldDescriptor* attestations_field(const Descriptor& d) {
  const FieldDescriptor* f = d.FindFieldByNumber(kAttestationsField);
  if (f != nullptr && f->is_repeated() && f->type() == FieldDescriptor::TYPE_BYTES) return f;
  return nullptr;
}

const FieldDescriptor* entries_field(const Descriptor& d) {
  const FieldDescriptor* f = d.FindFieldByName("entries");
  if (f != nullptr && f->is_repeated() && f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) return f;
  return nullptr;
}

// An attestable entry type: marked (kartla.v1.record_entry) and carrying a string `id`.
const FieldDescriptor* entry_id_field(const Descriptor& d) {
  if (!d.options().GetExtension(v1::record_entry)) return nullptr;
  const FieldDescriptor* f = d.FindFieldByName("id");
  if (f != nullptr && !f->is_repeated() && f->type() == FieldDescriptor::TYPE_STRING) return f;
  return nullptr;
}

std::unique_ptr<Message> parse(const model::SectionInfo& info, ByteView plaintext) {
  if (plaintext.size > format::kMaxSectionPlaintext) fail(Code::limit, "section content is larger than 256 MiB");
  auto message = model::new_section_message(info);
  if (!format::parse_bounded(plaintext, *message))
    fail(Code::schema, "content is not a valid %s section", {std::string(info.name)});
  return message;
}

crypto::SecretBuffer serialize(const Message& message) {
  WipedString bytes;
  if (!message.SerializeToString(&bytes.value)) fail(Code::internal, "cannot serialize section content");
  return crypto::SecretBuffer::copy_of(bytes.value);
}

struct FoundEntry {
  std::string id;
  const Message* message;
};

void collect(const Message& m, std::vector<FoundEntry>& out) {
  const auto* reflection = m.GetReflection();
  if (const FieldDescriptor* id = entry_id_field(*m.GetDescriptor())) {
    std::string value = reflection->GetString(m, id);
    if (!value.empty()) out.push_back({std::move(value), &m});
  }
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(m, &fields);
  for (const FieldDescriptor* f : fields) {
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int i = 0; i < reflection->FieldSize(m, f); ++i) collect(reflection->GetRepeatedMessage(m, f, i), out);
    } else {
      collect(reflection->GetMessage(m, f), out);
    }
  }
}

std::vector<FoundEntry> entries_of(const Message& root) {
  std::vector<FoundEntry> out;
  collect(root, out);
  return out;
}

void entry_types(const Descriptor& d, std::set<const Descriptor*>& seen, std::vector<const Descriptor*>& out) {
  if (!seen.insert(&d).second) return;
  if (entry_id_field(d) != nullptr) out.push_back(&d);
  for (int i = 0; i < d.field_count(); ++i)
    if (const Descriptor* sub = d.field(i)->message_type()) entry_types(*sub, seen, out);
}

const Descriptor& entries_type(const model::SectionInfo& info) {
  const FieldDescriptor* f = entries_field(model::section_descriptor(info));
  if (f == nullptr) fail(Code::invalid_argument, "section '%s' has no list of entries", {std::string(info.name)});
  return *f->message_type();
}

std::unique_ptr<Message> new_message(const Descriptor& type) {
  const Message* prototype = google::protobuf::MessageFactory::generated_factory()->GetPrototype(&type);
  if (prototype == nullptr) fail(Code::internal, "no message type for %s", {type.full_name()});
  return std::unique_ptr<Message>(prototype->New());
}

// An attestation hashes the entry's bytes as this library serializes it (SPEC §13.1); bytes in
// any other encoding of the same message could never match once the entry sits in its section.
bool is_canonical(const Message& message, ByteView bytes) {
  WipedString again;
  return message.SerializeToString(&again.value) && again.value == bytes.as_string_view();
}

}  // namespace

bool section_holds_attestations(const model::SectionInfo& info) {
  return !info.owner_only && attestations_field(model::section_descriptor(info)) != nullptr;
}

bool section_takes_contributions(const model::SectionInfo& info) {
  return !info.owner_only && entries_field(model::section_descriptor(info)) != nullptr &&
         attestations_field(model::section_descriptor(info)) != nullptr;
}

std::vector<std::string> entry_ids(const model::SectionInfo& info, ByteView plaintext) {
  const auto root = parse(info, plaintext);
  std::vector<std::string> ids;
  for (auto& e : entries_of(*root)) ids.push_back(std::move(e.id));
  return ids;
}

std::vector<EntryBytes> entries_with_bytes(const model::SectionInfo& info, ByteView plaintext) {
  const auto root = parse(info, plaintext);
  std::vector<EntryBytes> out;
  for (auto& e : entries_of(*root)) out.push_back({std::move(e.id), serialize(*e.message)});
  return out;
}

crypto::SecretBuffer entry_bytes(const model::SectionInfo& info, ByteView plaintext, std::string_view entry_id) {
  const auto root = parse(info, plaintext);
  const Message* found = nullptr;
  for (const auto& e : entries_of(*root)) {
    if (e.id != entry_id) continue;
    // Two entries with one id: an attestation could not say which one it vouches for.
    if (found != nullptr) fail(Code::schema, "two entries have the id '%s'", {std::string(entry_id)});
    found = e.message;
  }
  if (found == nullptr)
    fail(Code::not_found, "section '%1$s' has no entry '%2$s'", {std::string(info.name), std::string(entry_id)});
  return serialize(*found);
}


std::string entry_id_of(const model::SectionInfo& info, ByteView entry) {
  const Descriptor& type = entries_type(info);
  auto message = new_message(type);
  if (!format::parse_bounded(entry, *message))
    fail(Code::schema, "this is not an entry of section '%s'", {std::string(info.name)});
  if (!is_canonical(*message, entry)) fail(Code::schema, "the entry is not in its canonical encoding");
  const FieldDescriptor* id = entry_id_field(type);
  const std::string value = id != nullptr ? message->GetReflection()->GetString(*message, id) : std::string();
  if (value.empty()) fail(Code::schema, "the entry has no id");
  return value;
}

crypto::SecretBuffer entry_from_json(const model::SectionInfo& info, ByteView json) {
  if (json.size > static_cast<size_t>(INT_MAX)) fail(Code::limit, "JSON text is larger than 2 GiB");
  auto message = new_message(entries_type(info));
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  google::protobuf::LogSilencer silence;
  const auto status = google::protobuf::util::JsonStringToMessage(json.as_string_view(), message.get(), options);
  if (!status.ok())
    fail(Code::schema, "JSON does not match an entry of section '%1$s': %2$s",
         {std::string(info.name), std::string(status.message())});
  return serialize(*message);
}

bool is_entry_with_id(const model::SectionInfo& info, ByteView entry, std::string_view entry_id) {
  std::set<const Descriptor*> seen;
  std::vector<const Descriptor*> types;
  entry_types(model::section_descriptor(info), seen, types);
  for (const Descriptor* type : types) {
    auto message = new_message(*type);
    if (!format::parse_bounded(entry, *message)) continue;
    if (message->GetReflection()->GetString(*message, entry_id_field(*type)) == entry_id &&
        is_canonical(*message, entry))
      return true;
  }
  return false;
}

std::vector<std::string> stored_attestations(const model::SectionInfo& info, ByteView plaintext) {
  const auto root = parse(info, plaintext);
  const FieldDescriptor* f = attestations_field(*root->GetDescriptor());
  std::vector<std::string> out;
  if (f == nullptr) return out;
  const auto* reflection = root->GetReflection();
  for (int i = 0; i < reflection->FieldSize(*root, f); ++i) out.push_back(reflection->GetRepeatedString(*root, f, i));
  return out;
}

crypto::SecretBuffer with_attestation(const model::SectionInfo& info, ByteView plaintext, ByteView attestation) {
  if (!section_holds_attestations(info))
    fail(Code::invalid_argument, "section '%s' holds no attestations", {std::string(info.name)});
  auto root = parse(info, plaintext);
  root->GetReflection()->AddString(root.get(), attestations_field(*root->GetDescriptor()), attestation.to_string());
  return serialize(*root);
}

crypto::SecretBuffer with_entry(const model::SectionInfo& info, ByteView plaintext, ByteView entry) {
  if (!section_takes_contributions(info))
    fail(Code::invalid_argument, "section '%s' takes no contributed entries", {std::string(info.name)});
  auto root = parse(info, plaintext);
  Message* added = root->GetReflection()->AddMessage(root.get(), entries_field(*root->GetDescriptor()));
  if (!format::parse_bounded(entry, *added))
    fail(Code::schema, "this is not an entry of section '%s'", {std::string(info.name)});
  return serialize(*root);
}

}  // namespace kartla::attest
