// SPDX-License-Identifier: Apache-2.0
// The three scanners that read a documents section as it streams past (the listing, the one-document
// extractor, the health-data flag scan) against protobuf on varints written longer than they need
// to be. A listing drops the contents and attestations and re-encodes each entry's tag and length,
// so a tag or length protobuf refuses (more than 5 bytes) must be refused by the scan itself: the
// fuzzer found a listing that accepted a section whose attestation length took 6 bytes, which no
// whole parse of the section accepts.
#include <catch2/catch.hpp>

#include <google/protobuf/util/message_differencer.h>

#include <algorithm>
#include <optional>
#include <string>

#include "base/error.h"
#include "crypto/sha256.h"
#include "format/strict_parse.h"
#include "kartla/v1/documents.pb.h"
#include "model/document_listing.h"
#include "model/document_stream.h"
#include "share/flag_scan.h"

using kartla::ByteView;
using kartla::Error;
using kartla::v1::DocumentEntry;
using kartla::v1::Documents;

namespace {

int minimal_size(uint64_t value) {
  int bytes = 1;
  while (value >>= 7) ++bytes;
  return bytes;
}

// `value` as a varint of `bytes` bytes (at least its minimal size): padded with zero groups.
std::string varint_of_size(uint64_t value, int bytes) {
  bytes = std::max(bytes, minimal_size(value));
  std::string out;
  for (int i = 0; i < bytes; ++i) {
    const uint8_t group = static_cast<uint8_t>(value & 0x7f);
    value >>= 7;
    out.push_back(static_cast<char>(i + 1 < bytes ? group | 0x80 : group));
  }
  REQUIRE(value == 0);
  return out;
}

// Where the long varint goes.
enum class Place { entry_tag, entry_length, content_tag, content_length, attestation_tag, attestation_length, size_value };

const std::string kContent = "the document's bytes";

// One entry (id, size, sha256, health_data, content) and one section attestation, with the varint
// at `place` written in `bytes` bytes and every other one minimal.
std::string section(Place place, int bytes) {
  auto var = [&](Place here, uint64_t value) { return varint_of_size(value, place == here ? bytes : 1); };
  const auto digest = kartla::crypto::sha256(ByteView(kContent));
  const std::string sha(reinterpret_cast<const char*>(digest.data()), digest.size());
  std::string entry;
  entry += "\x0a\x05" "doc-1";
  entry += "\x38" + var(Place::size_value, kContent.size());
  entry += "\x42\x20" + sha;
  entry += "\x68\x01";  // health_data (13) = true
  entry += var(Place::content_tag, 9 << 3 | 2) + var(Place::content_length, kContent.size()) + kContent;
  std::string out = var(Place::entry_tag, 1 << 3 | 2) + var(Place::entry_length, entry.size()) + entry;
  out += var(Place::attestation_tag, 100 << 3 | 2) + var(Place::attestation_length, 3) + "sig";
  return out;
}

void feed(kartla::format::ContentSink& sink, const std::string& bytes) {
  for (char c : bytes) sink.write({reinterpret_cast<const uint8_t*>(&c), 1});
}

class Collect final : public kartla::format::ContentSink {
 public:
  void write(ByteView p) override { bytes.append(reinterpret_cast<const char*>(p.data), p.size); }
  std::string bytes;
};

}  // namespace

TEST_CASE("the streaming scanners accept a long varint exactly where protobuf does", "[documents][listing][flag_scan]") {
  const Place places[] = {Place::entry_tag,       Place::entry_length,       Place::content_tag,
                          Place::content_length,  Place::attestation_tag,    Place::attestation_length,
                          Place::size_value};
  for (Place place : places) {
    const bool is_value = place == Place::size_value;
    const int shortest = place == Place::attestation_tag ? 2 : 1;  // field 100 takes 2 bytes
    for (int bytes = shortest; bytes <= 11; ++bytes) {
      const std::string input = section(place, bytes);
      INFO("place " << static_cast<int>(place) << ", " << bytes << " bytes");

      // What this test relies on: protobuf reads a tag or a length in at most 5 bytes, a value in 10.
      Documents parsed;
      const bool parses = kartla::format::parse_bounded(ByteView(input), parsed);
      REQUIRE(parses == (bytes <= (is_value ? 10 : 5)));

      std::optional<Documents> listed;
      try {
        kartla::model::DocumentListingScan scan;
        feed(scan, input);
        listed = scan.finish();
      } catch (const Error&) {
      }
      REQUIRE(listed.has_value() == parses);
      if (parses) {
        parsed.clear_attestations();
        parsed.mutable_entries(0)->clear_inline_content();
        REQUIRE(google::protobuf::util::MessageDifferencer::Equals(*listed, parsed));
      }

      Collect out;
      bool extracted = false;
      try {
        kartla::model::DocumentExtractor extractor("doc-1", out);
        feed(extractor, input);
        extractor.finish();
        extracted = true;
      } catch (const Error&) {
      }
      REQUIRE(extracted == parses);
      if (extracted) REQUIRE(out.bytes == kContent);

      kartla::share::FlagScan flags(Documents::kEntriesFieldNumber, DocumentEntry::kHealthDataFieldNumber);
      feed(flags, input);
      REQUIRE(flags.flagged_or_unreadable());  // flagged, or unreadable: never "no health data"
    }
  }
}
