// Manifest, section entry and record header: every field's length and range rule, and the
// canonical ordering of digest lists (docs/SPEC.md §6).
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <string>

#include "base/error.h"
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
    REQUIRE(back.section_digests == m.section_digests);
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

TEST_CASE("digest lists are strictly ascending, 32-byte and bounded", "[format][manifest]") {
  format::Manifest m = sample_manifest();
  std::swap(m.section_digests[0], m.section_digests[1]);
  CHECK(decode_manifest_code(m) == Code::format);
  m = sample_manifest();
  m.section_digests[1] = m.section_digests[0];  // a duplicate is not strictly ascending
  CHECK(decode_manifest_code(m) == Code::format);
  m = sample_manifest();
  m.section_digests[1].pop_back();
  CHECK(decode_manifest_code(m) == Code::format);
  m = sample_manifest();
  m.grant_digests = {std::string(32, '\x09'), std::string(32, '\x08')};
  CHECK(decode_manifest_code(m) == Code::format);
  m = sample_manifest();
  m.grant_digests = {std::string(33, '\x09')};
  CHECK(decode_manifest_code(m) == Code::format);

  m = sample_manifest();
  m.section_digests = ascending_digests(format::kMaxSections);
  CHECK(decode_manifest_code(m) == Code::ok);
  m.section_digests = ascending_digests(format::kMaxSections + 1);
  CHECK(decode_manifest_code(m) == Code::limit);
  m = sample_manifest();
  m.grant_digests = ascending_digests(format::kMaxGrants);
  CHECK(decode_manifest_code(m) == Code::ok);
  m.grant_digests = ascending_digests(format::kMaxGrants + 1);
  CHECK(decode_manifest_code(m) == Code::limit);
  // sort_digests produces the canonical order the decoder demands.
  m = sample_manifest();
  m.section_digests = {std::string(32, '\x07'), std::string(32, '\x03'), std::string(32, '\x05')};
  format::sort_digests(m.section_digests);
  CHECK(decode_manifest_code(m) == Code::ok);
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
  format::SectionEntry e = sample_entry();
  e.section_id = 0;
  CHECK(decode_entry_code(e) == Code::format);
  e = sample_entry();
  e.generation = 0;
  CHECK(decode_entry_code(e) == Code::format);
  e = sample_entry();
  e.ciphertext_length = 39;  // shorter than nonce + tag
  CHECK(decode_entry_code(e) == Code::format);
  e.ciphertext_length = 40;  // the empty section
  CHECK(decode_entry_code(e) == Code::ok);
  e.ciphertext_length = format::kMaxSectionPlaintext + 40;
  CHECK(decode_entry_code(e) == Code::ok);
  e.ciphertext_length = format::kMaxSectionPlaintext + 41;
  CHECK(decode_entry_code(e) == Code::limit);
  e = sample_entry();
  e.ciphertext_hash.pop_back();
  CHECK(decode_entry_code(e) == Code::format);
  e = sample_entry();
  e.key_commitment += "x";
  CHECK(decode_entry_code(e) == Code::format);
}

TEST_CASE("entry digests and manifest hashes are domain separated", "[format][manifest]") {
  const std::string bytes = format::encode_section_entry(sample_entry());
  CHECK(format::section_entry_digest(bytes) != format::manifest_hash(bytes));
  CHECK(format::section_entry_digest(bytes) == crypto::labelled_hash("kartla/v1/section-entry", bytes));
  CHECK(format::manifest_hash(bytes) == crypto::labelled_hash("kartla/v1/manifest-hash", bytes));
}
