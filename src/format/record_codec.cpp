#include "format/record_codec.h"

#include <algorithm>

#include "base/error.h"
#include "format/labels.h"
#include "format/limits.h"
#include "format/strict_parse.h"
#include "kartla/v1/container.pb.h"

namespace kartla::format {
namespace {

namespace pb = kartla::v1::container;

void require_size(const std::string& field, size_t size, const char* what) {
  if (field.size() != size) fail(Code::format, std::string(what) + " has an invalid length");
}

void require_ascending(const std::vector<std::string>& digests, const char* what) {
  for (size_t i = 0; i < digests.size(); ++i) {
    require_size(digests[i], kDigestBytes, what);
    // Strict order makes the list canonical and rules out duplicates.
    if (i > 0 && !(digests[i - 1] < digests[i]))
      fail(Code::format, std::string(what) + " are not in strictly ascending order");
  }
}

template <typename Repeated>
std::vector<std::string> to_vector(const Repeated& repeated) {
  return std::vector<std::string>(repeated.begin(), repeated.end());
}

std::string serialize(const google::protobuf::Message& message) {
  std::string out;
  if (!message.SerializeToString(&out)) fail(Code::internal, "cannot serialize a container message");
  return out;
}

}  // namespace

std::string encode_manifest(const Manifest& m) {
  pb::Manifest msg;
  msg.set_format_version(kFormatVersion);
  msg.set_record_id(m.record_id);
  msg.set_owner_signing_key(m.owner_signing_key);
  msg.set_owner_encryption_key(m.owner_encryption_key);
  msg.set_sequence(m.sequence);
  msg.set_previous_manifest_hash(m.previous_manifest_hash);
  msg.set_owner_key_wrap(m.owner_key_wrap);
  for (const auto& d : m.section_digests) msg.add_section_digests(d);
  for (const auto& d : m.grant_digests) msg.add_grant_digests(d);
  msg.set_highest_generation(m.highest_generation);
  return serialize(msg);
}

Manifest decode_manifest(ByteView bytes) {
  pb::Manifest msg;
  parse_strict(bytes, msg, "manifest", kMaxHeaderBytes);
  if (msg.format_version() != kFormatVersion)
    fail(Code::version, "manifest format version " + std::to_string(msg.format_version()) + " is not supported");
  Manifest m;
  m.record_id = msg.record_id();
  m.owner_signing_key = msg.owner_signing_key();
  m.owner_encryption_key = msg.owner_encryption_key();
  m.sequence = msg.sequence();
  m.previous_manifest_hash = msg.previous_manifest_hash();
  m.owner_key_wrap = msg.owner_key_wrap();
  m.highest_generation = msg.highest_generation();
  require_size(m.record_id, kRecordIdBytes, "record id");
  require_size(m.owner_signing_key, 32, "owner signing key");
  require_size(m.owner_encryption_key, 32, "owner encryption key");
  require_size(m.owner_key_wrap, 80, "owner key wrap");
  if (m.sequence == 0) fail(Code::format, "manifest sequence must be at least 1");
  // The first manifest has no predecessor; every later one must name it.
  require_size(m.previous_manifest_hash, m.sequence == 1 ? 0 : kDigestBytes, "previous manifest hash");
  if (static_cast<size_t>(msg.section_digests_size()) > kMaxSections)
    fail(Code::limit, "manifest lists more sections than the limit");
  if (static_cast<size_t>(msg.grant_digests_size()) > kMaxGrants)
    fail(Code::limit, "manifest lists more grants than the limit");
  m.section_digests = to_vector(msg.section_digests());
  m.grant_digests = to_vector(msg.grant_digests());
  require_ascending(m.section_digests, "section digests");
  require_ascending(m.grant_digests, "grant digests");
  return m;
}

std::string encode_section_entry(const SectionEntry& e) {
  pb::SectionEntry msg;
  msg.set_section_id(e.section_id);
  msg.set_generation(e.generation);
  msg.set_ciphertext_length(e.ciphertext_length);
  msg.set_ciphertext_hash(e.ciphertext_hash);
  msg.set_key_commitment(e.key_commitment);
  return serialize(msg);
}

SectionEntry decode_section_entry(ByteView bytes) {
  pb::SectionEntry msg;
  parse_strict(bytes, msg, "section entry", kMaxHeaderBytes);
  SectionEntry e{msg.section_id(), msg.generation(), msg.ciphertext_length(), msg.ciphertext_hash(),
                 msg.key_commitment()};
  if (e.section_id == 0) fail(Code::format, "section entry has no section id");
  if (e.generation == 0) fail(Code::format, "section entry generation must be at least 1");
  if (e.ciphertext_length < 40 || e.ciphertext_length > kMaxSectionPlaintext + 40)
    fail(e.ciphertext_length < 40 ? Code::format : Code::limit, "section ciphertext length out of range");
  require_size(e.ciphertext_hash, kDigestBytes, "ciphertext hash");
  require_size(e.key_commitment, kDigestBytes, "key commitment");
  return e;
}

std::string encode_record_header(const RecordHeader& h) {
  pb::RecordHeader msg;
  msg.set_format_version(kFormatVersion);
  msg.set_manifest(h.manifest);
  msg.set_manifest_signature(h.manifest_signature);
  for (const auto& e : h.section_entries) msg.add_section_entries(e);
  for (const auto& g : h.grants) msg.add_grants(g);
  return serialize(msg);
}

RecordHeader decode_record_header(ByteView bytes) {
  pb::RecordHeader msg;
  parse_strict(bytes, msg, "record header", kMaxHeaderBytes);
  if (msg.format_version() != kFormatVersion)
    fail(Code::version, "record format version " + std::to_string(msg.format_version()) + " is not supported");
  if (static_cast<size_t>(msg.section_entries_size()) > kMaxSections)
    fail(Code::limit, "record holds more sections than the limit");
  if (static_cast<size_t>(msg.grants_size()) > kMaxGrants)
    fail(Code::limit, "record holds more grants than the limit");
  RecordHeader h{msg.manifest(), msg.manifest_signature(), to_vector(msg.section_entries()),
                 to_vector(msg.grants())};
  if (h.manifest_signature.size() != 64) fail(Code::format, "manifest signature has an invalid length");
  return h;
}

void sort_digests(std::vector<std::string>& digests) { std::sort(digests.begin(), digests.end()); }

crypto::Digest section_entry_digest(ByteView entry_bytes) {
  return crypto::labelled_hash(label::kSectionEntry, entry_bytes);
}

crypto::Digest manifest_hash(ByteView manifest_bytes) {
  return crypto::labelled_hash(label::kManifestHash, manifest_bytes);
}

}  // namespace kartla::format
