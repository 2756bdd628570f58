// Reading a record or share bundle: everything that can be checked without a key, in an order
// that trusts nothing before it is authenticated (docs/SPEC.md §6, "Reading a container").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "format/byte_source.h"
#include "format/record_codec.h"

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

  bool has_every_section() const { return sections.size() == manifest.section_digests.size(); }
  bool has_every_grant() const { return grants.size() == manifest.grant_digests.size(); }
  const ContainerSection* find_section(uint32_t section_id) const;
};

// Parses and authenticates the header: framing, strict decoding, the owner's signature over the
// exact manifest bytes, that every entry and grant present is listed in the manifest (once), and
// that the file is exactly as long as its header says. Does not read section bodies.
VerifiedContainer read_container(const ByteSource& source);

// Reads a section body (public ciphertext).
std::string read_section_body(const ByteSource& source, const ContainerSection& section);

// Hashes a body in chunks and compares it with the entry: Error(integrity) on mismatch.
void check_section_body(const ByteSource& source, const ContainerSection& section);

// The bytes before the bodies: frame prefix and encoded header.
std::string encode_container_prefix(const RecordHeader& header);

crypto::Digest grant_digest(ByteView grant_bytes);

}  // namespace kartla::format
