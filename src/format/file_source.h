/* SPDX-License-Identifier: Apache-2.0 */
#pragma once

#include <string>

#include "format/byte_source.h"
#include "format/limits.h"
#include "io/input_file.h"

namespace kartla::format {

// A container read lazily from an open file: the descriptor is held, so a save that renames a
// new file over the path does not change what this source reads.
//
// The file's first 64 KiB are read once, when it is opened. A small record (the common case)
// then costs one read system call in all, instead of one for the frame prefix, one for the
// header and two per section; on virtual machines each system call is dear (bench/README.md).
// What follows the head is read when asked for, so a 64 MiB document is still never read to
// open the record.
class FileSource final : public ByteSource {
 public:
  explicit FileSource(std::string path, const io::FileSystem& fs = io::real_file_system());
  uint64_t size() const override { return file_.size(); }
  void read_exact(uint64_t offset, uint8_t* out, size_t n) const override;

 private:
  io::InputFile file_;
  std::string head_;  // the first min(size, 64 KiB) bytes: public ciphertext and header only
};

}  // namespace kartla::format
