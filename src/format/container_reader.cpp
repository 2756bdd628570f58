// SPDX-License-Identifier: Apache-2.0
#include "format/container_reader.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/padding.h"
#include "crypto/secret_buffer.h"
#include "crypto/sign.h"
#include "format/framing.h"
#include "format/labels.h"
#include "format/limits.h"
#include "format/manifest_signature.h"
#include "format/section_crypto.h"

namespace kartla::format {
namespace {

bool listed(const std::vector<std::string>& sorted_digests, const crypto::Digest& digest) {  // grants
  return std::binary_search(sorted_digests.begin(), sorted_digests.end(), crypto::digest_bytes(digest));
}

}  // namespace

void MemorySource::read_exact(uint64_t offset, uint8_t* out, size_t n) const {
  if (offset > bytes_.size || n > bytes_.size - offset) fail(Code::format, "file is truncated");
  if (n != 0) std::memcpy(out, bytes_.data + offset, n);
}

const ContainerSection* VerifiedContainer::find_slot(const std::string& slot_tag) const {
  for (const auto& s : sections)
    if (s.entry.slot_tag == slot_tag) return &s;
  return nullptr;
}

VerifiedContainer read_container(const ByteSource& source) {
  if (source.size() > kMaxRecordFileBytes) fail(Code::limit, "file is larger than the 1 GiB limit");
  uint8_t prefix[kFramePrefixBytes];
  if (source.size() < kFramePrefixBytes) fail(Code::format, "file is truncated");
  source.read_exact(0, prefix, sizeof prefix);
  const uint32_t header_size = read_frame_prefix({prefix, sizeof prefix}, FileType::record, kMaxHeaderBytes);
  if (source.size() < kFramePrefixBytes + uint64_t{header_size}) fail(Code::format, "file is truncated");
  std::string header_bytes(header_size, '\0');
  source.read_exact(kFramePrefixBytes, reinterpret_cast<uint8_t*>(header_bytes.data()), header_size);
  RecordHeader header = decode_record_header(header_bytes);

  VerifiedContainer c;
  c.header_bytes = kFramePrefixBytes + uint64_t{header_size};
  // Authenticate before interpreting anything else the header says.
  c.manifest = verify_manifest(header.manifest, header.manifest_signature);
  c.manifest_bytes = std::move(header.manifest);
  c.manifest_signature = std::move(header.manifest_signature);

  std::set<std::string> seen_slots;
  uint64_t offset = c.header_bytes;
  for (auto& entry_bytes : header.section_entries) {
    // Authenticated before it is parsed: the digest must be one the owner signed.
    const std::string digest = crypto::digest_bytes(section_entry_digest(entry_bytes));
    const auto ref = std::find_if(c.manifest.sections.begin(), c.manifest.sections.end(),
                                  [&](const SectionRef& r) { return r.entry_digest == digest; });
    if (ref == c.manifest.sections.end()) fail(Code::signature, "a section entry is not listed in the signed manifest");
    SectionEntry entry = decode_section_entry(entry_bytes);
    if (entry.slot_tag != ref->slot_tag) fail(Code::format, "a section entry's slot is not the slot the manifest lists");
    if (!seen_slots.insert(entry.slot_tag).second) fail(Code::format, "a section appears twice in the file");
    if (entry.ciphertext_length > source.size() - offset) fail(Code::format, "file is truncated");
    c.sections.push_back({entry, std::move(entry_bytes), offset});
    offset += entry.ciphertext_length;
  }
  if (offset != source.size()) fail(Code::format, "unexpected data after the last section");

  std::set<std::string> seen_grants;
  for (auto& grant : header.grants) {
    const crypto::Digest digest = grant_digest(grant);
    // A sealed box can be made by anyone holding a public key; only owner-listed grants count.
    if (!listed(c.manifest.grant_digests, digest))
      fail(Code::signature, "a grant is not listed in the signed manifest");
    if (!seen_grants.insert(crypto::digest_bytes(digest)).second)
      fail(Code::format, "a grant appears twice in the file");
    c.grants.push_back(std::move(grant));
  }
  return c;
}

std::string read_section_body(const ByteSource& source, const ContainerSection& section) {
  // No larger than the source (checked when the container was read), so it fits a size_t on a
  // 32-bit target (WebAssembly) too.
  std::string body(static_cast<size_t>(section.entry.ciphertext_length), '\0');
  source.read_exact(section.body_offset, reinterpret_cast<uint8_t*>(body.data()), body.size());
  return body;
}

void for_each_body_chunk_unhashed(const ByteSource& source, const ContainerSection& section,
                                  const std::function<void(ByteView)>& visit) {
  UnfilledBytes chunk(static_cast<size_t>(std::min<uint64_t>(section.entry.ciphertext_length, 1u << 20)));
  uint64_t done = 0;
  while (done < section.entry.ciphertext_length) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(chunk.size(), section.entry.ciphertext_length - done));
    source.read_exact(section.body_offset + done, chunk.data(), n);
    visit({chunk.data(), n});
    done += n;
  }
}

void for_each_body_chunk(const ByteSource& source, const ContainerSection& section,
                         const std::function<void(ByteView)>& visit) {
  crypto::LabelledHasher hasher(label::kSectionCiphertext);
  for_each_body_chunk_unhashed(source, section, [&](ByteView piece) {
    hasher.update(piece);
    visit(piece);
  });
  const crypto::Digest hash = hasher.finish();
  if (!crypto::equal_constant_time({hash.data(), hash.size()}, section.entry.ciphertext_hash))
    fail(Code::integrity, "section ciphertext does not match the signed manifest");
}

void check_section_body(const ByteSource& source, const ContainerSection& section) {
  for_each_body_chunk(source, section, [](ByteView) {});
}

crypto::SecretBuffer open_section_from_source(const ByteSource& source, const ContainerSection& section,
                                              const crypto::SecretBuffer& section_key, const SectionSlot& slot) {
  check_key_commitment(section_key, slot, section.entry);
  const uint64_t length = section.entry.ciphertext_length;  // >= nonce + tag, checked when decoded
  uint8_t nonce[crypto::kAeadNonceBytes];
  source.read_exact(section.body_offset, nonce, sizeof nonce);
  crypto::SecretBuffer text(static_cast<size_t>(length - sizeof nonce), crypto::SecretBuffer::Uninitialized{});
  source.read_exact(section.body_offset + sizeof nonce, text.data(), text.size());
  const crypto::Digest hash =
      crypto::LabelledHasher(label::kSectionCiphertext).update({nonce, sizeof nonce}).update(text.view()).finish();
  if (!crypto::equal_constant_time({hash.data(), hash.size()}, section.entry.ciphertext_hash))
    fail(Code::integrity, "section ciphertext does not match the signed manifest");
  crypto::aead_open_in_place(section_key, {nonce, sizeof nonce}, text, section_associated_data(slot));
  text.truncate(crypto::unpadded_size(text.data(), text.size()));
  return text;
}

uint64_t section_plaintext_size(const SectionEntry& entry) {
  return entry.ciphertext_length - crypto::kAeadOverhead;  // >= overhead, checked when decoded
}

size_t open_section_into(const ByteSource& source, const ContainerSection& section,
                         const crypto::SecretBuffer& section_key, const SectionSlot& slot, uint8_t* out,
                         size_t capacity) {
  const uint64_t length = section_plaintext_size(section.entry);
  if (length > capacity)
    fail(Code::invalid_argument, "the buffer holds %1$s bytes; the section needs %2$s",
         {std::to_string(capacity), std::to_string(length)});
  check_key_commitment(section_key, slot, section.entry);
  const auto text_length = static_cast<size_t>(length);
  uint8_t nonce[crypto::kAeadNonceBytes];
  uint8_t tag[crypto::kAeadTagBytes];
  try {
    source.read_exact(section.body_offset, nonce, sizeof nonce);
    source.read_exact(section.body_offset + sizeof nonce, out, text_length);
    source.read_exact(section.body_offset + sizeof nonce + text_length, tag, sizeof tag);
    const crypto::Digest hash = crypto::LabelledHasher(label::kSectionCiphertext)
                                    .update({nonce, sizeof nonce})
                                    .update({out, text_length})
                                    .update({tag, sizeof tag})
                                    .finish();
    if (!crypto::equal_constant_time({hash.data(), hash.size()}, section.entry.ciphertext_hash))
      fail(Code::integrity, "section ciphertext does not match the signed manifest");
    crypto::aead_open_detached_in_place(section_key, {nonce, sizeof nonce}, out, text_length, {tag, sizeof tag},
                                        section_associated_data(slot));
    const size_t content_length = crypto::unpadded_size(out, text_length);
    crypto::wipe(out + content_length, text_length - content_length);
    return content_length;
  } catch (...) {
    // The caller's memory holds nothing of a failed read: not even ciphertext.
    crypto::wipe(out, text_length);
    throw;
  }
}

std::string encode_container_prefix(const RecordHeader& header) {
  const std::string encoded = encode_record_header(header);
  if (encoded.size() > kMaxHeaderBytes) fail(Code::limit, "record header would exceed the limit");
  return frame_prefix(FileType::record, encoded.size()) + encoded;
}

crypto::Digest grant_digest(ByteView grant_bytes) {
  return crypto::labelled_hash(label::kGrantDigest, grant_bytes);
}

}  // namespace kartla::format
