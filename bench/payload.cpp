// SPDX-License-Identifier: Apache-2.0
#include "payload.h"

#include <sodium.h>

#include <stdexcept>
#include <string>

namespace bench {
namespace {

// Wire types of the protobuf encoding.
constexpr uint8_t kVarint = 0;
constexpr uint8_t kLength = 2;

size_t varint_size(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) v >>= 7, ++n;
  return n;
}

void put_varint(std::vector<uint8_t>& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<uint8_t>(v));
}

void put_tag(std::vector<uint8_t>& out, uint32_t field, uint8_t wire_type) {
  put_varint(out, (uint64_t{field} << 3) | wire_type);
}

void put_bytes(std::vector<uint8_t>& out, uint32_t field, const uint8_t* data, size_t n) {
  put_tag(out, field, kLength);
  put_varint(out, n);
  out.insert(out.end(), data, data + n);
}

void put_text(std::vector<uint8_t>& out, uint32_t field, const std::string& s) {
  put_bytes(out, field, reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

// Everything of the DocumentEntry except inline_content; the content's sha256 and size are
// filled in so that the entry also passes the documents rules of src/model/validation.
std::vector<uint8_t> entry_metadata(const std::string& title, size_t content_size, const uint8_t sha256[32]) {
  std::vector<uint8_t> m;
  put_text(m, 1, "bench-document");                  // id
  put_tag(m, 2, kVarint), put_varint(m, 10);         // kind = OTHER
  put_text(m, 3, title);                             // title
  put_text(m, 6, "application/octet-stream");        // media_type
  put_tag(m, 7, kVarint), put_varint(m, content_size);  // size_bytes
  put_bytes(m, 8, sha256, 32);                       // sha256
  return m;
}

std::vector<uint8_t> assertion() {
  std::vector<uint8_t> timestamp;
  put_tag(timestamp, 1, kVarint), put_varint(timestamp, 1700000000);  // seconds
  std::vector<uint8_t> a;
  put_tag(a, 1, kVarint), put_varint(a, 1);  // source = SELF_REPORTED
  put_bytes(a, 4, timestamp.data(), timestamp.size());  // asserted_at
  return a;
}

size_t encoded_size(size_t metadata, size_t content, size_t assertion_size) {
  const size_t entry =
      metadata + 1 + varint_size(content) + content + 1 + varint_size(assertion_size) + assertion_size;
  return 1 + varint_size(entry) + entry;
}

}  // namespace

std::vector<uint8_t> document_section(size_t total_bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  const uint8_t no_hash[32] = {};
  const std::vector<uint8_t> asserted = assertion();
  // Varint lengths jump at 128, 16384, ...: pad the title so the total lands exactly.
  std::string title = "benchmark payload";
  const size_t fixed = entry_metadata(title, total_bytes, no_hash).size();
  if (total_bytes < fixed + 64) throw std::invalid_argument("section size too small for the benchmark payload");
  size_t content = total_bytes - fixed;
  auto total = [&] { return encoded_size(entry_metadata(title, content, no_hash).size(), content, asserted.size()); };
  while (total() > total_bytes) --content;
  while (total() < total_bytes) title.push_back('.');

  std::vector<uint8_t> blob(content);
  randombytes_buf(blob.data(), blob.size());
  uint8_t sha256[32];
  crypto_hash_sha256(sha256, blob.data(), blob.size());

  std::vector<uint8_t> entry = entry_metadata(title, content, sha256);
  put_bytes(entry, 9, blob.data(), blob.size());  // inline_content
  put_bytes(entry, 14, asserted.data(), asserted.size());  // assertion
  std::vector<uint8_t> section;
  section.reserve(total_bytes);
  put_bytes(section, 1, entry.data(), entry.size());  // Documents.entries
  if (section.size() != total_bytes) throw std::logic_error("payload size arithmetic is wrong");
  return section;
}

}  // namespace bench
