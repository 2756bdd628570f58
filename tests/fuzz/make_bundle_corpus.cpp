// SPDX-License-Identifier: Apache-2.0
// Writes the bundle fuzzer's seed corpus under tests/fuzz/corpus/bundle/: share bundles and a
// record file whose grants are sealed to the fuzzer's fixed agency keys (fuzz_agency.h), made by
// the library itself so they pass every check, a few damaged copies, and a grant's plaintext for
// the grant-parser half of the target. Run once and commit the output:
//   fuzz_make_bundle_corpus tests/fuzz/corpus
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "crypto/box.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/grant_codec.h"
#include "fuzz_agency.h"
#include "fuzz_owner.h"
#include "model/record.h"
#include "model/section_codec.h"
#include "share/bundle.h"
#include "share/end_grants.h"
#include "share/issue_grant.h"
#include "share/revoke.h"

namespace fs = std::filesystem;
using namespace kartla;

namespace {

fs::path g_dir;

void put(const std::string& name, const std::string& bytes) {
  std::ofstream out(g_dir / name, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + (g_dir / name).string());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string json_section(const char* name, const std::string& json) {
  return model::section_from_json(model::section_by_name(name), json).view().to_string();
}

share::IssuedGrant grant(model::Record& r, const std::string& card, std::vector<std::string> sections,
                         int64_t expires_at, const std::string& art9_basis = std::string()) {
  share::ShareRequest request;
  request.agency_card_file = card;
  request.sections = std::move(sections);
  request.purpose = "kartläggning";
  request.now = 1700000000;
  request.expires_at = expires_at;
  request.gdpr_art6_basis = "6.1.e";
  request.gdpr_art9_basis = art9_basis;
  return share::share_sections(r, request);
}

// Before every seed grant's expiry (1800000000).
constexpr int64_t kExportTime = 1700000100;

void bundles(const fs::path& scratch) {
  const std::string record_path = (scratch / "r.kartla").string();
  const std::string bundle_path = (scratch / "b.kartla").string();
  const std::string other_card = fuzzing::agency_card_file('\x42', '\x62', "Other AB");

  model::Record r = model::Record::create(fuzzing::owner_keys());
  r.write_section(model::section_by_name("profile"), json_section("profile", R"({"given_name": "Aino"})"));
  r.write_section(model::section_by_name("notes"), json_section("notes", R"({"entries": [{"text": "met"}]})"));
  r.write_section(model::section_by_name("languages"), json_section("languages", "{}"));
  r.write_section(model::section_by_name("work_ability"), json_section("work_ability", "{}"));
  const auto mine = grant(r, fuzzing::agency_card_file(), {"profile", "notes"}, 0);
  const auto expiring = grant(r, fuzzing::agency_card_file(), {"languages"}, 1800000000);
  const auto other = grant(r, other_card, {"profile"}, 0);
  // Health data: a grant with an Art. 9(2) basis.
  const auto health = grant(r, fuzzing::agency_card_file(), {"work_ability"}, 0, "9.2.h");
  r.save(record_path);
  put("record", read_file(record_path));

  share::export_grant_bundle(r, mine.grant_id_hex, kExportTime, bundle_path);
  const std::string bundle = read_file(bundle_path);
  put("bundle", bundle);
  share::export_grant_bundle(r, expiring.grant_id_hex, kExportTime, bundle_path);
  put("expiring", read_file(bundle_path));
  share::export_grant_bundle(r, other.grant_id_hex, kExportTime, bundle_path);
  put("other_agency", read_file(bundle_path));
  share::export_grant_bundle(r, health.grant_id_hex, kExportTime, bundle_path);
  put("health_data", read_file(bundle_path));

  (void)share::revoke_agency(r, other_card, 1700000500);
  r.save(record_path);
  share::export_grant_bundle(r, mine.grant_id_hex, kExportTime, bundle_path);
  put("after_revocation", read_file(bundle_path));

  // The expiring grant ended at the first save after its expiry (SPEC §7.4): languages moved to a
  // new key, the grant left the record; the record file then holds a section nobody is granted.
  (void)share::expire_grants(r, 1800000001);
  r.save(record_path);
  put("after_expiry", read_file(record_path));

  put("truncated", bundle.substr(0, bundle.size() - 7));
  put("trailing_garbage", bundle + "garbage");
  std::string flipped = bundle;
  flipped[flipped.size() - 3] = static_cast<char>(flipped[flipped.size() - 3] ^ 1);
  put("damaged_body", flipped);

  // A grant's plaintext, as the open_grant half of the target sees its input.
  format::MemorySource source(bundle);
  const format::VerifiedContainer c = format::read_container(source);
  const auto plaintext = crypto::open_sealed_bounded(fuzzing::agency_box_keys(), c.grants.at(0), format::kMaxGrantBytes);
  if (!plaintext) throw std::runtime_error("the seed grant is not sealed to the fuzz agency");
  put("grant_plaintext", plaintext->view().to_string());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
    return 2;
  }
  g_dir = fs::path(argv[1]) / "bundle";
  const fs::path scratch = fs::temp_directory_path() / "kartla-bundle-seed-corpus";
  try {
    fs::create_directories(g_dir);
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    bundles(scratch);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", argv[0], e.what());
    return 1;
  }
  fs::remove_all(scratch);
  return 0;
}
