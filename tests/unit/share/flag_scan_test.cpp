// SPDX-License-Identifier: Apache-2.0
// share/flag_scan.h against protobuf's own parse: for random documents and notes sections fed in
// random pieces, the scan's answer is protobuf's; for every truncation protobuf refuses, the scan
// answers "flagged" (it cannot tell, so it assumes health data).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>

#include "kartla/v1/documents.pb.h"
#include "kartla/v1/notes.pb.h"
#include "share/flag_scan.h"
#include "share/issue_grant.h"
#include "share_fixture.h"

using namespace kartla;

namespace {

bool scan(const std::string& bytes, uint32_t entries, uint32_t flag, std::mt19937& random) {
  share::FlagScan s(entries, flag);
  size_t at = 0;
  while (at < bytes.size()) {
    const size_t n = std::min<size_t>(bytes.size() - at, 1 + random() % 700);
    s.write({reinterpret_cast<const uint8_t*>(bytes.data()) + at, n});
    at += n;
  }
  return s.flagged_or_unreadable();
}

bool documents_flag(const v1::Documents& d) {
  return std::any_of(d.entries().begin(), d.entries().end(), [](const v1::DocumentEntry& e) { return e.health_data(); });
}

v1::Documents random_documents(std::mt19937& random) {
  v1::Documents d;
  const int n = static_cast<int>(random() % 4);
  for (int i = 0; i < n; ++i) {
    v1::DocumentEntry* e = d.add_entries();
    e->set_id("doc-" + std::to_string(random()));
    e->set_title(std::string(random() % 40, 't'));
    e->set_size_bytes(random());
    e->set_health_data(random() % 3 == 0);
    e->set_inline_content(std::string(random() % 5000, static_cast<char>(random())));
    if (random() % 2) e->mutable_assertion()->set_asserted_by_role(std::string(random() % 20, 'r'));
  }
  return d;
}

}  // namespace

TEST_CASE("the flag scan answers as protobuf's parse does, in any pieces", "[flag_scan][property]") {
  std::mt19937 random(17);
  for (int run = 0; run < 300; ++run) {
    const v1::Documents d = random_documents(random);
    const std::string bytes = d.SerializeAsString();
    INFO("run " << run);
    REQUIRE(scan(bytes, v1::Documents::kEntriesFieldNumber, v1::DocumentEntry::kHealthDataFieldNumber, random) ==
            documents_flag(d));

    v1::Notes notes;
    for (int i = 0; i < static_cast<int>(random() % 4); ++i) {
      v1::NoteEntry* e = notes.add_entries();
      e->set_text(std::string(random() % 300, 'n'));
      e->set_contains_health_info(random() % 3 == 0);
    }
    const bool want = std::any_of(notes.entries().begin(), notes.entries().end(),
                                  [](const v1::NoteEntry& e) { return e.contains_health_info(); });
    REQUIRE(scan(notes.SerializeAsString(), v1::Notes::kEntriesFieldNumber,
                 v1::NoteEntry::kContainsHealthInfoFieldNumber, random) == want);
  }
}

TEST_CASE("a truncated section protobuf refuses is taken as flagged", "[flag_scan]") {
  std::mt19937 random(1717);
  for (int run = 0; run < 20; ++run) {
    const v1::Documents d = random_documents(random);
    const std::string bytes = d.SerializeAsString();
    for (size_t n = 0; n < bytes.size(); n += 1 + random() % 7) {
      const std::string cut = bytes.substr(0, n);
      v1::Documents parsed;
      const bool parses = parsed.ParseFromString(cut);
      const bool flagged =
          scan(cut, v1::Documents::kEntriesFieldNumber, v1::DocumentEntry::kHealthDataFieldNumber, random);
      INFO("run " << run << " cut at " << n);
      if (parses)
        REQUIRE(flagged == documents_flag(parsed));
      else
        REQUIRE(flagged);
    }
  }
}

TEST_CASE("the flag's last value wins, as in protobuf", "[flag_scan]") {
  // entries { health_data: true; health_data: false } then entries { health_data: false; true }
  const std::string first = std::string("\x68\x01\x68\x00", 4), second = std::string("\x68\x00\x68\x01", 4);
  const std::string bytes = std::string("\x0a\x04", 2) + first;
  std::mt19937 random(1);
  CHECK_FALSE(scan(bytes, 1, 13, random));
  CHECK(scan(std::string("\x0a\x04", 2) + second, 1, 13, random));
  v1::Documents parsed;
  REQUIRE(parsed.ParseFromString(bytes));
  CHECK_FALSE(documents_flag(parsed));
}

TEST_CASE("whether a section holds health data follows every write, and is scanned once per content",
          "[flag_scan][issue17]") {
  model::Record r = model::Record::create(sharetest::owner_keys());
  const model::SectionInfo& documents = model::section_by_name("documents");
  auto documents_with = [](bool health) {
    v1::Documents d;
    v1::DocumentEntry* e = d.add_entries();
    e->set_id("doc-1");
    e->set_inline_content(std::string(100000, 'c'));
    e->set_size_bytes(100000);
    e->set_health_data(health);
    return d.SerializeAsString();
  };
  std::mt19937 random(4);
  for (int step = 0; step < 12; ++step) {
    const bool health = random() % 2 == 0;
    r.write_section(documents, documents_with(health));
    INFO("step " << step);
    CHECK_FALSE(r.remembered_fact(documents).has_value());  // a write forgets what was derived before
    CHECK(share::is_special_category(r, documents) == health);
    REQUIRE(r.remembered_fact(documents).has_value());
    CHECK(*r.remembered_fact(documents) == health);
    CHECK(share::is_special_category(r, documents) == health);  // the remembered answer
    if (step % 4 == 3) {
      r.rotate_section(documents);  // new key, new ciphertext: derived again
      CHECK_FALSE(r.remembered_fact(documents).has_value());
      CHECK(share::is_special_category(r, documents) == health);
    }
  }
}
