// SPDX-License-Identifier: Apache-2.0
#include "format/file_source.h"

#include <algorithm>
#include <cstring>

namespace kartla::format {
namespace {

constexpr uint64_t kHeadBytes = 64 * 1024;

}  // namespace

FileSource::FileSource(std::string path, const io::FileSystem& fs)
    : file_(std::move(path), kMaxRecordFileBytes, fs) {
  head_.resize(static_cast<size_t>(std::min(file_.size(), kHeadBytes)));
  if (!head_.empty()) file_.read_exact(0, reinterpret_cast<uint8_t*>(head_.data()), head_.size());
}

void FileSource::read_exact(uint64_t offset, uint8_t* out, size_t n) const {
  const uint64_t head = head_.size();
  if (offset < head) {
    const size_t from_head = static_cast<size_t>(std::min<uint64_t>(n, head - offset));
    std::memcpy(out, head_.data() + offset, from_head);
    offset += from_head;
    out += from_head;
    n -= from_head;
  }
  if (n != 0) file_.read_exact(offset, out, n);  // past the end: Error(format) "truncated"
}

}  // namespace kartla::format
