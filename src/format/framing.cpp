// SPDX-License-Identifier: Apache-2.0
#include "format/framing.h"

#include <cstring>

#include "base/error.h"

namespace kartla::format {
namespace {

constexpr char kMagic[6] = {'K', 'A', 'R', 'T', 'L', 'A'};
constexpr uint8_t kMajorVersion = 1;

const char* type_name(char type) {
  switch (type) {
    case 'R': return "a record or share bundle";
    case 'I': return "an identity file";
    case 'C': return "a public card";
    case 'A': return "an attestation";
    case 'T': return "a trust list";
    case 'W': return "a contribution";
    case 'X': return "a receipt";
    case 'S': return "a state file of versions seen";
    default: return "an unknown kind of Kartla file";
  }
}

}  // namespace

std::string frame_prefix(FileType type, size_t payload_size) {
  if (payload_size > UINT32_MAX) fail(Code::limit, "payload too large to frame");
  std::string out(kMagic, sizeof kMagic);
  out.push_back(static_cast<char>(type));
  out.push_back(static_cast<char>(kMajorVersion));
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((payload_size >> (8 * i)) & 0xff));
  return out;
}

std::optional<FileType> sniff_file_type(ByteView prefix) {
  if (prefix.size < kFramePrefixBytes || std::memcmp(prefix.data, kMagic, sizeof kMagic) != 0)
    return std::nullopt;
  switch (prefix.data[6]) {
    case 'R': return FileType::record;
    case 'I': return FileType::identity;
    case 'C': return FileType::card;
    case 'A': return FileType::attestation;
    case 'T': return FileType::trust_list;
    case 'W': return FileType::contribution;
    case 'X': return FileType::receipt;
    case 'S': return FileType::seen_marks;
    default: return std::nullopt;
  }
}

uint32_t read_frame_prefix(ByteView prefix, FileType expected, size_t max_payload) {
  if (prefix.size < kFramePrefixBytes || std::memcmp(prefix.data, kMagic, sizeof kMagic) != 0)
    fail(Code::format, "not a Kartla file");
  const char type = static_cast<char>(prefix.data[6]);
  if (type != static_cast<char>(expected))
    fail(Code::format, "expected %1$s, but this is %2$s", {type_name(static_cast<char>(expected)), type_name(type)});
  if (prefix.data[7] != kMajorVersion)
    fail(Code::version, "written by an incompatible Kartla format version %s", {std::to_string(prefix.data[7])});
  uint32_t length = 0;
  for (int i = 0; i < 4; ++i) length |= static_cast<uint32_t>(prefix.data[8 + i]) << (8 * i);
  if (length > max_payload) fail(Code::limit, "header length exceeds the limit");
  return length;
}

std::string frame_small_file(FileType type, ByteView payload) {
  return frame_prefix(type, payload.size) + payload.to_string();
}

ByteView unframe_small_file(ByteView file, FileType expected, size_t max_payload) {
  const uint32_t length = read_frame_prefix(file, expected, max_payload);
  if (file.size < kFramePrefixBytes + length) fail(Code::format, "file is truncated");
  if (file.size > kFramePrefixBytes + length) fail(Code::format, "unexpected data after the end of the file");
  return {file.data + kFramePrefixBytes, length};
}

}  // namespace kartla::format
