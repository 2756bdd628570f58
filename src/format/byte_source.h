/* SPDX-License-Identifier: Apache-2.0 */
// Where a container's bytes come from: a file (read lazily, so opening a record with a 64 MiB
// document does not read the document) or memory (bindings, fuzzers).
#pragma once

#include <cstdint>
#include <string>

#include "base/bytes.h"

namespace kartla::format {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual uint64_t size() const = 0;
  // Exactly n bytes at offset, or Error(format) "truncated" / Error(io).
  virtual void read_exact(uint64_t offset, uint8_t* out, size_t n) const = 0;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(ByteView bytes) : bytes_(bytes) {}
  uint64_t size() const override { return bytes_.size; }
  void read_exact(uint64_t offset, uint8_t* out, size_t n) const override;

 private:
  ByteView bytes_;  // borrowed: must outlive the source
};

}  // namespace kartla::format

namespace kartla::format {

// A source that owns its bytes (a copy of what the C ABI caller passed in).
class OwnedMemorySource final : public ByteSource {
 public:
  explicit OwnedMemorySource(std::string bytes) : bytes_(std::move(bytes)), view_(ByteView(bytes_)) {}
  uint64_t size() const override { return view_.size(); }
  void read_exact(uint64_t offset, uint8_t* out, size_t n) const override { view_.read_exact(offset, out, n); }

 private:
  std::string bytes_;
  MemorySource view_;
};

}  // namespace kartla::format
