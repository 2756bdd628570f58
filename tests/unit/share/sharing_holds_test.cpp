// SPDX-License-Identifier: Apache-2.0
// Issue "Sharing that holds": each attack the review found, as a test through the library. Each
// failed before the fix (expiry checked only by the reader, the ledger editable, a manifest that
// could list two entries for one section, health data shared without a stated basis, a re-added
// section leaking into an old grant) and must keep passing.
#include <catch2/catch.hpp>

#include "crypto/random.h"
#include "kartla/v1/notes.pb.h"
#include "model/validation/validate.h"
#include "share/ledger.h"
#include "share/revoke.h"
#include "share_forgery.h"

using namespace kartla;
using namespace kartla::sharetest;

namespace {

constexpr int64_t kMarch = kNow + 60 * 86400;
constexpr int64_t kJune = kNow + 150 * 86400;

const v1::ShareGrantRecord& ledger_entry(const v1::SharingLedger& ledger, const std::string& id) {
  for (const auto& e : ledger.grants())
    if (e.id() == id) return e;
  throw std::logic_error("fixture: no ledger entry " + id);
}

// A's keys, as A kept them from its bundle.
format::Grant kept_grant(const std::string& bundle) { return open_grant_as(agency_a(), take_apart(bundle).grants[0].bytes); }

// Whether any key A kept opens the section's entry in `file` (the owner's index names it).
bool kept_keys_open(const format::Grant& kept, const std::string& file, const char* name) {
  Loose l = take_apart(file);
  const LooseSection& s = l.by_id(section(name).id);
  for (const auto& k : kept.sections) {
    if (k.section_id != section(name).id) continue;
    const format::SectionSlot slot{l.manifest.record_id, k.section_id, k.generation};
    if (format::key_matches_commitment(k.key, slot, s.entry)) return true;
  }
  return false;
}

std::string notes_with_health_entry() {
  v1::Notes notes;
  auto* e = notes.add_entries();
  e->set_id("n1");
  e->set_text("sjukskriven vecka 12");
  e->set_contains_health_info(true);
  return notes.SerializeAsString();
}

}  // namespace

TEST_CASE("an expired grant reads nothing written after its expiry: the first save rotates its keys", "[holds][expiry]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  model::Record r = new_record({{"profile", "written in January"}, {"languages", "sv"}});
  const auto a = share_with(r, agency_a(), {"profile"}, "praktik", kMarch);
  const auto b = share_with(r, agency_b(), {"profile"}, "matchning");
  save_at(r, path);
  const std::string a_bundle = bundle_of(r, a.grant_id_hex, dir, "a.kartla");
  const format::Grant kept = kept_grant(a_bundle);

  // June: new content, saved. The save ends A's grant first.
  r.write_section(section("profile"), content("profile", "written in June"));
  save_at(r, path, kJune);
  const std::string june = read_plain(path);

  const v1::SharingLedger ledger = share::read_ledger(r);
  const auto& entry = ledger_entry(ledger, a.grant_id_hex);
  CHECK(entry.has_expired_at());
  CHECK(entry.expired_at().seconds() == kJune);
  CHECK_FALSE(entry.has_revoked_at());
  CHECK(ledger.access_events(ledger.access_events_size() - 1).action() == v1::AccessEvent::EXPIRE);
  CHECK(model::validate_section(ledger).empty());

  // A's grant left the file; its kept keys do not open June's profile; reading with a clock
  // that ignores the expiry gets nothing new either.
  const share::AgencyView a_view = view_as(agency_a(), june);
  CHECK(a_view.granted().empty());
  CHECK(code_of([&] { (void)a_view.read_section(section("profile"), kNow); }) == Code::not_shared);
  CHECK_FALSE(kept_keys_open(kept, june, "profile"));
  // The bundle of an expired grant is never exported.
  CHECK(code_of([&] { (void)bundle_of(r, a.grant_id_hex, dir, "late.kartla", io::real_file_system(), kJune); }) ==
        Code::expired);
  // B, whose grant is live, reads June's content under the new key.
  CHECK(contains(read_text(view_as(agency_b(), june), "profile", kJune), "written in June"));
  // What A already held still opens the January copy: copies taken cannot be recalled.
  CHECK(contains(read_text(view_as(agency_a(), a_bundle), "profile", kNow), "written in January"));
}

TEST_CASE("a bundle is refused for a grant at its expiry, before any save", "[holds][expiry]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "p"}});
  const auto a = share_with(r, agency_a(), {"profile"}, "praktik", kMarch);
  save_at(r, dir.file("r.kartla"));
  CHECK_NOTHROW(bundle_of(r, a.grant_id_hex, dir, "ok.kartla", io::real_file_system(), kMarch - 1));
  CHECK(code_of([&] { (void)bundle_of(r, a.grant_id_hex, dir, "x.kartla", io::real_file_system(), kMarch); }) ==
        Code::expired);
}

TEST_CASE("revoking another agency never re-issues new keys to an expired grant", "[holds][expiry][revoke]") {
  // The review's case: A's grant expired in March; in June the owner revokes C, which rotates
  // the profile and re-issues the live grants. A's must not be among them, saved or not.
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  model::Record r = new_record({{"profile", "January"}});
  const auto a = share_with(r, agency_a(), {"profile"}, "praktik", kMarch);
  (void)share_with(r, agency_b(), {"profile"}, "matchning");
  (void)share_with(r, agency_c(), {"profile"}, "kartläggning");
  save_at(r, path);
  const format::Grant kept = kept_grant(bundle_of(r, a.grant_id_hex, dir));

  // No save since March: the grant is still in the record when C is revoked in June.
  const share::RevocationResult result = share::revoke_agency(r, agency_c().card_file(), kJune);
  CHECK(result.reissued_grants == 1);  // B's only
  r.write_section(section("profile"), content("profile", "June"));
  save_at(r, path, kJune);
  const std::string june = read_plain(path);
  CHECK(view_as(agency_a(), june).granted().empty());
  CHECK_FALSE(kept_keys_open(kept, june, "profile"));
  CHECK(ledger_entry(share::read_ledger(r), a.grant_id_hex).has_expired_at());
  CHECK(contains(read_text(view_as(agency_b(), june), "profile", kJune), "June"));
}

TEST_CASE("the sharing ledger cannot be removed, replaced or invented by a section write", "[holds][ledger]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  model::Record r = new_record({{"profile", "p"}});
  const auto a = share_with(r, agency_a(), {"profile"});
  save_at(r, path);
  const std::string before = read_plain(path);
  const std::string ledger_bytes = r.read_section(section("sharing_ledger")).view().to_string();

  CHECK(code_of([&] { r.remove_section(section("sharing_ledger")); }) == Code::invalid_argument);
  v1::SharingLedger invented;
  invented.add_grants()->set_id(std::string(32, 'a'));
  CHECK(code_of([&] { r.write_section(section("sharing_ledger"), invented.SerializeAsString()); }) ==
        Code::invalid_argument);
  CHECK(code_of([&] { r.write_section(section("sharing_ledger"), std::string()); }) == Code::invalid_argument);
  // Nothing changed: the same ledger, the same grants, nothing to save.
  CHECK(r.read_section(section("sharing_ledger")).view().to_string() == ledger_bytes);
  CHECK_FALSE(r.has_unsaved_changes());
  CHECK(read_plain(path) == before);

  // Revocation still finds A's grant and ends it.
  const auto result = share::revoke_agency(r, agency_a().card_file(), kNow + 10);
  CHECK(result.revoked_grants == 1);
  CHECK(r.grants().empty());
  CHECK(ledger_entry(share::read_ledger(r), a.grant_id_hex).has_revoked_at());
}

TEST_CASE("a ledger that does not describe the record's grants stops sharing decisions", "[holds][ledger]") {
  model::Record r = new_record({{"profile", "p"}});
  (void)share_with(r, agency_a(), {"profile"});
  // A grant the ledger does not know (only a bug could do this now: the ledger is the library's).
  std::vector<std::string> grants = r.grants();
  grants.push_back(grants[0] + "x");
  r.replace_grants(grants);
  const std::vector<std::string> held = r.grants();
  CHECK(code_of([&] { (void)share::revoke_agency(r, agency_a().card_file(), kNow + 1); }) == Code::integrity);
  CHECK(code_of([&] { (void)share_with(r, agency_b(), {"profile"}); }) == Code::integrity);
  CHECK(r.grants() == held);
}

TEST_CASE("one signed manifest cannot list two entries for one section", "[holds][slots]") {
  TempDir dir;
  model::Record r = new_record({{"profile", "one truth"}, {"languages", "sv"}});
  (void)share_with(r, agency_a(), {"profile"});
  save_at(r, dir.file("r.kartla"));
  const std::string file = read_plain(dir.file("r.kartla"));

  SECTION("the same slot listed twice, signed by the owner: every reader refuses the file") {
    Loose l = take_apart(file);
    LooseSection second = l.by_id(section("languages").id);
    second.entry.slot_tag = l.by_id(section("profile").id).entry.slot_tag;  // a second entry for profile
    l.sections.push_back(second);
    l.by_id(section("languages").id).listed = "";  // keep the genuine languages entry listed too
    // resign lists every entry present under its tag: two refs with one tag.
    std::string forged;
    {
      for (auto& s : l.sections) {
        const std::string d =
            crypto::digest_bytes(format::section_entry_digest(format::encode_section_entry(s.entry)));
        bool listed = false;
        for (const auto& ref : l.manifest.sections) listed = listed || ref.entry_digest == d;
        if (!listed) l.manifest.sections.push_back({s.entry.slot_tag, d});
      }
      format::sort_section_refs(l.manifest.sections);
      const std::string manifest = format::encode_manifest(l.manifest);
      forged = assemble(manifest,
                        crypto::sign_with_label(format::label::kManifestSignature, owner().signing_keys(), manifest), l);
    }
    format::MemorySource source(forged);
    CHECK(code_of([&] { (void)format::read_container(source); }) == Code::format);
    CHECK(code_of([&] { (void)view_as(agency_a(), forged); }) == Code::format);
  }
  SECTION("a second entry under another tag, with a slot secret the owner did not commit to") {
    // The owner gives B a grant for 'profile' naming a made-up slot: B's check of the signed slot
    // table refuses the grant, so B cannot be shown another profile than A.
    Loose l = take_apart(file);
    LooseSection fake = l.by_id(section("profile").id);
    const crypto::SecretBuffer fake_secret = crypto::random_secret(32);
    fake.entry.slot_tag = format::slot_tag(fake_secret);
    const crypto::SecretBuffer key = crypto::random_secret(32);
    const format::SectionSlot slot{l.manifest.record_id, section("profile").id, fake.generation};
    put_body(fake, format::seal_section(key, slot, fake.entry.slot_tag, content("profile", "another truth")).body);
    recommit(fake, l.manifest.record_id, key);
    fake.listed = "";
    l.sections.push_back(fake);
    l.grants.push_back({seal_grant_to(agency_b(), l.manifest.record_id, section("profile").id, fake.generation, key,
                                      fake_secret, "p"),
                        ""});
    const std::string forged = resign_as_owner(l);
    CHECK(code_of([&] { (void)view_as(agency_b(), forged); }) == Code::integrity);
    CHECK(contains(read_text(view_as(agency_a(), forged), "profile"), "one truth"));
  }
}

TEST_CASE("health data is shared only under a stated Art. 9(2) basis, bound into the grant", "[holds][art9]") {
  TempDir dir;
  model::Record r = new_record({{"work_ability", "arbetsförmåga"}, {"profile", "p"}});
  r.write_section(section("notes"), notes_with_health_entry());
  const std::vector<std::string> grants_before = r.grants();

  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"work_ability"}); }) == Code::invalid_argument);
  CHECK(contains(message_of([&] { (void)share_with(r, agency_a(), {"work_ability"}); }), "Art. 9(2)"));
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"profile", "notes"}); }) == Code::invalid_argument);
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"profile"}, "p", 0, kNow, "9.2.h"); }) ==
        Code::invalid_argument);  // a basis for health data where there is none
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"work_ability"}, "p", 0, kNow, "9.2.z"); }) ==
        Code::invalid_argument);
  CHECK(code_of([&] { (void)share_with(r, agency_a(), {"work_ability"}, "p", 0, kNow, "6.1.a"); }) ==
        Code::invalid_argument);
  CHECK(r.grants() == grants_before);  // every refusal left the record as it was

  CHECK(share::is_special_category(r, section("work_ability")));
  CHECK(share::is_special_category(r, section("notes")));
  CHECK_FALSE(share::is_special_category(r, section("profile")));

  const auto g = share_with(r, agency_a(), {"work_ability", "notes"}, "bedömning av arbetsförmåga", 0, kNow, "9.2.h");
  save_at(r, dir.file("r.kartla"));
  const share::AgencyView a = view_as(agency_a(), bundle_of(r, g.grant_id_hex, dir));
  REQUIRE(a.granted().size() == 2);
  CHECK(a.granted()[0].gdpr_art9_basis == "9.2.h");
  CHECK(a.granted()[0].gdpr_art6_basis == "6.1.a");  // the documented default
  CHECK(contains(read_text(a, "work_ability"), "arbetsförmåga"));

  const v1::SharingLedger ledger = share::read_ledger(r);
  const auto& entry = ledger_entry(ledger, g.grant_id_hex);
  CHECK(entry.gdpr_art9_basis().code() == "9.2.h");
  CHECK(entry.gdpr_art6_basis().code() == "6.1.a");
  CHECK(model::validate_section(ledger).empty());  // the project's own grant-art9-basis rule holds
}

TEST_CASE("a removed and re-added section never reaches a grant that did not cover it", "[holds][generations]") {
  TempDir dir;
  const std::string path = dir.file("r.kartla");
  model::Record r = new_record({{"profile", "first profile"}, {"languages", "sv"}});
  const auto a = share_with(r, agency_a(), {"profile", "languages"});
  save_at(r, path);
  const format::Grant kept = kept_grant(bundle_of(r, a.grant_id_hex, dir, "a0.kartla"));

  r.remove_section(section("profile"));
  r.write_section(section("profile"), content("profile", "rewritten, never granted to A"));
  const auto b = share_with(r, agency_b(), {"profile"});
  save_at(r, path);

  // A's bundle now carries languages only: no ciphertext its grant cannot open.
  const std::string a_bundle = bundle_of(r, a.grant_id_hex, dir, "a1.kartla");
  const Loose l = take_apart(a_bundle);
  REQUIRE(l.sections.size() == 1);
  CHECK(l.sections[0].section_id == section("languages").id);
  CHECK_FALSE(contains(a_bundle, take_apart(read_plain(path)).by_id(section("profile").id).body));

  // Revoking B rotates the profile and re-issues the live grants that cover it: not A's.
  const auto result = share::revoke_agency(r, agency_b().card_file(), kNow + 10);
  CHECK(result.reissued_grants == 0);
  save_at(r, path, kNow + 10);
  const std::string after = read_plain(path);
  const share::AgencyView view = view_as(agency_a(), after);
  CHECK(code_of([&] { (void)view.read_section(section("profile"), kNow); }) == Code::not_shared);
  CHECK(contains(read_text(view, "languages"), "sv"));
  CHECK_FALSE(kept_keys_open(kept, after, "profile"));
  (void)b;
}
