// SPDX-License-Identifier: Apache-2.0
// Issue 5 "every byte offset truncation and bit flip of a small bundle gives a typed error"
// (docs/THREATS.md T1-T3): the agency's whole path - open (framing, strict parsing, owner signature,
// listed entries and grants, trial unwrapping) and reading the granted section (hash, key
// commitment, AEAD) - refuses every damaged copy with a kartla::Error of a container class, and
// never returns plaintext. No byte of a bundle goes unchecked, so no flip may be accepted.
#include <catch2/catch.hpp>

#include <set>

#include "share_forgery.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

const std::string& small_bundle() {
  static const std::string bundle = [] {
    TempDir dir;
    model::Record r = new_record({{"profile", "Aino"}, {"notes", "not in the bundle"}});
    const auto g = share_with(r, agency_a(), {"profile"}, "praktik");
    r.save(dir.file("r.kartla"));
    r.save(dir.file("r.kartla"));  // a previous-manifest hash too
    return bundle_of(r, g.grant_id_hex, dir);
  }();
  return bundle;
}

// What the agency's open-and-read does with `bytes`: Code::ok if it returned plaintext, else the
// code of the kartla::Error. Any other exception escapes and fails the test.
Code agency_read(const std::string& bytes) {
  try {
    const share::AgencyView v = view_as(agency_a(), bytes);
    (void)v.read_section(section("profile"), kNow);
    return Code::ok;
  } catch (const Error& e) {
    return e.code();
  }
}

bool container_class(Code c) {
  return c == Code::format || c == Code::limit || c == Code::version || c == Code::signature ||
         c == Code::integrity;
}

}  // namespace

TEST_CASE("the mutation fixture is a small, readable bundle", "[mutation]") {
  // The manifest's slot table and sealed index (3 KiB) and the padded body and grant (1 KiB each)
  // set the floor: every section and grant is at least 1 KiB (SPEC §5.4).
  REQUIRE(small_bundle().size() <= 8192);
  CHECK(agency_read(small_bundle()) == Code::ok);
}

TEST_CASE("every truncation of a bundle is a typed error", "[mutation]") {
  const std::string& bundle = small_bundle();
  std::set<size_t> accepted;
  for (size_t n = 0; n < bundle.size(); ++n) {
    const Code c = agency_read(bundle.substr(0, n));
    if (c == Code::ok) accepted.insert(n);
    if (!container_class(c)) FAIL_CHECK("truncated to " << n << " bytes: code " << static_cast<int>(c));
  }
  CHECK(accepted.empty());
}

TEST_CASE("every bit flip of a bundle is a typed error", "[mutation]") {
  const std::string& bundle = small_bundle();
  std::vector<size_t> accepted;
  std::map<Code, size_t> by_code;
  std::string damaged = bundle;
  for (size_t bit = 0; bit < bundle.size() * 8; ++bit) {
    damaged[bit / 8] = static_cast<char>(bundle[bit / 8] ^ (1 << (bit % 8)));
    const Code c = agency_read(damaged);
    damaged[bit / 8] = bundle[bit / 8];
    ++by_code[c];
    if (c == Code::ok) accepted.push_back(bit);
    if (c != Code::ok && !container_class(c)) FAIL_CHECK("bit " << bit << ": code " << static_cast<int>(c));
  }
  INFO("accepted flips (bit indices): " << accepted.size());
  CHECK(accepted.empty());
  // Each layer of the check is reached by some flip: framing, the signature, the body's hash.
  CHECK(by_code[Code::format] > 0);
  CHECK(by_code[Code::signature] > 0);
  CHECK(by_code[Code::integrity] > 0);
}

TEST_CASE("trailing garbage and concatenated bundles are format errors", "[mutation]") {
  const std::string& bundle = small_bundle();
  CHECK(agency_read(bundle + "x") == Code::format);
  CHECK(agency_read(bundle + std::string(1, '\0')) == Code::format);
  CHECK(agency_read(bundle + bundle) == Code::format);
}
