// SPDX-License-Identifier: Apache-2.0
// docs/THREATS.md T1-T3 on a real record: truncated at every offset, every bit flipped, garbage appended,
// two records concatenated. Each mutated file goes through both readers: the keyless verifier and
// the owner (open, then read every section). Every case must end in a kartla::Error, of a class
// that names a bad file, and the owner must never receive plaintext from a damaged section.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/error.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "model/verify.h"
#include "record_fixture.h"

using namespace kartla;
using namespace kartla::testing;

namespace {

struct Fixture {
  std::string file;
  std::map<uint32_t, std::string> plaintexts;  // by section id
  struct Body {
    uint32_t id;
    uint64_t begin, end;
  };
  std::vector<Body> bodies;

  Fixture() : file(small_record_file()) {
    const model::Record r = open_bytes(file);
    std::map<std::string, uint32_t> by_tag;  // entries name slots; only the owner knows whose
    for (const auto& s : r.sections()) {
      plaintexts[s.id] = r.read_section(*s.info).view().to_string();
      by_tag[r.slot_tag(*s.info)] = s.id;
    }
    format::MemorySource source(file);
    for (const auto& s : format::read_container(source).sections)
      bodies.push_back({by_tag.at(s.entry.slot_tag), s.body_offset, s.body_offset + s.entry.ciphertext_length});
  }

  // The section whose body holds byte `offset`, or 0 for the header.
  uint32_t section_at(uint64_t offset) const {
    for (const Body& b : bodies)
      if (offset >= b.begin && offset < b.end) return b.id;
    return 0;
  }
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

// What went wrong with one mutated file; an empty string means it was handled correctly.
struct Verdicts {
  std::vector<std::string> problems;
  std::set<Code> verify_codes, owner_codes;
};

const std::set<Code> kBadFileCodes = {Code::format, Code::limit, Code::version, Code::signature, Code::integrity};

// `damaged_section`: the section whose body was changed (0 if only the header was, or for a
// truncation, where every section after the cut is gone).
void check_rejected(const std::string& bytes, uint32_t damaged_section, const std::string& what, Verdicts& v) {
  const Fixture& f = fixture();
  {
    format::MemorySource source(bytes);
    try {
      (void)model::verify_container(source);
      v.problems.push_back(what + ": verify_container accepted it");
    } catch (const Error& e) {
      v.verify_codes.insert(e.code());
      if (!kBadFileCodes.count(e.code())) v.problems.push_back(what + ": verify gave " + e.what());
    }
  }
  try {
    const model::Record r = open_bytes(bytes);
    for (const auto& [id, plaintext] : f.plaintexts) {
      // Throws for the damaged section; any section that does open must be byte-for-byte the
      // original, and must not be the damaged one.
      const std::string got = r.read_section(*model::section_by_id(id)).view().to_string();
      if (id == damaged_section) v.problems.push_back(what + ": plaintext of the damaged section released");
      if (got != plaintext) v.problems.push_back(what + ": plaintext differs from the original");
    }
    v.problems.push_back(what + ": the owner read every section of a damaged file");
  } catch (const Error& e) {
    v.owner_codes.insert(e.code());
    if (!kBadFileCodes.count(e.code())) v.problems.push_back(what + ": owner read gave " + e.what());
  }
}

void report(const Verdicts& v) {
  for (size_t i = 0; i < v.problems.size() && i < 20; ++i) UNSCOPED_INFO(v.problems[i]);
  CHECK(v.problems.empty());
}

}  // namespace

TEST_CASE("the hostile-input fixture is a small, valid two-section record", "[record][hostile]") {
  const Fixture& f = fixture();
  // Two padded bodies (1 KiB each), the 2 KiB slot table and the 1 KiB sealed index.
  CHECK(f.file.size() <= 8192);
  CHECK(f.plaintexts.size() == 2);
  CHECK(f.bodies.size() == 2);
  format::MemorySource source(f.file);
  CHECK(model::verify_container(source).sequence == 2);
}

TEST_CASE("a record truncated at every byte offset is always an error (THREATS.md T1)", "[record][hostile]") {
  const Fixture& f = fixture();
  Verdicts v;
  for (size_t n = 0; n < f.file.size(); ++n) check_rejected(f.file.substr(0, n), 0, "truncated to " + std::to_string(n), v);
  report(v);
  // A cut anywhere makes the file shorter than its header says: format, never anything else.
  CHECK(v.verify_codes == std::set<Code>{Code::format});
  CHECK(v.owner_codes == std::set<Code>{Code::format});
}

TEST_CASE("a record with any single bit flipped is always an error (THREATS.md T2, exhaustive)", "[record][hostile]") {
  const Fixture& f = fixture();
  Verdicts v;
  std::string bytes = f.file;
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      bytes[i] = static_cast<char>(bytes[i] ^ (1 << bit));
      check_rejected(bytes, f.section_at(i), "bit " + std::to_string(bit) + " of byte " + std::to_string(i), v);
      bytes[i] = static_cast<char>(bytes[i] ^ (1 << bit));
    }
  }
  report(v);
  // Each layer of the defence is exercised: framing (format, version, limit), the signature over
  // the header, and the hashes and AEAD over the bodies.
  CHECK(v.verify_codes.count(Code::format));
  CHECK(v.verify_codes.count(Code::version));
  CHECK(v.verify_codes.count(Code::signature));
  CHECK(v.verify_codes.count(Code::integrity));
  CHECK(v.owner_codes.count(Code::integrity));
}

TEST_CASE("trailing garbage and concatenated records are Error(format) (THREATS.md T3)", "[record][hostile]") {
  const Fixture& f = fixture();
  const std::string other = small_record_file("Matti", "second record");
  for (const std::string& bytes : {f.file + std::string(1, '\0'), f.file + "garbage", f.file + f.file, f.file + other}) {
    format::MemorySource source(bytes);
    CHECK_THROWS_MATCHES(model::verify_container(source), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.code() == Code::format; }));
    CHECK_THROWS_MATCHES(open_bytes(bytes), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.code() == Code::format; }));
  }
}
