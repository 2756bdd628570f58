#pragma once

#include <string>

#include "format/byte_source.h"
#include "format/limits.h"
#include "io/input_file.h"

namespace kartla::format {

// A container read lazily from an open file: the descriptor is held, so a save that renames a
// new file over the path does not change what this source reads.
class FileSource final : public ByteSource {
 public:
  explicit FileSource(std::string path, const io::FileSystem& fs = io::real_file_system())
      : file_(std::move(path), kMaxRecordFileBytes, fs) {}
  uint64_t size() const override { return file_.size(); }
  void read_exact(uint64_t offset, uint8_t* out, size_t n) const override { file_.read_exact(offset, out, n); }

 private:
  io::InputFile file_;
};

}  // namespace kartla::format
