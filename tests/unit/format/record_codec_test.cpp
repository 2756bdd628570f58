// SPDX-License-Identifier: Apache-2.0
// Manifest, section entry and record header: every field's length and range rule, the canonical
// ordering of slot and digest lists, the slot table and the padded lengths (docs/SPEC.md §5-§6).
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <set>
#include <utility>
#include <string>

#include "base/error.h"
#include "crypto/padding.h"
#include "format/limits.h"
#include "format/record_codec.h"
#include "format_fixtures.h"

using namespace kartla;
using namespace kartla::testing;

namespace {

Code decode_manifest_code(const format::Manifest& m) {
  try {
    format::decode_manifest(format::encode_manifest(m));
  } catch (const Error& e) {
    return e.code();
  }
  return Code::ok;
}

Code decode_entry_code(const format::SectionEntry& e) {
  try {
    format::decode_section_entry(format::encode_section_entry(e));
  } catch (const Error& err) {
    return err.code();
  }
  return Code::ok;
}

std::vector<format::SectionRef> ascending_refs(size_t n) {
  std::vector<format::SectionRef> out;
  for (size_t i = 0; i < n; ++i) {
    std::string tag(32, 't');
    tag[0] = static_cast<char>(i >> 8);
    tag[1] = static_cast<char>(i & 0xff);
    std::string digest(32, 'd');  // one entry per slot: digests differ too
    digest[30] = static_cast<char>(i >> 8);
    digest[31] = static_cast<char>(i & 0xff);
    out.push_back({tag, digest});
  }
  return out;
}

std::vector<std::string> ascending_digests(size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) {
    std::string d(32, '\0');
    d[0] = static_cast<char>(i >> 8);
    d[1] = static_cast<char>(i & 0xff);
    out.push_back(d);
  }
  return out;
}

}  // namespace

TEST_CASE("a manifest round trips through its strict codec", "[format][manifest]") {
  for (uint64_t sequence : {uint64_t{1}, uint64_t{2}, ~uint64_t{0}}) {
    const format::Manifest m = sample_manifest(sequence);
    const std::string bytes = format::encode_manifest(m);
    const format::Manifest back = format::decode_manifest(bytes);
    REQUIRE(back.record_id == m.record_id);
    REQUIRE(back.owner_signing_key == m.owner_signing_key);
    REQUIRE(back.owner_encryption_key == m.owner_encryption_key);
    REQUIRE(back.sequence == sequence);
    REQUIRE(back.previous_manifest_hash == m.previous_manifest_hash);
    REQUIRE(back.owner_key_wrap == m.owner_key_wrap);
    REQUIRE(back.sections.size() == m.sections.size());
    for (size_t i = 0; i < m.sections.size(); ++i) {
      REQUIRE(back.sections[i].slot_tag == m.sections[i].slot_tag);
      REQUIRE(back.sections[i].entry_digest == m.sections[i].entry_digest);
    }
    REQUIRE(back.grant_digests == m.grant_digests);
    REQUIRE(back.slot_commitments == m.slot_commitments);
    REQUIRE(back.sealed_index == m.sealed_index);
    REQUIRE(format::encode_manifest(back) == bytes);
  }
}

TEST_CASE("manifest fields must have their exact lengths", "[format][manifest]") {
  struct Rule {
    const char* field;
    std::function<void(format::Manifest&, size_t)> set;
    size_t good;
  };
  const std::vector<Rule> rules = {
      {"record id", [](format::Manifest& m, size_t n) { m.record_id.assign(n, 'r'); }, 16},
      {"signing key", [](format::Manifest& m, size_t n) { m.owner_signing_key.assign(n, 's'); }, 32},
      {"encryption key", [](format::Manifest& m, size_t n) { m.owner_encryption_key.assign(n, 'e'); }, 32},
      {"key wrap", [](format::Manifest& m, size_t n) { m.owner_key_wrap.assign(n, 'w'); }, 80},
      {"previous hash", [](format::Manifest& m, size_t n) { m.previous_manifest_hash.assign(n, 'p'); }, 32},
      // Longer tables repeat no commitment, so only the length is wrong.
      {"slot table",
       [](format::Manifest& m, size_t n) {
         std::string table = sample_slot_table();
         for (size_t i = 0; table.size() < n; ++i) table += std::string(32, 'K') + std::to_string(i);
         m.slot_commitments = table.substr(0, n);
       },
       format::kSlotTableBytes},
      {"sealed index", [](format::Manifest& m, size_t n) { m.sealed_index.assign(n, 'i'); }, format::kSealedIndexBytes},
  };
  for (const Rule& rule : rules) {
    for (size_t n : {size_t{0}, rule.good - 1, rule.good + 1, rule.good * 2}) {
      format::Manifest m = sample_manifest(2);
      rule.set(m, n);
      INFO(rule.field << " of " << n << " bytes");
      CHECK(decode_manifest_code(m) == Code::format);
    }
  }
}

TEST_CASE("the sequence starts at 1 and only the first manifest lacks a predecessor", "[format][manifest]") {
  format::Manifest m = sample_manifest(1);
  m.sequence = 0;
  m.previous_manifest_hash.clear();
  CHECK(decode_manifest_code(m) == Code::format);
  m = sample_manifest(1);
  m.previous_manifest_hash.assign(32, 'p');  // a first version claiming a predecessor
  CHECK(decode_manifest_code(m) == Code::format);
  m = sample_manifest(2);
  m.previous_manifest_hash.clear();  // a later version hiding its predecessor
  CHECK(decode_manifest_code(m) == Code::format);
}

TEST_CASE("slots and digest lists are strictly ascending, 32-byte and bounded", "[format][manifest]") {
  format::Manifest m = sample_manifest();
  std::swap(m.sections[0], m.sections[1]);
  CHECK(decode_manifest_code(m) == Code::format);
  m = sample_manifest();
  m.sections[1].slot_tag = m.sections[0].slot_tag;  // one slot listed twice: two entries for it
  CHECK(decode_manifest_code(m) == Code::format);
  m = sample_manifest();
  m.sections[1] = m.sections[0];  // the same pair twice
  CHECK(decode_manifest_code(m) == Code::format);
  m = sample_manifest();
  m.sections[1].entry_digest = m.sections[0].entry_digest;  // one entry under two slots
  CHECK(decode_manifest_code(m) == Code::format);
  for (size_t n : {size_t{0}, size_t{31}, size_t{33}}) {
    INFO(n << " bytes");
    m = sample_manifest();
    m.sections[1].slot_tag.resize(n, '\x02');
    CHECK(decode_manifest_code(m) == Code::format);
    m = sample_manifest();
    m.sections[0].entry_digest.resize(n, 'd');
    CHECK(decode_manifest_code(m) == Code::format);
  }
  m = sample_manifest();
  m.grant_digests = {std::string(32, '\x09'), std::string(32, '\x08')};
  CHECK(decode_manifest_code(m) == Code::format);
  m = sample_manifest();
  m.grant_digests = {std::string(32, '\x09'), std::string(32, '\x09')};
  CHECK(decode_manifest_code(m) == Code::format);
  m = sample_manifest();
  m.grant_digests = {std::string(33, '\x09')};
  CHECK(decode_manifest_code(m) == Code::format);

  m = sample_manifest();
  m.sections = ascending_refs(format::kMaxSections);
  CHECK(decode_manifest_code(m) == Code::ok);
  m.sections = ascending_refs(format::kMaxSections + 1);
  CHECK(decode_manifest_code(m) == Code::limit);
  m = sample_manifest();
  m.sections.clear();  // a record with no sections
  CHECK(decode_manifest_code(m) == Code::ok);
  m = sample_manifest();
  m.grant_digests = ascending_digests(format::kMaxGrants);
  CHECK(decode_manifest_code(m) == Code::ok);
  m.grant_digests = ascending_digests(format::kMaxGrants + 1);
  CHECK(decode_manifest_code(m) == Code::limit);
  // sort_section_refs and sort_digests produce the canonical order the decoder demands.
  m = sample_manifest();
  m.sections = {{std::string(32, '\x07'), std::string(32, 'a')},
                {std::string(32, '\x03'), std::string(32, 'b')},
                {std::string(32, '\x05'), std::string(32, 'c')}};
  CHECK(decode_manifest_code(m) == Code::format);
  format::sort_section_refs(m.sections);
  CHECK(decode_manifest_code(m) == Code::ok);
  CHECK(m.sections[0].entry_digest == std::string(32, 'b'));  // pairs stay together
  m.grant_digests = {std::string(32, '\x07'), std::string(32, '\x03'), std::string(32, '\x05')};
  format::sort_digests(m.grant_digests);
  CHECK(decode_manifest_code(m) == Code::ok);
  // find_ref looks a slot up by its tag.
  const format::Manifest listed = format::decode_manifest(format::encode_manifest(sample_manifest()));
  REQUIRE(listed.find_ref(std::string(32, '\x02')) != nullptr);
  CHECK(listed.find_ref(std::string(32, '\x02'))->entry_digest == std::string(32, 'D'));
  CHECK(listed.find_ref(std::string(32, '\x03')) == nullptr);
}

TEST_CASE("the slot table holds 64 pairwise distinct commitments (SPEC §5.3)", "[format][manifest]") {
  CHECK(decode_manifest_code(sample_manifest()) == Code::ok);
  // Any two positions equal, adjacent or far apart: one secret would stand for two sections.
  for (auto [a, b] : {std::pair<size_t, size_t>{0, 1}, {0, 63}, {17, 42}, {62, 63}}) {
    format::Manifest m = sample_manifest();
    m.slot_commitments.replace(b * 32, 32, m.slot_commitments.substr(a * 32, 32));
    INFO("positions " << a << " and " << b);
    CHECK(decode_manifest_code(m) == Code::format);
  }
  format::Manifest m = sample_manifest();
  m.slot_commitments.assign(format::kSlotTableBytes, '\0');  // all the same
  CHECK(decode_manifest_code(m) == Code::format);
}

TEST_CASE("a manifest or header of another format version is Error(version)", "[format][manifest]") {
  std::string bytes = format::encode_manifest(sample_manifest());
  REQUIRE(bytes.substr(0, 2) == std::string("\x08\x01", 2));  // format_version = 1 comes first
  bytes[1] = '\x02';
  CHECK_THROWS_MATCHES(format::decode_manifest(bytes), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.code() == Code::version; }));

  format::RecordHeader h{format::encode_manifest(sample_manifest()), std::string(64, 'S'), {}, {}};
  std::string header = format::encode_record_header(h);
  REQUIRE(format::decode_record_header(header).manifest == h.manifest);
  REQUIRE(header.substr(0, 2) == std::string("\x08\x01", 2));
  header[1] = '\x07';
  CHECK_THROWS_MATCHES(format::decode_record_header(header), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.code() == Code::version; }));
}

TEST_CASE("record header rules: signature length and entry count", "[format][manifest]") {
  auto header_code = [](const format::RecordHeader& h) {
    try {
      format::decode_record_header(format::encode_record_header(h));
    } catch (const Error& e) {
      return e.code();
    }
    return Code::ok;
  };
  const std::string manifest = format::encode_manifest(sample_manifest());
  CHECK(header_code({manifest, std::string(64, 'S'), {}, {}}) == Code::ok);
  CHECK(header_code({manifest, std::string(63, 'S'), {}, {}}) == Code::format);
  CHECK(header_code({manifest, std::string(65, 'S'), {}, {}}) == Code::format);
  CHECK(header_code({manifest, std::string(64, 'S'), std::vector<std::string>(format::kMaxSections, "e"), {}}) ==
        Code::ok);
  CHECK(header_code({manifest, std::string(64, 'S'), std::vector<std::string>(format::kMaxSections + 1, "e"),
                     {}}) == Code::limit);
  CHECK(header_code({manifest, std::string(64, 'S'), {}, std::vector<std::string>(format::kMaxGrants + 1, "g")}) ==
        Code::limit);
}

TEST_CASE("section entry fields are range and length checked", "[format][manifest]") {
  CHECK(decode_entry_code(sample_entry()) == Code::ok);
  for (size_t n : {size_t{0}, size_t{31}, size_t{33}}) {
    INFO(n << " bytes");
    format::SectionEntry e = sample_entry();
    e.slot_tag.resize(n, 't');
    CHECK(decode_entry_code(e) == Code::format);
    e = sample_entry();
    e.ciphertext_hash.resize(n, 'h');
    CHECK(decode_entry_code(e) == Code::format);
    e = sample_entry();
    e.key_commitment.resize(n, 'c');
    CHECK(decode_entry_code(e) == Code::format);
  }
  format::SectionEntry e = sample_entry();
  e.ciphertext_length = format::kMaxPaddedSection + 40;  // 256 MiB of content, padded
  CHECK(decode_entry_code(e) == Code::ok);
  e.ciphertext_length = format::kMaxPaddedSection + 41;
  CHECK(decode_entry_code(e) == Code::limit);
  e.ciphertext_length = uint64_t{1} << 40;
  CHECK(decode_entry_code(e) == Code::limit);
  e.ciphertext_length = ~uint64_t{0};
  CHECK(decode_entry_code(e) == Code::limit);
}

TEST_CASE("a ciphertext length must be 40 + a padded length (SPEC §5.4, §6.3 step 6.2)", "[format][manifest]") {
  // The padded lengths, from every content length up to 70,000 bytes.
  std::set<uint64_t> padded;
  for (uint64_t n = 0; n < 70000; ++n) padded.insert(crypto::padded_size(n));
  format::SectionEntry e = sample_entry();
  for (uint64_t length = 0; length <= 70000; ++length) {
    e.ciphertext_length = length;
    const bool good = length >= 40 && padded.count(length - 40) != 0;
    const Code code = decode_entry_code(e);
    if (code != (good ? Code::ok : Code::format)) {
      INFO("ciphertext_length " << length);
      REQUIRE(code == (good ? Code::ok : Code::format));
    }
  }
  // Among them: the empty section (40) and every unpadded small body are gone.
  for (uint64_t length : {0u, 39u, 40u, 41u, 58u, 1063u, 1065u, 1127u}) {
    e.ciphertext_length = length;
    INFO("ciphertext_length " << length);
    CHECK(decode_entry_code(e) == Code::format);
  }
  for (uint64_t length : {1064u, 1128u, 1192u}) {
    e.ciphertext_length = length;
    CHECK(decode_entry_code(e) == Code::ok);
  }
  e.ciphertext_length = format::kMaxPaddedSection + 40 - 1;  // just under the largest padded body
  CHECK(decode_entry_code(e) == Code::format);
}

TEST_CASE("the owner index codec checks every rule of SPEC §6.2", "[format][manifest]") {
  auto index_code = [](const std::string& bytes) {
    try {
      format::decode_owner_index(bytes);
    } catch (const Error& e) {
      return e.code();
    }
    return Code::ok;
  };
  auto encoded = [](uint32_t highest, std::vector<format::IndexedSection> sections) {
    return format::encode_owner_index({highest, std::move(sections)});
  };
  const format::OwnerIndex back = format::decode_owner_index(encoded(7, {{1, 3}, {4, 7}, {12, 1}}));
  CHECK(back.highest_generation == 7);
  REQUIRE(back.sections.size() == 3);
  CHECK(back.sections[1].section_id == 4);
  CHECK(back.sections[1].generation == 7);
  CHECK(index_code(encoded(0, {})) == Code::ok);  // no section ever written
  CHECK(format::encode_owner_index({0, {}}).empty());  // defaults are never written

  CHECK(index_code(encoded(5, {{0, 1}})) == Code::format);   // section id 0
  CHECK(index_code(encoded(5, {{65, 1}})) == Code::format);  // above 64
  CHECK(index_code(encoded(5, {{64, 1}})) == Code::ok);
  CHECK(index_code(encoded(5, {{4, 1}, {2, 1}})) == Code::format);  // not ascending
  CHECK(index_code(encoded(5, {{4, 1}, {4, 2}})) == Code::format);  // a section twice
  CHECK(index_code(encoded(5, {{4, 0}})) == Code::format);           // generation 0
  CHECK(index_code(encoded(5, {{4, 6}})) == Code::format);           // above the counter
  CHECK(index_code(encoded(0, {{4, 1}})) == Code::format);           // a section, no counter
  CHECK(index_code(encoded(5, {{4, 5}})) == Code::ok);
  using namespace wire;
  CHECK(index_code(encoded(5, {{4, 5}}) + uint_field(3, 1)) == Code::format);  // unknown field

  // The largest index (64 sections, every number at its widest) pads to the 1 KiB floor, so the
  // sealed index has one size whatever the record holds.
  std::vector<format::IndexedSection> all;
  for (uint32_t id = 1; id <= 64; ++id) all.push_back({id, UINT32_MAX});
  const std::string largest = encoded(UINT32_MAX, all);
  CHECK(largest.size() <= 902);
  CHECK(crypto::padded_size(largest.size()) == 1024);
  CHECK(index_code(largest) == Code::ok);
}

TEST_CASE("entry digests and manifest hashes are domain separated", "[format][manifest]") {
  const std::string bytes = format::encode_section_entry(sample_entry());
  CHECK(format::section_entry_digest(bytes) != format::manifest_hash(bytes));
  CHECK(format::section_entry_digest(bytes) == crypto::labelled_hash("kartla/v1/section-entry", bytes));
  CHECK(format::manifest_hash(bytes) == crypto::labelled_hash("kartla/v1/manifest-hash", bytes));
}
