/* SPDX-License-Identifier: Apache-2.0 */
// Reading a record or share bundle: everything that can be checked without a key, in an order
// that trusts nothing before it is authenticated (docs/SPEC.md §6, "Reading a container").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "format/byte_source.h"
#include "crypto/secret_buffer.h"
#include "format/record_codec.h"
#include "format/section_crypto.h"

namespace kartla::format {

struct ContainerSection {
  SectionEntry entry;
  std::string entry_bytes;
  uint64_t body_offset = 0;
};

struct VerifiedContainer {
  std::string manifest_bytes;  // exactly the bytes the owner signed
  Manifest manifest;
  std::string manifest_signature;
  std::vector<ContainerSection> sections;  // those present, in file order
  std::vector<std::string> grants;         // those present; each listed in the manifest
  uint64_t header_bytes = 0;

  bool has_every_section() const { return sections.size() == manifest.sections.size(); }
  bool has_every_grant() const { return grants.size() == manifest.grant_digests.size(); }
  // The entry present in this file under a slot tag, or nullptr.
  const ContainerSection* find_slot(const std::string& slot_tag) const;
};

// Parses and authenticates the header: framing, strict decoding, the owner's signature over the
// exact manifest bytes, that every entry and grant present is listed in the manifest (once), and
// that the file is exactly as long as its header says. Does not read section bodies.
VerifiedContainer read_container(const ByteSource& source);

// Reads a section body (public ciphertext).
std::string read_section_body(const ByteSource& source, const ContainerSection& section);

// Opens a section straight from the source into secure memory: commitment check, then the body
// is read once into the buffer that becomes the plaintext (hash checked, AEAD opened in place).
// All checks and errors as format::open_section.
crypto::SecretBuffer open_section_from_source(const ByteSource& source, const ContainerSection& section,
                                              const crypto::SecretBuffer& section_key, const SectionSlot& slot);

// The padded plaintext length of a section: its ciphertext length less the nonce and tag. The
// content is at most this long (its exact length is known only once it is decrypted).
uint64_t section_plaintext_size(const SectionEntry& entry);

// As open_section_from_source, into memory the caller owns: `out` (capacity bytes, at least
// section_plaintext_size) receives the plaintext only if every check passes; on failure it is
// wiped. Returns the content length (the padding after it in `out` is wiped).
// Error(invalid_argument) if capacity is too small.
size_t open_section_into(const ByteSource& source, const ContainerSection& section,
                         const crypto::SecretBuffer& section_key, const SectionSlot& slot, uint8_t* out,
                         size_t capacity);

// Copies a body to `sink` in chunks while hashing it; Error(integrity) if it does not match its
// entry (the sink may then have received part of it: callers write to a temporary file).
template <typename Sink>
void copy_section_body(const ByteSource& source, const ContainerSection& section, Sink&& sink);

// Hashes a body in chunks and compares it with the entry: Error(integrity) on mismatch.
void check_section_body(const ByteSource& source, const ContainerSection& section);

// The bytes before the bodies: frame prefix and encoded header.
std::string encode_container_prefix(const RecordHeader& header);

crypto::Digest grant_digest(ByteView grant_bytes);

// One chunked pass over a body; used by check_section_body and copy_section_body.
void for_each_body_chunk(const ByteSource& source, const ContainerSection& section,
                         const std::function<void(ByteView)>& visit);
// The same pass without the hash: only for a body this process hashed as it wrote it to `source`
// (container_writer.h, OutgoingSection::hashed_when_written).
void for_each_body_chunk_unhashed(const ByteSource& source, const ContainerSection& section,
                                  const std::function<void(ByteView)>& visit);

template <typename Sink>
void copy_section_body(const ByteSource& source, const ContainerSection& section, Sink&& sink) {
  for_each_body_chunk(source, section, [&](ByteView chunk) { sink(chunk); });
}

}  // namespace kartla::format
