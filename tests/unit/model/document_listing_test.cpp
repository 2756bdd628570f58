// SPDX-License-Identifier: Apache-2.0
// The streamed documents listing (model/document_listing.h) against the definition it replaces:
// the whole section parsed, the attestations and every entry's inline_content cleared.
#include <catch2/catch.hpp>

#include <google/protobuf/util/message_differencer.h>

#include <optional>
#include <random>
#include <string>

#include "base/error.h"
#include "format/strict_parse.h"
#include "kartla/v1/documents.pb.h"
#include "model/document_listing.h"

using kartla::ByteView;
using kartla::Code;
using kartla::Error;
using kartla::model::DocumentListingScan;
using kartla::v1::DocumentEntry;
using kartla::v1::Documents;

namespace {

// The definition (and the library's code before the scan): parse it all as section content is
// parsed, then leave out what a listing leaves out. nullopt if it does not parse.
std::optional<Documents> listing_by_parsing(const std::string& bytes) {
  Documents d;
  if (!kartla::format::parse_bounded(ByteView(bytes), d)) return std::nullopt;
  d.clear_attestations();
  for (DocumentEntry& e : *d.mutable_entries())
    if (e.content_case() == DocumentEntry::kInlineContent) e.clear_inline_content();
  return d;
}

// The scan, fed in random pieces (empty ones included). Error(schema) is the only refusal.
std::optional<Documents> listing_by_scanning(const std::string& bytes, std::mt19937_64& rng) {
  DocumentListingScan scan;
  try {
    size_t at = 0;
    while (at < bytes.size()) {
      const size_t step = rng() % 3 == 0 ? rng() % 4 : rng() % (bytes.size() + 1);
      const size_t n = std::min(step, bytes.size() - at);
      scan.write({reinterpret_cast<const uint8_t*>(bytes.data()) + at, n});
      at += n;
    }
    return scan.finish();
  } catch (const Error& e) {
    REQUIRE(e.code() == Code::schema);
    return std::nullopt;
  }
}

std::string random_text(std::mt19937_64& rng, size_t max) {
  std::string s(rng() % (max + 1), 'a');
  for (char& c : s) c = static_cast<char>('a' + rng() % 26);
  return s;
}

std::string random_bytes(std::mt19937_64& rng, size_t max) {
  std::string s(rng() % (max + 1), '\0');
  for (char& c : s) c = static_cast<char>(rng());
  return s;
}

std::string tag_and_length(uint32_t field, size_t length) {
  std::string out;
  for (uint64_t v : {uint64_t{field} << 3 | 2, uint64_t{length}}) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  return out;
}

// A documents section as any writer might make it: entries with or without each field, contents
// of every size, a document kept outside the record, fields of a newer schema at both levels, an
// entry whose oneof is set twice (protobuf: the last one wins), and section-level attestations.
std::string random_section(std::mt19937_64& rng) {
  Documents d;
  const int entries = static_cast<int>(rng() % 5);
  for (int i = 0; i < entries; ++i) {
    DocumentEntry& e = *d.add_entries();
    if (rng() % 4 != 0) e.set_id("doc-" + random_text(rng, 16));
    if (rng() % 2) e.set_kind(static_cast<DocumentEntry::Kind>(1 + rng() % 10));
    if (rng() % 2) e.set_title(random_text(rng, 40));
    if (rng() % 2) e.set_media_type("application/pdf");
    e.set_size_bytes(rng() % 100000);
    if (rng() % 2) e.set_sha256(random_bytes(rng, 32));
    switch (rng() % 4) {
      case 0: break;
      case 1: e.set_external_ref("https://example.org/" + random_text(rng, 10)); break;
      default: e.set_inline_content(random_bytes(rng, rng() % 8 == 0 ? 300000 : 2000));
    }
    if (rng() % 2) e.set_health_data(true);
    if (rng() % 3 == 0) e.mutable_assertion()->mutable_asserted_at()->set_seconds(static_cast<int64_t>(rng() % 2000000000));
    if (rng() % 4 == 0) e.GetReflection()->MutableUnknownFields(&e)->AddVarint(static_cast<int>(90 + rng() % 5), rng());
    if (rng() % 4 == 0) e.GetReflection()->MutableUnknownFields(&e)->AddLengthDelimited(95, random_bytes(rng, 20));
    if (rng() % 4 == 0) e.GetReflection()->MutableUnknownFields(&e)->AddFixed32(96, static_cast<uint32_t>(rng()));
  }
  for (int i = static_cast<int>(rng() % 3); i > 0; --i) d.add_attestations(random_bytes(rng, 300));
  if (rng() % 4 == 0) d.GetReflection()->MutableUnknownFields(&d)->AddFixed64(7, rng());
  std::string bytes = d.SerializeAsString();
  if (rng() % 4 == 0) {
    // One more entry, its oneof written twice in either order.
    std::string entry = tag_and_length(1, 7) + "doc-two";
    const std::string content = random_bytes(rng, 500);
    const std::string ref = "elsewhere";
    entry += rng() % 2 ? tag_and_length(10, ref.size()) + ref + tag_and_length(9, content.size()) + content
                       : tag_and_length(9, content.size()) + content + tag_and_length(10, ref.size()) + ref;
    bytes += tag_and_length(1, entry.size()) + entry;
  }
  return bytes;
}

bool same(const Documents& a, const Documents& b) {
  return google::protobuf::util::MessageDifferencer::Equals(a, b);
}

}  // namespace

TEST_CASE("the streamed listing equals the parsed one over random sections in random pieces", "[documents][listing]") {
  std::mt19937_64 rng(17);
  for (int round = 0; round < 400; ++round) {
    const std::string bytes = random_section(rng);
    INFO("round " << round << ", " << bytes.size() << " bytes");
    const auto parsed = listing_by_parsing(bytes);
    REQUIRE(parsed.has_value());
    const auto scanned = listing_by_scanning(bytes, rng);
    REQUIRE(scanned.has_value());
    REQUIRE(same(*scanned, *parsed));
    for (const DocumentEntry& e : scanned->entries()) REQUIRE(e.inline_content().empty());
    REQUIRE(scanned->attestations_size() == 0);
  }
}

// Damaged sections (cut short anywhere, or a byte changed): what the scan refuses, protobuf may
// accept only for a group field; what the scan accepts, protobuf accepts and lists the same; and
// what protobuf refuses, the scan refuses, with Error(schema) and nothing else.
TEST_CASE("the streamed listing of a damaged section is the parsed one's or a schema error", "[documents][listing]") {
  std::mt19937_64 rng(18);
  int refused_by_both = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string bytes = random_section(rng);
    if (bytes.empty()) continue;
    if (rng() % 2) {
      bytes.resize(rng() % bytes.size());
    } else {
      bytes[rng() % bytes.size()] = static_cast<char>(rng());
    }
    INFO("round " << round);
    const auto parsed = listing_by_parsing(bytes);
    const auto scanned = listing_by_scanning(bytes, rng);
    if (scanned) {
      REQUIRE(parsed.has_value());
      REQUIRE(same(*scanned, *parsed));
    }
    if (!parsed) {
      REQUIRE_FALSE(scanned.has_value());
      ++refused_by_both;
    }
  }
  REQUIRE(refused_by_both > 100);  // the damage did reach the framing, not only the contents
}

namespace {

// `value` as a varint of at least `bytes` bytes: the minimal encoding padded with zero groups.
std::string padded_varint(uint64_t value, size_t bytes) {
  std::string out;
  do {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  } while (value != 0 || out.size() < bytes);
  out.back() = static_cast<char>(out.back() & 0x7f);
  return out;
}

}  // namespace

// protobuf's parser reads a tag or a length in at most 5 bytes. The listing drops contents and
// attestations and re-encodes each entry's tag and length, so it must refuse a longer one itself
// (fuzz_documents_scan found a listing that did not). Random sections, then one more entry and
// one more attestation whose every tag and length takes 1 to 7 bytes.
TEST_CASE("the streamed listing accepts tags and lengths written long exactly where protobuf does",
          "[documents][listing][property]") {
  std::mt19937_64 rng(20);
  int accepted = 0, refused = 0;
  for (int round = 0; round < 600; ++round) {
    auto var = [&](uint64_t value) { return padded_varint(value, 1 + rng() % 7); };
    const std::string content = random_bytes(rng, 300);
    std::string entry = var(1 << 3 | 2) + var(7) + "doc-lng";
    entry += var(9 << 3 | 2) + var(content.size()) + content;
    std::string bytes = random_section(rng) + var(1 << 3 | 2) + var(entry.size()) + entry;
    bytes += var(100 << 3 | 2) + var(3) + "sig";
    INFO("round " << round);
    const auto parsed = listing_by_parsing(bytes);
    const auto scanned = listing_by_scanning(bytes, rng);
    REQUIRE(scanned.has_value() == parsed.has_value());
    if (scanned) REQUIRE(same(*scanned, *parsed));
    ++(parsed ? accepted : refused);
  }
  REQUIRE(accepted > 20);  // both answers were reached
  REQUIRE(refused > 20);
}

TEST_CASE("the streamed listing refuses a section that ends inside a field or an entry", "[documents][listing]") {
  std::mt19937_64 rng(19);
  Documents d;
  DocumentEntry& e = *d.add_entries();
  e.set_id("doc-1");
  e.set_inline_content(std::string(1000, 'x'));
  const std::string bytes = d.SerializeAsString();
  for (size_t cut : {size_t{1}, size_t{3}, bytes.size() - 1}) {
    INFO("cut at " << cut);
    REQUIRE_FALSE(listing_by_scanning(bytes.substr(0, cut), rng).has_value());
  }
  REQUIRE(listing_by_scanning(bytes, rng).has_value());
  REQUIRE(listing_by_scanning("", rng).has_value());
}
