// SPDX-License-Identifier: Apache-2.0
// docs/SPEC.md §5.3, §7.1; docs/THREATS.md T12, T17, T18, T22: what the agency receives in a grant is bound by the
// owner's signature. Anyone holding the agency's public card can seal a box to it, so a grant
// edited to a later expiry or another purpose (re-sealed to the agency) or an extra grant must be
// refused unless the owner's signed manifest lists it; and a grant whose key does not match the
// owner's key commitment is refused before any decryption (invisible salamanders).
#include <catch2/catch.hpp>

#include "crypto/random.h"
#include "format/fingerprint.h"
#include "share_forgery.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

const uint32_t kProfile = model::section_by_name("profile").id;
constexpr int64_t kExpiry = kNow + 30 * 86400;

struct Fixture {
  TempDir dir;
  std::string bundle;  // profile for A, purpose "praktik", expiring at kExpiry
  Fixture() {
    model::Record r = new_record({{"profile", "Aino"}, {"notes", "n"}});
    const auto g = share_with(r, agency_a(), {"profile"}, "praktik", kExpiry);
    r.save(dir.file("r.kartla"));
    bundle = bundle_of(r, g.grant_id_hex, dir);
  }
};

const Fixture& fx() {
  static const Fixture f;
  return f;
}

// A's grant, opened with A's keys, edited, and sealed to A again: what a man in the middle
// holding A's public card can produce.
std::string edited_grant(const std::function<void(format::Grant&)>& edit) {
  Loose l = take_apart(fx().bundle);
  format::Grant g = open_grant_as(agency_a(), grant_for(l, agency_a()).bytes);
  edit(g);
  return format::seal_grant(g);
}

Code open_and_read(const std::string& file, int64_t at = kNow) {
  return code_of([&] { (void)view_as(agency_a(), file).read_section(section("profile"), at); });
}

}  // namespace

TEST_CASE("the grant's purpose and expiry reach the agency as the owner set them", "[grant]") {
  const share::AgencyView a = view_as(agency_a(), fx().bundle);
  REQUIRE(a.granted().size() == 1);
  CHECK(a.granted()[0].purpose == "praktik");
  CHECK(a.granted()[0].expires_at == kExpiry);
  CHECK(open_and_read(fx().bundle, kExpiry - 1) == Code::ok);
  CHECK(open_and_read(fx().bundle, kExpiry) == Code::expired);
}

TEST_CASE("a grant edited to a later expiry or another purpose is refused", "[grant]") {
  const std::function<void(format::Grant&)> edits[] = {
      [](format::Grant& g) { g.terms.expires_at = kExpiry + 365 * 86400; },
      [](format::Grant& g) { g.terms.expires_at = 0; },
      [](format::Grant& g) { g.terms.purpose = "marknadsföring"; },
      [](format::Grant& g) { g.terms.granted_at += 1; },
      [](format::Grant& g) { g.terms.gdpr_art6_basis = "6.1.e"; },
  };
  for (size_t i = 0; i < sizeof edits / sizeof edits[0]; ++i) {
    INFO("edit " << i);
    const std::string forged_grant = edited_grant(edits[i]);

    // Replaced in the file as it is: the manifest does not list the new grant.
    Loose l = take_apart(fx().bundle);
    grant_for(l, agency_a()).bytes = forged_grant;
    CHECK(open_and_read(with_original_signature(l)) == Code::signature);

    // Listed in a manifest re-signed by another key (the manifest still names the owner's key).
    CHECK(open_and_read(resign(l, stranger_signing_keys())) == Code::signature);
    CHECK(open_and_read(resign(l, agency_a().signing_keys())) == Code::signature);

    // Control: only the owner's signature makes it count (the forgery machinery is sound).
    CHECK(code_of([&] { (void)view_as(agency_a(), resign_as_owner(l)); }) == Code::ok);
  }
}

TEST_CASE("a forged bundle signed by a substitute owner key shows a different owner", "[grant]") {
  // The agency view does not pin the owner's key (it is not told whom to expect); a file made
  // entirely by someone else opens, but the owner fingerprint it reports is not the owner's.
  // Agency systems must compare it (kartla_share_describe's owner fingerprint, or
  // kartla_share_check_owner with the card they expect).
  Loose l = take_apart(fx().bundle);
  const crypto::SigningKeyPair stranger = stranger_signing_keys();
  grant_for(l, agency_a()).bytes = edited_grant([](format::Grant& g) { g.terms.expires_at = 0; });
  l.manifest.owner_signing_key = stranger.public_key;
  const std::string forged = resign(l, stranger);
  const share::AgencyView a = view_as(agency_a(), forged);
  const format::Manifest& m = a.container().manifest;
  CHECK(format::fingerprint(m.owner_signing_key, m.owner_encryption_key) != owner().fingerprint());
  const share::AgencyView genuine = view_as(agency_a(), fx().bundle);
  const format::Manifest& g = genuine.container().manifest;
  CHECK(format::fingerprint(g.owner_signing_key, g.owner_encryption_key) == owner().fingerprint());
}

TEST_CASE("an extra grant sealed by a third party is refused unless the owner lists it", "[grant]") {
  Loose l = take_apart(fx().bundle);
  const auto key = crypto::SecretBuffer::copy_of(std::string(32, '\x11'));
  l.grants.push_back(
      {seal_grant_to(agency_a(), l.manifest.record_id, kProfile, 1, key, owner_slot_secret(l.manifest, kProfile), "extra"),
       ""});
  CHECK(open_and_read(with_original_signature(l)) == Code::signature);
  // A grant listed in the manifest but absent from the bundle is simply not there.
  Loose dropped = take_apart(fx().bundle);
  dropped.grants.clear();
  CHECK(open_and_read(with_original_signature(dropped)) == Code::not_shared);
  // Twice the same listed grant.
  Loose doubled = take_apart(fx().bundle);
  doubled.grants.push_back(doubled.grants[0]);
  CHECK(open_and_read(with_original_signature(doubled)) == Code::format);
}

TEST_CASE("a grant made for another record is refused", "[grant]") {
  Loose l = take_apart(fx().bundle);
  format::Grant g = open_grant_as(agency_a(), grant_for(l, agency_a()).bytes);
  g.terms.record_id = std::string(16, '\x07');
  grant_for(l, agency_a()).bytes = format::seal_grant(g);
  CHECK(code_of([&] { (void)view_as(agency_a(), resign_as_owner(l)); }) == Code::signature);
}

TEST_CASE("a grant's contents re-sealed to another agency are refused by it", "[grant]") {
  // The terms name A's keys; the box is B's. Even listed by the owner, B refuses it.
  Loose l = take_apart(fx().bundle);
  LooseGrant& grant = grant_for(l, agency_a());
  const auto plaintext = crypto::open_sealed_bounded(agency_a().box_keys(), grant.bytes, format::kMaxGrantBytes);
  REQUIRE(plaintext.has_value());
  grant.bytes = crypto::seal_to(agency_b().box_keys().public_key, plaintext->view());
  const std::string file = resign_as_owner(l);
  CHECK(code_of([&] { (void)view_as(agency_b(), file); }) == Code::signature);
  CHECK(view_as(agency_a(), file).granted().empty());
}

TEST_CASE("a grant key that does not match the owner's key commitment is refused before decryption",
          "[grant][commitment]") {
  // The salamander set-up: the section is re-encrypted under a second key K2, which A's grant
  // carries, while the owner-signed entry keeps the commitment to the genuine key. Were the
  // commitment not checked, the AEAD would open and A would read the substitute text. A key that
  // does not match the commitment opens nothing in the file: not shared (SPEC §7.3).
  Loose l = take_apart(fx().bundle);
  LooseSection& s = l.by_id(kProfile);
  const crypto::SecretBuffer k2 = crypto::random_secret(32);
  const format::SectionSlot slot{l.manifest.record_id, kProfile, s.generation};
  const std::string substitute = format::seal_section(k2, slot, s.entry.slot_tag, content("profile", "substitute text")).body;
  put_body(s, substitute);  // hash and length match; the commitment stays the genuine key's
  grant_for(l, agency_a()).bytes = seal_grant_to(agency_a(), l.manifest.record_id, kProfile, s.generation, k2,
                                                 owner_slot_secret(l.manifest, kProfile), "praktik");
  const std::string forged = resign_as_owner(l);
  const share::AgencyView a = view_as(agency_a(), forged);
  CHECK(code_of([&] { (void)a.read_section(section("profile"), kNow); }) == Code::not_shared);
  CHECK_FALSE(contains(message_of([&] { (void)a.read_section(section("profile"), kNow); }), "substitute"));

  // Control: the same file with the commitment recomputed for K2 opens to the substitute text,
  // so the commitment is what refused it above.
  recommit(l.by_id(kProfile), l.manifest.record_id, k2);
  CHECK(contains(read_text(view_as(agency_a(), resign_as_owner(l)), "profile"), "substitute text"));
}

TEST_CASE("two agencies shown different keys for one signed section: at least one refuses", "[grant][commitment]") {
  // Invisible salamanders from both sides: the owner wraps the genuine key to A and a different
  // key to B in the same signed file; the commitment lets A read and B read nothing.
  TempDir dir;
  model::Record r = new_record({{"profile", "one truth"}});
  (void)share_with(r, agency_a(), {"profile"});
  r.save(dir.file("r.kartla"));
  Loose l = take_apart(read_plain(dir.file("r.kartla")));
  const LooseSection& s = l.by_id(kProfile);
  const crypto::SecretBuffer other = crypto::random_secret(32);
  l.grants.push_back({seal_grant_to(agency_b(), l.manifest.record_id, kProfile, s.generation, other,
                                    owner_slot_secret(l.manifest, kProfile), "p"),
                      ""});
  const std::string file = resign_as_owner(l);
  CHECK(contains(read_text(view_as(agency_a(), file), "profile"), "one truth"));
  CHECK(code_of([&] { (void)view_as(agency_b(), file).read_section(section("profile"), kNow); }) == Code::not_shared);
}

TEST_CASE("malformed grant contents sealed to the agency and listed by the owner are format errors", "[grant]") {
  Loose l = take_apart(fx().bundle);
  const std::string pk = agency_a().box_keys().public_key;
  const std::string prefix = std::string("kartla/v1/grant-payload") + '\0';
  const std::string cases[] = {
      "",                                         // empty
      "not a grant",                              // wrong prefix
      prefix,                                     // no length
      prefix + std::string("\xff\xff\xff\x7f", 4),  // length past the end
      prefix + std::string("\x00\x00\x00\x00", 4),  // empty terms, no keys
  };
  for (const auto& plaintext : cases) {
    INFO(plaintext.size());
    // Padded as a writer pads (SPEC §5.4), so the step after the padding is what refuses it.
    grant_for(l, agency_a()).bytes = crypto::seal_to(pk, padded(plaintext));
    const std::string file = resign_as_owner(l);
    const Code code = code_of([&] { (void)view_as(agency_a(), file); });
    CHECK((code == Code::format || code == Code::version));
    l = take_apart(fx().bundle);
  }
}
