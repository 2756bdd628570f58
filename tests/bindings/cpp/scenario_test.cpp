// SPDX-License-Identifier: Apache-2.0
// The shared binding scenario (tests/bindings/README.md) run through the C++ wrapper kartla.hpp,
// as every other binding runs it in its own language. It reads its data from scenario.json and is
// also the reference the other bindings are written against: each step is marked with its id.
#define KARTLA_EXPERIMENTAL
#include <catch2/catch.hpp>
#include <google/protobuf/util/json_util.h>

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "../../unit/capi_fixture.h"
#include "kartla/kartla.hpp"
#include "kartla/v1/results.pb.h"
#include "vector_file.h"

namespace {

using capi_test::slurp;
using capi_test::TempDir;
using kartla::vectors::at;
using kartla::vectors::list;
using kartla::vectors::load_vector_file;
using kartla::vectors::Node;
using kartla::vectors::number;
using kartla::vectors::text;

const std::string kRepo = KARTLA_SOURCE_DIR;

// The status of whatever `fn` throws, with the message it carried; KARTLA_OK if nothing.
struct Failure {
  kartla_status status = KARTLA_OK;
  std::string message;
};
template <typename Fn>
Failure failure_of(Fn&& fn) {
  try {
    fn();
  } catch (const kartla::error& e) {
    return {e.status(), e.what()};
  }
  return {};
}

// Every failure the scenario provokes, so step `errors` can check each class arrived typed.
std::map<std::string, Failure>& provoked() {
  static std::map<std::string, Failure> seen;
  return seen;
}
void expect_failure(kartla_status expected, const Failure& f) {
  CHECK(kartla_status_name(f.status) == std::string(kartla_status_name(expected)));
  CHECK_FALSE(f.message.empty());
  if (f.status == expected) provoked()[kartla_status_name(expected)] = f;
}
template <typename Fn>
void expect_error(kartla_status expected, Fn&& fn) {
  expect_failure(expected, failure_of(std::forward<Fn>(fn)));
}

Node parse_json(const std::string& json) {
  Node out;
  REQUIRE(google::protobuf::util::JsonStringToMessage(json, &out).ok());
  return out;
}
std::string print_json(const Node& node) {
  std::string out;
  REQUIRE(google::protobuf::util::MessageToJsonString(node, &out).ok());
  return out;
}

template <typename Message>
Message parsed(std::string_view bytes) {
  Message m;
  REQUIRE(m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())));
  return m;
}

// examples/sections/NAME.json, by name, sorted.
std::vector<std::string> example_names(const std::string& dir) {
  std::vector<std::string> out;
  DIR* d = opendir(dir.c_str());
  REQUIRE(d != nullptr);
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) out.push_back(name.substr(0, name.size() - 5));
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> strings(const Node& node, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& v : list(node, key).values()) out.push_back(v.string_value());
  return out;
}

}  // namespace

TEST_CASE("the shared binding scenario, through kartla.hpp", "[bindings][scenario]") {
  const Node s = load_vector_file("scenario.json");
  const int64_t now = static_cast<int64_t>(number(at(s, "clock"), "now"));
  const Node& share_spec = at(s, "share");
  const Node& agency_spec = at(s, "agency");
  TempDir dir;

  kartla_identity_options kdf;
  kartla_identity_options_init(&kdf);
  kdf.kdf_memlimit_mib = static_cast<uint32_t>(number(at(s, "kdf"), "memlimit_mib"));
  kdf.kdf_opslimit = static_cast<uint32_t>(number(at(s, "kdf"), "opslimit"));
  kdf.created_at = now - 86400;

  // scenario:identity.create
  const std::string passphrase = text(at(s, "owner"), "passphrase");
  auto created = kartla::identity::create(passphrase, &kdf);
  const std::string recovery_code = created.recovery_code.str();
  REQUIRE_FALSE(recovery_code.empty());
  const kartla::identity& owner = created.identity;
  const std::string owner_card = owner.card().str();
  CHECK(kartla::card_fingerprint(owner_card) == owner.fingerprint());

  // scenario:identity.reopen
  const std::string identity_path = dir.file("owner.kartla-id");
  owner.save(identity_path);
  const std::string identity_file = slurp(identity_path);
  CHECK(kartla::identity::open_file(identity_path, passphrase).fingerprint() == owner.fingerprint());
  CHECK(kartla::identity::open(identity_file, passphrase).fingerprint() == owner.fingerprint());
  CHECK(kartla::identity::recover_file(identity_path, recovery_code).fingerprint() == owner.fingerprint());
  CHECK(kartla::identity::recover(identity_file, recovery_code).fingerprint() == owner.fingerprint());
  expect_error(KARTLA_E_AUTH, [&] { (void)kartla::identity::open_file(identity_path, text(at(s, "owner"), "wrong_passphrase")); });

  // scenario:record.sections
  const Node& sections_spec = at(s, "sections");
  const std::string examples = kRepo + "/" + text(sections_spec, "examples_dir");
  const std::vector<std::string> owner_only = strings(sections_spec, "owner_only");
  kartla::record record = kartla::record::create(owner);
  record.set_clock(now);
  std::map<std::string, std::string> content;  // section → protobuf bytes (test data, not secret)
  for (const std::string& name : example_names(examples)) {
    const std::string json = slurp(examples + "/" + name + ".json");
    if (std::find(owner_only.begin(), owner_only.end(), name) != owner_only.end()) {
      expect_error(KARTLA_E_INVALID_ARGUMENT, [&] { record.set_section_json(name, json); });
      continue;
    }
    INFO("section " << name);
    record.set_section_json(name, json);
    const std::string bytes = record.section(name).str();
    record.set_section(name, bytes);
    CHECK(record.section(name).str() == bytes);
    const Node read_back = parse_json(record.section_json(name).str());
    const Node example = parse_json(json);
    for (const auto& member : example.struct_value().fields())
      CHECK(read_back.struct_value().fields().count(member.first) == 1);
    content[name] = bytes;
  }
  REQUIRE(content.size() >= 10);
  const auto listed = parsed<kartla::v1::SectionList>(record.sections(KARTLA_ENCODING_PROTOBUF));
  CHECK(static_cast<size_t>(listed.sections_size()) == content.size());
  for (const auto& l : listed.sections()) CHECK(content.count(l.name()) == 1);
  expect_error(KARTLA_E_NOT_FOUND, [&] {
    record.remove_section("education");
    (void)record.section("education");
  });
  record.set_section("education", content["education"]);
  expect_error(KARTLA_E_SCHEMA, [&] { record.set_section_json("profile", R"({"no_such_field": 1})"); });
  CHECK(record.section("profile").str() == content["profile"]);
  const std::string record_id = record.id();

  // scenario:record.save
  const std::string record_path = dir.file("record.kartla");
  record.save(record_path);
  {
    const kartla::record reopened = kartla::record::open_file(record_path, owner);
    CHECK(reopened.sequence() == 1);
    for (const auto& [name, bytes] : content) CHECK(reopened.section(name).str() == bytes);
  }

  // scenario:record.verify
  {
    const auto v = kartla::verification::of_file(record_path);
    CHECK(v.sequence() == 1);
    CHECK(v.record_id() == record_id);
    CHECK(v.owner_fingerprint() == owner.fingerprint());
    const auto report = parsed<kartla::v1::VerificationReport>(v.report(KARTLA_ENCODING_PROTOBUF));
    CHECK(report.kind() == "record");
    CHECK(report.sections_listed() == content.size());
    const std::string file = slurp(record_path);
    const std::string half = file.substr(0, file.size() / 2);
    expect_error(KARTLA_E_FORMAT, [&] { (void)kartla::verification::of_bytes(half); });
    expect_error(KARTLA_E_FORMAT, [&] { (void)kartla::record::open(half, owner); });
  }

  // scenario:agency.create
  auto agency_created = kartla::identity::create_agency(text(agency_spec, "name"), text(agency_spec, "organisation_number"),
                                                        text(agency_spec, "role"), text(agency_spec, "passphrase"), &kdf);
  const kartla::identity& agency = agency_created.identity;
  const std::string agency_card = agency.card().str();
  const auto card = parsed<kartla::v1::CardDescription>(kartla::card_describe(agency_card, KARTLA_ENCODING_PROTOBUF));
  CHECK(card.kind() == "agency");
  CHECK(card.name() == text(agency_spec, "name"));
  const std::string agency_path = dir.file("agency.kartla-id");
  agency.save(agency_path);

  // scenario:share.grant
  const std::vector<std::string> shared = strings(share_spec, "sections");
  const std::string purpose = text(share_spec, "purpose");
  const int64_t expires_at = now + static_cast<int64_t>(number(share_spec, "expires_after"));
  const std::string grant_id =
      record.share(agency_card, shared, purpose, expires_at, now, {}, text(share_spec, "gdpr_art6_basis"));
  CHECK(grant_id.size() == 32);
  CHECK(grant_id.find_first_not_of("0123456789abcdef") == std::string::npos);
  expect_error(KARTLA_E_INVALID_ARGUMENT, [&] { (void)record.share(owner_card, shared, purpose, expires_at, now); });
  record.save(record_path);
  const std::string bundle_path = dir.file("bundle.kartla");
  record.export_bundle(grant_id, bundle_path);

  // scenario:share.read
  const int64_t read_at = now + static_cast<int64_t>(number(share_spec, "read_after"));
  const std::string not_shared = text(share_spec, "not_shared_section");
  std::vector<kartla::share> opened;
  opened.push_back(kartla::share::open_file(bundle_path, agency));
  opened.push_back(kartla::share::open(slurp(bundle_path), agency));
  opened.push_back(kartla::share::open_file(record_path, agency));
  opened.push_back(kartla::share::open(slurp(record_path), agency));
  for (const kartla::share& share : opened) {
    for (const std::string& name : shared) {
      INFO("shared section " << name);
      CHECK(share.section(name, read_at).str() == content[name]);
      CHECK(parse_json(share.section_json(name, read_at).str()).struct_value().fields_size() > 0);
      std::vector<uint8_t> mine(share.section_size(name, read_at));
      const size_t used = share.section_into(name, mine.data(), mine.size(), read_at);
      CHECK(std::string(reinterpret_cast<const char*>(mine.data()), used) == content[name]);
    }
    const auto described = parsed<kartla::v1::ShareDescription>(share.describe(KARTLA_ENCODING_PROTOBUF));
    std::vector<std::string> described_sections;
    for (const auto& d : described.grants()) {
      described_sections.push_back(d.section());
      CHECK(d.purpose() == purpose);
    }
    CHECK(described_sections == shared);
    share.check_owner(owner_card);
    expect_error(KARTLA_E_INVALID_ARGUMENT, [&] { share.check_owner(agency_card); });

    // scenario:share.not_shared
    expect_error(KARTLA_E_NOT_SHARED, [&] { (void)share.section(not_shared, read_at); });

    // scenario:share.expired
    const int64_t late = now + static_cast<int64_t>(number(share_spec, "expired_read_after"));
    expect_error(KARTLA_E_EXPIRED, [&] { (void)share.section(shared.front(), late); });
  }

  // scenario:share.revoke
  const Node& revoke_spec = at(s, "revoke");
  const std::string rewritten_section = text(revoke_spec, "rewrite_section");
  Node rewritten = parse_json(slurp(examples + "/" + rewritten_section + ".json"));
  for (const auto& [key, value] : at(revoke_spec, "rewrite_merge").struct_value().fields())
    (*rewritten.mutable_struct_value()->mutable_fields())[key] = value;
  (void)record.revoke(agency_card, now + static_cast<int64_t>(number(revoke_spec, "after")));
  record.set_section_json(rewritten_section, print_json(rewritten));
  record.save(record_path);
  {
    const auto after = kartla::share::open_file(record_path, agency);
    expect_error(KARTLA_E_NOT_SHARED, [&] { (void)after.section(rewritten_section, read_at); });
    const auto before = kartla::share::open_file(bundle_path, agency);
    CHECK(before.section(rewritten_section, read_at).str() == content[rewritten_section]);
    after.check_last_seen(before.sequence() + 1);
    expect_error(KARTLA_E_ROLLBACK, [&] { before.check_last_seen(after.sequence()); });
  }

  // scenario:attest
  const Node& attest_spec = at(s, "attest");
  const std::string attested_section = text(attest_spec, "section");
  kartla::entry_ref ref;
  ref.owner_card = owner_card;
  ref.record_id = record_id;
  ref.section = attested_section;
  ref.entry_id = text(attest_spec, "entry_id");
  ref.entry = kartla::section_entry(attested_section, record.section(attested_section).view(), ref.entry_id);
  const std::string attestation = kartla::attestation_issue(agency, ref, text(attest_spec, "claim_json"), now);
  auto root = kartla::identity::create_trust_root(text(attest_spec, "trust_root_name"), passphrase, &kdf);
  auto draft = kartla::trust_draft::create(1);
  draft.add(agency_card, text(agency_spec, "role"), now - static_cast<int64_t>(number(attest_spec, "agency_valid_from_before")));
  const std::string trust_list = kartla::trust_list_sign(
      root.identity, draft, now + static_cast<int64_t>(number(attest_spec, "trust_list_expires_after")), now);
  const auto without = kartla::attestation_verify(attestation, ref, {}, now, KARTLA_ENCODING_PROTOBUF);
  CHECK(without.status == KARTLA_OK);
  CHECK(parsed<kartla::v1::AttestationReport>(without.report.view()).verdict() ==
        text(attest_spec, "expected_verdict_without_list"));
  const auto with = kartla::attestation_verify(attestation, ref, trust_list, now, KARTLA_ENCODING_PROTOBUF);
  CHECK(with.status == KARTLA_OK);
  CHECK(parsed<kartla::v1::AttestationReport>(with.report.view()).verdict() == text(attest_spec, "expected_verdict"));
  CHECK(kartla::record_attach_attestation(record, owner, attestation, now));
  CHECK_FALSE(kartla::record_attach_attestation(record, owner, attestation, now));
  {
    const auto provenance = parsed<kartla::v1::ProvenanceReport>(
        kartla::record_provenance(record, owner, attested_section, trust_list, now, KARTLA_ENCODING_PROTOBUF).view());
    bool found = false;
    for (const auto& e : provenance.entries()) {
      if (e.entry_id() != ref.entry_id) continue;
      found = true;
      CHECK(e.provenance() == text(attest_spec, "expected_verdict"));
    }
    CHECK(found);
  }

  // scenario:contribution
  const Node& contribution_spec = at(s, "contribution");
  const std::string contributed_section = text(contribution_spec, "section");
  const std::string entry_json = text(contribution_spec, "entry_json");
  const std::string entry_id = text(parse_json(entry_json), "id");
  const std::string contribution =
      kartla::contribution_create(agency, owner_card, record_id, contributed_section, entry_json, {}, now);
  {
    const auto description = parsed<kartla::v1::ContributionDescription>(
        kartla::contribution_describe(owner, contribution, record_id, now, KARTLA_ENCODING_PROTOBUF).view());
    CHECK(description.sender().name() == text(agency_spec, "name"));
    CHECK(description.section() == contributed_section);
    CHECK(description.entry_id() == entry_id);
  }
  CHECK(kartla::record_accept_contribution(record, owner, contribution, now));
  CHECK_FALSE(kartla::record_accept_contribution(record, owner, contribution, now));
  CHECK(kartla::section_entry(contributed_section, record.section(contributed_section).view(), entry_id).size() > 0);
  expect_error(KARTLA_E_AUTH, [&] { (void)kartla::contribution_describe(agency, contribution, record_id, now); });

  // scenario:errors
  for (const char* name : {"E_AUTH", "E_SCHEMA", "E_NOT_FOUND", "E_INVALID_ARGUMENT", "E_FORMAT", "E_NOT_SHARED",
                           "E_EXPIRED", "E_ROLLBACK"}) {
    INFO("status " << name);
    REQUIRE(provoked().count(name) == 1);
    CHECK_FALSE(provoked()[name].message.empty());
  }
  // A freed handle: the wrapper moves from it; the C ABI refuses a null handle, typed.
  {
    kartla::identity moved_from = kartla::identity::open_file(agency_path, text(agency_spec, "passphrase"));
    const kartla::identity taken = std::move(moved_from);
    const Failure closed = failure_of([&] { (void)kartla::share::open_file(bundle_path, moved_from); });
    CHECK(closed.status == KARTLA_E_INVALID_ARGUMENT);
    CHECK_FALSE(closed.message.empty());
  }

  // scenario:threads
  {
    const Node& threads_spec = at(s, "threads");
    const size_t count = static_cast<size_t>(number(threads_spec, "count"));
    const size_t reads = static_cast<size_t>(number(threads_spec, "reads_each"));
    std::atomic<size_t> good{0};
    std::vector<std::thread> threads;
    for (size_t t = 0; t < count; ++t) {
      threads.emplace_back([&] {
        const kartla::identity mine = kartla::identity::open_file(agency_path, text(agency_spec, "passphrase"));
        const kartla::share share = kartla::share::open_file(bundle_path, mine);
        for (size_t i = 0; i < reads; ++i) {
          const std::string& name = shared[i % shared.size()];
          bool ok = share.section(name, read_at).str() == content[name];
          const Failure refused = failure_of([&] { (void)share.section(not_shared, read_at); });
          ok = ok && refused.status == KARTLA_E_NOT_SHARED && refused.message.find(not_shared) != std::string::npos;
          if (ok) ++good;
        }
      });
    }
    for (auto& t : threads) t.join();
    CHECK(good.load() == count * reads);
  }
}
