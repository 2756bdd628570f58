/* SPDX-License-Identifier: Apache-2.0 */
// Writing a record or share bundle (docs/SPEC.md §6.1, §7.2): the one writer behind both the
// owner's save and a bundle's export, so the layout a reader checks (container_reader.h) is
// produced in exactly one place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "format/byte_source.h"
#include "format/container_reader.h"
#include "io/file_system.h"

namespace kartla::format {

// One section as it goes into a container: its entry with the entry's exact bytes, and where its
// body comes from.
struct OutgoingSection {
  ContainerSection placed;             // entry, exact entry bytes, and the body's offset in `from`
  std::optional<ByteView> body;        // the body in memory (sealed since the last save), or else
  const ByteSource* from = nullptr;    // copied from here and re-hashed on the way, unless:
  // this process has already hashed this body in `from`: it wrote that file, hashing the body as
  // it wrote it (a bundle exported from the record file just saved), or it read the body whole
  // and matched its hash (model::Record's body_checked). The copy is then not hashed a second
  // time: the bytes were checked once, and the new file's reader checks them again on its own.
  bool hashed_when_written = false;
};

struct ContainerContents {
  std::string manifest;  // the owner's exact signed bytes (manifest_signature.h): never re-encoded
  std::string manifest_signature;
  std::vector<OutgoingSection> sections;  // any order: written in slot-tag order
  std::vector<std::string> grants;        // exact grant bytes, in this order
};

// Writes the container atomically to `path` (io::AtomicWriter): the frame prefix and header,
// then the bodies in slot-tag order, which says nothing about which section is which. A body
// copied from a source is re-hashed against its entry on the way (Error(integrity) and nothing
// written if it was damaged since it was read), so a damaged body is never signed or passed on.
// Returns each section's body offset in the new file, in the order of contents.sections.
std::vector<uint64_t> write_container(const ContainerContents& contents, const std::string& path,
                                      const io::FileSystem& fs);

}  // namespace kartla::format
