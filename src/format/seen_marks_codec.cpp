// SPDX-License-Identifier: Apache-2.0
#include "format/seen_marks_codec.h"

#include <cstring>

#include "base/error.h"
#include "crypto/aead.h"
#include "crypto/kdf.h"
#include "crypto/padding.h"
#include "format/framing.h"
#include "format/labels.h"
#include "format/limits.h"
#include "format/strict_parse.h"
#include "kartla/v1/container.pb.h"

namespace kartla::format {
namespace {

namespace pb = kartla::v1::container;

// A seen-marks message of kMaxSeenMarks entries: 512 x (2 + 18 + 11 + 34) bytes, about 33 KiB.
constexpr size_t kMaxMarksBytes = 40u << 10;

std::string marks_ad(const std::string& signed_card) {
  std::string ad(label::kSeenMarksAd);
  ad.push_back('\0');
  return ad + signed_card;
}

crypto::SecretBuffer marks_key(const crypto::SecretBuffer& data_key) {
  return crypto::derive_subkey(data_key, label::kSeenMarksKeyContext, 0);
}

}  // namespace

void check_sealed_marks_length(const std::string& sealed) {
  constexpr size_t kOverhead = 40;
  if (sealed.size() < kOverhead + crypto::kPaddingFloor || !crypto::is_padded_size(sealed.size() - kOverhead) ||
      sealed.size() > crypto::padded_size(kMaxMarksBytes) + kOverhead)
    fail(Code::format, "the sealed list of versions seen has an invalid length");
}

std::string seal_seen_marks(const crypto::SecretBuffer& data_key, const std::string& signed_card,
                            const SeenMarkMap& marks) {
  if (marks.size() > kMaxSeenMarks) fail(Code::limit, "more records remembered than the limit of 512");
  pb::SeenMarks msg;
  for (const auto& [id, mark] : marks) {
    auto* out = msg.add_records();
    out->set_id(id);
    out->set_sequence(mark.sequence);
    out->set_manifest_hash(mark.manifest_hash);
  }
  const std::string encoded = msg.SerializeAsString();
  crypto::SecretBuffer padded(static_cast<size_t>(crypto::padded_size(encoded.size())));
  if (!encoded.empty()) std::memcpy(padded.data(), encoded.data(), encoded.size());
  crypto::pad_in_place(padded.data(), encoded.size());
  return crypto::aead_seal(marks_key(data_key), padded.view(), marks_ad(signed_card));
}

SeenMarkMap open_seen_marks(const crypto::SecretBuffer& data_key, const std::string& signed_card,
                            const std::string& sealed) {
  check_sealed_marks_length(sealed);
  const crypto::SecretBuffer text = crypto::aead_open(marks_key(data_key), sealed, marks_ad(signed_card));
  const size_t length = crypto::unpadded_size(text.data(), text.size());
  pb::SeenMarks msg;
  parse_strict({text.data(), length}, msg, "versions seen", kMaxMarksBytes);
  if (static_cast<size_t>(msg.records_size()) > kMaxSeenMarks) fail(Code::limit, "more records remembered than the limit");
  SeenMarkMap marks;
  std::string previous;
  for (const auto& m : msg.records()) {
    if (m.id().size() != kRecordIdBytes || m.manifest_hash().size() != kDigestBytes || m.sequence() == 0)
      fail(Code::format, "a remembered version is malformed");
    if (!previous.empty() && !(previous < m.id())) fail(Code::format, "remembered versions are not in ascending order");
    previous = m.id();
    marks[m.id()] = SeenMark{m.sequence(), m.manifest_hash()};
  }
  return marks;
}

std::string encode_seen_file(const std::string& signing_key, const std::string& sealed_marks) {
  pb::SeenFile msg;
  msg.set_format_version(kFormatVersion);
  msg.set_signing_key(signing_key);
  msg.set_sealed_marks(sealed_marks);
  return frame_small_file(FileType::seen_marks, msg.SerializeAsString());
}

std::string decode_seen_file(ByteView file, const std::string& expected_signing_key) {
  pb::SeenFile msg;
  parse_strict(unframe_small_file(file, FileType::seen_marks, kMaxSmallFileBytes), msg, "state file", kMaxSmallFileBytes);
  if (msg.format_version() != kFormatVersion) fail(Code::version, "state file format version is not supported");
  if (msg.signing_key() != expected_signing_key) fail(Code::integrity, "the state file belongs to another identity");
  check_sealed_marks_length(msg.sealed_marks());
  return msg.sealed_marks();
}

}  // namespace kartla::format
