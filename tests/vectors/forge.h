// Taking a record container apart and putting it back together (docs/SPEC.md §6), so a negative
// vector can change exactly one piece: re-signing the manifest with the owner's key when the
// change must get past the signature to reach the check it is aimed at.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "crypto/sign.h"
#include "format/record_codec.h"

namespace kartla::vectors {

struct ContainerParts {
  format::Manifest manifest;
  std::string manifest_bytes;  // what the signature covers; reset by encode_and_sign
  std::string signature;
  std::vector<std::string> entries;  // exact SectionEntry bytes, in file order
  std::vector<std::string> bodies;   // the section bodies, same order
  std::vector<std::string> grants;
  uint64_t header_version = 1;
  std::string header_suffix;  // raw bytes appended to the RecordHeader (unknown fields)
};

ContainerParts split_container(const std::string& file);
std::string assemble(const ContainerParts& parts);

// Canonical encodings written field by field with wire.h. They must equal the library's own
// encoders; encode_and_sign checks that on every call, so a vector can never be built from an
// encoding the library would not write.
std::string manifest_wire(const format::Manifest& manifest, uint32_t format_version = 1);
std::string entry_wire(const format::SectionEntry& entry);

// Recomputes the manifest's sorted digest lists from the entries and grants present.
void relist(ContainerParts& parts);
// Encodes parts.manifest canonically into manifest_bytes and signs it.
void encode_and_sign(ContainerParts& parts, const crypto::SigningKeyPair& keys);
// Signs parts.manifest_bytes exactly as they are (for deliberately non-canonical manifests).
void sign_as_is(ContainerParts& parts, const crypto::SigningKeyPair& keys);

}  // namespace kartla::vectors
