// SPDX-License-Identifier: Apache-2.0
// The 12-byte frame every Kartla file starts with: magic, type, major version, declared length.
#include <catch2/catch.hpp>

#include <string>

#include "base/error.h"
#include "format/byte_source.h"
#include "format/card_codec.h"
#include "format/container_reader.h"
#include "format/framing.h"
#include "format/identity_codec.h"
#include "format/limits.h"
#include "format_fixtures.h"

using namespace kartla;
using namespace kartla::testing;
using format::FileType;

namespace {

template <typename F>
Error error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("accepted a malformed frame");
  return Error(Code::ok, "");
}

bool mentions(const Error& e, const std::string& text) {
  return std::string(e.what()).find(text) != std::string::npos;
}

std::string prefix_with_length(FileType type, uint32_t length) {
  std::string p = format::frame_prefix(type, 0);
  for (int i = 0; i < 4; ++i) p[8 + i] = static_cast<char>((length >> (8 * i)) & 0xff);
  return p;
}

// A source that claims to be large but holds nothing: any read or allocation sized by what the
// file declares, rather than by the limits, shows up as a read request here.
class ProbeSource final : public format::ByteSource {
 public:
  ProbeSource(std::string prefix, uint64_t claimed_size) : prefix_(std::move(prefix)), size_(claimed_size) {}
  uint64_t size() const override { return size_; }
  void read_exact(uint64_t offset, uint8_t* out, size_t n) const override {
    largest_read = std::max(largest_read, n);
    if (offset + n > prefix_.size()) fail(Code::format, "probe: read past the bytes it holds");
    std::copy(prefix_.begin() + static_cast<long>(offset), prefix_.begin() + static_cast<long>(offset + n), out);
  }
  mutable size_t largest_read = 0;

 private:
  std::string prefix_;
  uint64_t size_;
};

}  // namespace

TEST_CASE("the frame prefix is KARTLA, type, version 1, u32le length", "[format][framing]") {
  const std::string p = format::frame_prefix(FileType::record, 0x01020304);
  REQUIRE(p == std::string("KARTLAR\x01\x04\x03\x02\x01", 12));
  REQUIRE(format::read_frame_prefix(p, FileType::record, 0x01020304) == 0x01020304u);
  REQUIRE(format::sniff_file_type(p) == FileType::record);
  REQUIRE(format::sniff_file_type(format::frame_prefix(FileType::identity, 1)) == FileType::identity);
  REQUIRE(format::sniff_file_type(format::frame_prefix(FileType::card, 1)) == FileType::card);
  REQUIRE(format::sniff_file_type(std::string("KARTLAX\x01\0\0\0\0", 12)) == FileType::receipt);
  REQUIRE(format::sniff_file_type(format::frame_prefix(FileType::seen_marks, 1)) == FileType::seen_marks);
  REQUIRE_FALSE(format::sniff_file_type(std::string("KARTLAZ\x01\0\0\0\0", 12)));
  REQUIRE_FALSE(format::sniff_file_type(std::string("KARTLA")));
}

TEST_CASE("bad magic is Error(format)", "[format][framing]") {
  const std::string good = format::frame_small_file(FileType::card, std::string("x"));
  for (size_t i = 0; i < 6; ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);  // "kARTLA" is not "KARTLA"
    const Error e = error_of([&] { format::unframe_small_file(bad, FileType::card, 100); });
    CHECK(e.code() == Code::format);
    CHECK(mentions(e, "not a Kartla file"));
  }
  CHECK(error_of([&] { format::unframe_small_file(std::string(), FileType::card, 100); }).code() == Code::format);
  CHECK(error_of([&] { format::unframe_small_file(good.substr(0, 11), FileType::card, 100); }).code() ==
        Code::format);
}

TEST_CASE("the wrong kind of file is Error(format) and says what it is", "[format][framing]") {
  const std::string identity_file = format::encode_identity_file(sample_identity_file());
  const std::string card_file = format::encode_card_file(std::string("whatever"));

  Error e = error_of([&] { format::decode_card_file(identity_file); });
  CHECK(e.code() == Code::format);
  CHECK(mentions(e, "expected a public card"));
  CHECK(mentions(e, "this is an identity file"));

  e = error_of([&] { format::decode_identity_file(card_file); });
  CHECK(e.code() == Code::format);
  CHECK(mentions(e, "this is a public card"));

  format::MemorySource source(identity_file);
  e = error_of([&] { format::read_container(source); });
  CHECK(e.code() == Code::format);
  CHECK(mentions(e, "expected a record"));
  CHECK(mentions(e, "identity file"));

  std::string unknown = card_file;
  unknown[6] = 'Z';
  e = error_of([&] { format::decode_card_file(unknown); });
  CHECK(e.code() == Code::format);
  CHECK(mentions(e, "unknown kind"));
}

TEST_CASE("another major version is Error(version)", "[format][framing]") {
  const std::string good = format::frame_small_file(FileType::card, std::string("x"));
  for (const int version : {0, 2, 0x7f, 0xff}) {
    std::string other = good;
    other[7] = static_cast<char>(version);
    INFO("version " << version);
    CHECK(error_of([&] { format::decode_card_file(other); }).code() == Code::version);
  }
}

TEST_CASE("a declared length over the cap is Error(limit) before any allocation (THREATS.md T5)",
          "[format][framing]") {
  // Small files: the cap is 64 KiB; 2 GiB and 4 GiB - 1 are refused from the prefix alone.
  for (const uint32_t declared : {uint32_t{format::kMaxSmallFileBytes + 1}, uint32_t{1} << 31, ~uint32_t{0}}) {
    const std::string file = prefix_with_length(FileType::identity, declared);
    CHECK(error_of([&] { format::decode_identity_file(file); }).code() == Code::limit);
  }
  // Records: a header over the 1 MiB cap in a source that claims to be big enough to hold it.
  ProbeSource huge_header(prefix_with_length(FileType::record, uint32_t{1} << 31), uint64_t{3} << 30 >> 2);
  CHECK(error_of([&] { format::read_container(huge_header); }).code() == Code::limit);
  CHECK(huge_header.largest_read <= format::kFramePrefixBytes);

  // A header within the cap but longer than the file: truncated, found before reading it.
  ProbeSource short_file(prefix_with_length(FileType::record, 1000), 500);
  CHECK(error_of([&] { format::read_container(short_file); }).code() == Code::format);
  CHECK(short_file.largest_read <= format::kFramePrefixBytes);

  // A file over the 1 GiB record limit is refused before a single byte is read.
  ProbeSource huge_file(prefix_with_length(FileType::record, 10), format::kMaxRecordFileBytes + 1);
  CHECK(error_of([&] { format::read_container(huge_file); }).code() == Code::limit);
  CHECK(huge_file.largest_read == 0);
}

TEST_CASE("a small file is exactly its frame and payload", "[format][framing]") {
  const std::string file = format::frame_small_file(FileType::card, std::string("payload"));
  REQUIRE(format::unframe_small_file(file, FileType::card, 100).as_string_view() == "payload");
  CHECK(error_of([&] { format::unframe_small_file(file + "x", FileType::card, 100); }).code() == Code::format);
  CHECK(error_of([&] { format::unframe_small_file(file.substr(0, file.size() - 1), FileType::card, 100); })
            .code() == Code::format);
  CHECK(error_of([&] { format::unframe_small_file(file, FileType::card, 6); }).code() == Code::limit);
}
