// SPDX-License-Identifier: Apache-2.0
// docs/SPEC.md §7.2, issue 5 item 3, docs/THREATS.md T20: a share bundle holds the owner's signed manifest, the
// entries and ciphertexts of the granted sections and this agency's grant - nothing else - and
// still verifies. Checked on the bytes: no ungranted entry or ciphertext appears anywhere in
// the bundle, and leaving out a large section adds only its digest.
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "crypto/encoding.h"
#include "kartla/v1/documents.pb.h"
#include "model/verify.h"
#include "share_forgery.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

// The record file's entries and bodies by section id, and its grants by digest.
struct Parts {
  std::map<uint32_t, std::string> entry_bytes;
  std::map<uint32_t, std::string> body;
  std::set<std::string> grants;
};

Parts parts_of(const std::string& file) {
  const Loose l = take_apart(file);  // the owner's index names each entry
  Parts p;
  for (const auto& s : l.sections) {
    p.entry_bytes[s.section_id] = format::encode_section_entry(s.entry);
    p.body[s.section_id] = s.body;
  }
  for (const auto& g : l.grants) p.grants.insert(g.bytes);
  return p;
}

std::string documents_content(size_t bytes) {
  v1::Documents docs;
  v1::DocumentEntry* d = docs.add_entries();
  d->set_id("d1");
  d->set_title("betyg.pdf");
  d->set_media_type("application/pdf");
  std::string pdf(bytes, '\0');
  std::mt19937 rng(7);
  for (auto& c : pdf) c = static_cast<char>(rng());
  d->set_size_bytes(pdf.size());
  d->set_inline_content(pdf);
  return docs.SerializeAsString();
}

}  // namespace

TEST_CASE("a bundle contains no entry or ciphertext of an ungranted section", "[bundle]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "granted"}, {"notes", "not granted"}, {"languages", "not granted"}});
  const auto g = share_with(r, agency_a(), {"profile"});
  (void)share_with(r, agency_b(), {"notes", "languages"});
  r.save(dir.file("r.kartla"));
  const std::string record_file = read_plain(dir.file("r.kartla"));
  const std::string bundle = bundle_of(r, g.grant_id_hex, dir);
  const Parts rec = parts_of(record_file);

  const uint32_t granted = section("profile").id;
  CHECK(contains(bundle, rec.entry_bytes.at(granted)));
  CHECK(contains(bundle, rec.body.at(granted)));
  for (const auto& [id, body] : rec.body) {
    if (id == granted) continue;
    INFO("section " << id);
    CHECK_FALSE(contains(bundle, body));
    // Not even a 32-byte piece of it (the bodies are random-looking ciphertext).
    CHECK_FALSE(contains(bundle, body.substr(body.size() / 2, 32)));
    CHECK_FALSE(contains(bundle, rec.entry_bytes.at(id)));
  }
  // Exactly one grant: A's. B's is not in it.
  const Loose l = take_apart(bundle);
  REQUIRE(l.grants.size() == 1);
  CHECK(l.grants[0].listed == g.grant_digest);
  for (const auto& other : rec.grants)
    if (crypto::digest_bytes(format::grant_digest(other)) != g.grant_digest) CHECK_FALSE(contains(bundle, other));

  // It verifies on its own, without any key, and says it is a bundle.
  format::MemorySource source(bundle);
  const model::VerificationReport report = model::verify_container(source);
  CHECK_FALSE(report.is_full_record());
  CHECK(report.sections_present == 1);
  CHECK(report.sections_listed == rec.body.size());
  // And the owner cannot mistake it for the record.
  CHECK(code_of([&] { (void)model::Record::open(source_of(bundle), owner_keys()); }) == Code::format);
}

TEST_CASE("a large ungranted section adds only its digest to the bundle", "[bundle]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "granted"}});
  const auto g = share_with(r, agency_a(), {"profile"});
  r.save(dir.file("r.kartla"));
  r.save(dir.file("r.kartla"));  // so both bundles carry a previous-manifest hash
  const std::string without = bundle_of(r, g.grant_id_hex, dir);

  r.write_section(section("documents"), documents_content(5u << 20));
  r.save(dir.file("r.kartla"));
  const std::string with = bundle_of(r, g.grant_id_hex, dir);
  const std::string record_file = read_plain(dir.file("r.kartla"));
  REQUIRE(record_file.size() > (5u << 20));
  CHECK(with.size() >= without.size());
  CHECK(with.size() - without.size() < 1024);
  const std::string body = parts_of(record_file).body.at(section("documents").id);
  CHECK_FALSE(contains(with, body.substr(body.size() / 2, 64)));
  CHECK(contains(read_text(view_as(agency_a(), with), "profile"), "granted"));
}

TEST_CASE("random grant matrices: each bundle holds exactly the granted sections and one grant", "[bundle][property]") {
  // docs/THREATS.md T20, scaled to 50 matrices of 3 agencies x 5 sections (seeded: a failure reproduces).
  const char* names[] = {"profile", "notes", "languages", "competences", "action_plan"};
  const identity::Identity* agencies[] = {&agency_a(), &agency_b(), &agency_c()};
  std::mt19937 rng(20260101);
  TempDir dir;
  for (int round = 0; round < 50; ++round) {
    std::map<std::string, std::string> texts;
    for (const char* n : names) texts[n] = std::string(n) + " of round " + std::to_string(round);
    model::Record r = new_record(texts);
    std::vector<std::set<uint32_t>> matrix(3);
    std::vector<share::IssuedGrant> issued(3);
    for (size_t a = 0; a < 3; ++a) {
      std::vector<std::string> chosen;
      for (const char* n : names)
        if (rng() % 2 == 0) {
          chosen.emplace_back(n);
          matrix[a].insert(section(n).id);
        }
      if (!chosen.empty()) issued[a] = share_with(r, *agencies[a], chosen, "round " + std::to_string(round));
    }
    const std::string path = dir.file("r" + std::to_string(round) + ".kartla");
    r.save(path, no_sync());
    const Parts rec = parts_of(read_plain(path));

    for (size_t a = 0; a < 3; ++a) {
      if (matrix[a].empty()) continue;
      INFO("round " << round << ", agency " << a);
      const std::string bundle = bundle_of(r, issued[a].grant_id_hex, dir, "bundle.kartla", no_sync());
      const Loose l = take_apart(bundle);
      std::set<uint32_t> present;
      for (const auto& s : l.sections) {
        present.insert(s.section_id);
        CHECK(format::encode_section_entry(s.entry) == rec.entry_bytes.at(s.section_id));
        CHECK(s.body == rec.body.at(s.section_id));
      }
      CHECK(present == matrix[a]);
      REQUIRE(l.grants.size() == 1);
      CHECK(l.grants[0].listed == issued[a].grant_digest);
      CHECK(l.manifest.sections.size() == rec.body.size());  // the rest only as slot tags and digests
      for (const auto& [id, body] : rec.body)
        if (matrix[a].count(id) == 0) CHECK_FALSE(contains(bundle, body));

      // What each agency can read from it: exactly its own grant, and only this one's.
      for (size_t reader = 0; reader < 3; ++reader) {
        const share::AgencyView v = view_as(*agencies[reader], bundle);
        for (const char* n : names) {
          const bool readable = reader == a && matrix[a].count(section(n).id) != 0;
          const Code code = code_of([&] { (void)v.read_section(section(n), kNow); });
          CHECK(code == (readable ? Code::ok : Code::not_shared));
        }
      }
    }
  }
}
