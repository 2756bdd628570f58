// SPDX-License-Identifier: Apache-2.0
#include "format/container_writer.h"

#include <algorithm>
#include <numeric>

#include "base/error.h"
#include "io/atomic_writer.h"

namespace kartla::format {

std::vector<uint64_t> write_container(const ContainerContents& contents, const std::string& path,
                                      const io::FileSystem& fs) {
  std::vector<size_t> file_order(contents.sections.size());
  std::iota(file_order.begin(), file_order.end(), size_t{0});
  std::sort(file_order.begin(), file_order.end(), [&](size_t a, size_t b) {
    return contents.sections[a].placed.entry.slot_tag < contents.sections[b].placed.entry.slot_tag;
  });

  RecordHeader header;
  header.manifest = contents.manifest;
  header.manifest_signature = contents.manifest_signature;
  for (size_t i : file_order) header.section_entries.push_back(contents.sections[i].placed.entry_bytes);
  header.grants = contents.grants;
  const std::string prefix = encode_container_prefix(header);

  io::AtomicWriter writer(path, fs);
  writer.write(prefix);
  std::vector<uint64_t> offsets(contents.sections.size());
  uint64_t offset = prefix.size();
  for (size_t i : file_order) {
    const OutgoingSection& s = contents.sections[i];
    if (s.body) {
      writer.write(*s.body);
    } else {
      if (s.from == nullptr) fail(Code::internal, "a section to write has no body");
      const auto write = [&](ByteView chunk) { writer.write(chunk); };
      if (s.hashed_when_written)
        for_each_body_chunk_unhashed(*s.from, s.placed, write);
      else
        copy_section_body(*s.from, s.placed, write);
    }
    offsets[i] = offset;
    offset += s.placed.entry.ciphertext_length;
  }
  writer.commit();
  return offsets;
}

}  // namespace kartla::format
