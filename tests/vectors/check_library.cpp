// SPDX-License-Identifier: Apache-2.0
// Runs every vector through the library's public reading paths (the C ABI in kartla.h, as every
// binding sees it) and compares with the expected outcome written in the vector. A negative
// vector must give exactly its status class: a surprising class is a finding, not a pass.
#include <catch2/catch.hpp>
#include <google/protobuf/util/json_util.h>

#include <map>
#include <memory>
#include <string>

#include "kartla/kartla.h"
#include "kartla/v1/results.pb.h"
#include "vector_file.h"

namespace {

using kartla::vectors::at;
using kartla::vectors::bytes;
using kartla::vectors::has;
using kartla::vectors::list;
using kartla::vectors::load_vector_file;
using kartla::vectors::Node;
using kartla::vectors::number;
using kartla::vectors::text;

struct Buffer {
  kartla_buffer b = KARTLA_BUFFER_INIT;
  ~Buffer() { kartla_buffer_free(&b); }
  std::string str() const { return std::string(reinterpret_cast<const char*>(b.data), b.len); }
  bool empty() const { return b.data == nullptr && b.len == 0; }
};

// A result asked for as KARTLA_ENCODING_PROTOBUF, read with the published schema's classes.
template <typename Message>
Message parsed_result(const std::string& bytes) {
  Message m;
  REQUIRE(m.ParseFromString(bytes));
  return m;
}

// The report's fields against the vector's report text (SPEC §8): the same facts, whatever the
// representation (the vector writes the counts as JSON numbers, proto3 JSON 64-bit ones as text).
void check_verification_report(const std::string& bytes, const std::string& expected_json) {
  const auto r = parsed_result<kartla::v1::VerificationReport>(bytes);
  Node e;
  REQUIRE(google::protobuf::util::JsonStringToMessage(expected_json, &e).ok());
  CHECK(r.record_id() == text(e, "record_id"));
  CHECK(r.owner_fingerprint() == text(e, "owner_fingerprint"));
  CHECK(r.sequence() == number(e, "sequence"));
  CHECK(r.previous_manifest_hash() == text(e, "previous_manifest_hash"));
  CHECK(r.kind() == text(e, "kind"));
  CHECK(r.sections_listed() == number(e, "sections_listed"));
  CHECK(r.sections_present() == number(e, "sections_present"));
  CHECK(r.section_bytes() == number(e, "section_bytes"));
  CHECK(r.grants_listed() == number(e, "grants_listed"));
  CHECK(r.grants_present() == number(e, "grants_present"));
  CHECK(r.file_bytes() == number(e, "file_bytes"));
}

struct IdentityDeleter {
  void operator()(kartla_identity* p) const { kartla_identity_free(p); }
};
struct RecordDeleter {
  void operator()(kartla_record* p) const { kartla_record_free(p); }
};
struct VerificationDeleter {
  void operator()(kartla_verification* p) const { kartla_verification_free(p); }
};
struct ShareDeleter {
  void operator()(kartla_share* p) const { kartla_share_free(p); }
};
using IdentityPtr = std::unique_ptr<kartla_identity, IdentityDeleter>;
using RecordPtr = std::unique_ptr<kartla_record, RecordDeleter>;
using VerificationPtr = std::unique_ptr<kartla_verification, VerificationDeleter>;
using SharePtr = std::unique_ptr<kartla_share, ShareDeleter>;

const uint8_t* u8(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }
std::string name_of(kartla_status s) { return kartla_status_name(s); }

const Node& identity_vector() {
  static const Node doc = load_vector_file("identity.json");
  return doc;
}

// The owner of record.json, opened once (Argon2id at 64 MiB is the slow part of this test).
const kartla_identity* owner() {
  static const IdentityPtr identity = [] {
    const Node& v = identity_vector();
    const std::string file = bytes(v, "identity_file");
    const std::string pass = text(v, "passphrase");
    kartla_identity* out = nullptr;
    const kartla_status s = kartla_identity_open(u8(file), file.size(), u8(pass), pass.size(), &out);
    if (s != KARTLA_OK) FAIL("the owner identity does not open: " << kartla_last_error());
    return IdentityPtr(out);
  }();
  return identity.get();
}

const Node& bundle_vector() {
  static const Node doc = load_vector_file("bundle.json");
  return doc;
}

// Opens a record file as identity.json's owner. The vectors hold two versions of one record and
// many owner-signed variants of each; every file is judged on its own, so where the library
// remembers the versions an identity has seen (kartla_record_open_options), an older copy or a
// fork is accepted here rather than refused as a rollback.
kartla_status open_owned(const std::string& file, kartla_record** out) {
#ifdef KARTLA_RECORD_OPEN_OPTIONS_VERSION
  kartla_record_open_options options;
  kartla_record_open_options_init(&options);
  options.accept_older = 1;
  return kartla_record_open_with_options(u8(file), file.size(), owner(), &options, out);
#else
  return kartla_record_open(u8(file), file.size(), owner(), out);
#endif
}

// bundle.json's agencies, each opened once from its identity file.
const kartla_identity* agency(const std::string& label) {
  static std::map<std::string, IdentityPtr> opened;
  auto it = opened.find(label);
  if (it != opened.end()) return it->second.get();
  for (const Node& a : list(bundle_vector(), "agencies").values()) {
    if (text(a, "label") != label) continue;
    const std::string file = bytes(a, "identity_file");
    const std::string pass = text(a, "passphrase");
    kartla_identity* out = nullptr;
    const kartla_status s = kartla_identity_open(u8(file), file.size(), u8(pass), pass.size(), &out);
    IdentityPtr identity(out);
    if (s != KARTLA_OK) FAIL("agency " << label << " does not open: " << kartla_last_error());
    return opened.emplace(label, std::move(identity)).first->second.get();
  }
  FAIL("bundle.json has no agency " << label);
  return nullptr;
}

// Opens `input` as an agency and, when `section` is given, reads it at `at`. A read needs the
// open to succeed. Nothing may be handed out on failure.
kartla_status open_share_and_read(const std::string& input, const std::string& agency_label,
                                  const std::string& section, int64_t at, std::string* plaintext) {
  kartla_share* out = nullptr;
  kartla_status s = kartla_share_open(u8(input), input.size(), agency(agency_label), &out);
  SharePtr share(out);
  CHECK((s == KARTLA_OK) == (out != nullptr));
  if (section.empty()) return s;
  if (s != KARTLA_OK) {
    FAIL_CHECK("the share must open before its section is read: " << name_of(s) << " " << kartla_last_error());
    return s;
  }
  Buffer content;
  s = kartla_share_section(share.get(), section.c_str(), at, &content.b);
  if (s != KARTLA_OK) CHECK(content.empty());  // no partial plaintext, ever
  if (plaintext != nullptr) *plaintext = content.str();
  return s;
}

std::string card_of(const kartla_identity* identity) {
  Buffer card;
  REQUIRE(kartla_identity_card(identity, &card.b) == KARTLA_OK);
  return card.str();
}

}  // namespace

TEST_CASE("identity.json: the identity opens with its passphrase and shows its card and fingerprint") {
  const Node& v = identity_vector();
  const kartla_identity* id = owner();
  CHECK(card_of(id) == bytes(v, "card_file"));
  Buffer fingerprint;
  REQUIRE(kartla_identity_fingerprint(id, &fingerprint.b) == KARTLA_OK);
  CHECK(fingerprint.str() == text(v, "fingerprint"));
  // Opening and re-encoding must not change a single byte of the file.
  Buffer file;
  REQUIRE(kartla_identity_file_bytes(id, &file.b) == KARTLA_OK);
  CHECK(file.str() == bytes(v, "identity_file"));
  const std::string card_file = bytes(v, "card_file");
  Buffer card_fingerprint;
  REQUIRE(kartla_card_fingerprint(u8(card_file), card_file.size(), &card_fingerprint.b) == KARTLA_OK);
  CHECK(card_fingerprint.str() == text(v, "fingerprint"));
}

TEST_CASE("identity.json: every listed spelling of the recovery code unlocks the same identity") {
  const Node& v = identity_vector();
  const std::string file = bytes(v, "identity_file");
  for (const Node& variant : list(v, "recovery_code_variants").values()) {
    const std::string code = text(variant, "code");
    INFO(text(variant, "comment") << ": \"" << code << "\"");
    kartla_identity* out = nullptr;
    const kartla_status s = kartla_identity_recover(u8(file), file.size(), u8(code), code.size(), &out);
    IdentityPtr recovered(out);
    INFO(kartla_last_error());
    REQUIRE(name_of(s) == text(variant, "result"));
    CHECK(card_of(recovered.get()) == bytes(v, "card_file"));
  }
}

TEST_CASE("record.json: each version verifies without a key and reports what the vector says") {
  const Node doc = load_vector_file("record.json");
  for (const Node& version : list(doc, "versions").values()) {
    INFO(text(version, "comment"));
    const std::string file = bytes(version, "file");
    kartla_verification* out = nullptr;
    const kartla_status s = kartla_verification_open(u8(file), file.size(), &out);
    VerificationPtr v(out);
    INFO(kartla_last_error());
    REQUIRE(s == KARTLA_OK);
    uint64_t sequence = 0;
    REQUIRE(kartla_verification_sequence(v.get(), &sequence) == KARTLA_OK);
    CHECK(sequence == number(version, "sequence"));
    Buffer record_id, fingerprint, previous, json;
    REQUIRE(kartla_verification_record_id(v.get(), &record_id.b) == KARTLA_OK);
    REQUIRE(kartla_verification_owner_fingerprint(v.get(), &fingerprint.b) == KARTLA_OK);
    REQUIRE(kartla_verification_previous_hash(v.get(), &previous.b) == KARTLA_OK);
    REQUIRE(kartla_verification_report(v.get(), KARTLA_ENCODING_PROTOBUF, &json.b) == KARTLA_OK);
    CHECK(record_id.str() == text(version, "record_id"));
    CHECK(fingerprint.str() == text(at(doc, "owner"), "fingerprint"));
    CHECK(previous.str() == text(version, "previous_manifest_hash"));
    check_verification_report(json.str(), text(version, "verification_json"));
    for (const Node& check : list(version, "last_seen_checks").values()) {
      INFO("last seen " << number(check, "last_seen"));
      CHECK(name_of(kartla_verification_check_last_seen(v.get(), number(check, "last_seen"))) ==
            text(check, "result"));
    }
  }
}

TEST_CASE("record.json: the owner reads back exactly the plaintext of every section") {
  const Node doc = load_vector_file("record.json");
  for (const Node& version : list(doc, "versions").values()) {
    INFO(text(version, "comment"));
    const std::string file = bytes(version, "file");
    kartla_record* out = nullptr;
    const kartla_status s = open_owned(file, &out);
    RecordPtr record(out);
    INFO(kartla_last_error());
    REQUIRE(s == KARTLA_OK);
    Buffer record_id;
    REQUIRE(kartla_record_id(record.get(), &record_id.b) == KARTLA_OK);
    CHECK(record_id.str() == text(version, "record_id"));
    uint64_t sequence = 0;
    REQUIRE(kartla_record_sequence(record.get(), &sequence) == KARTLA_OK);
    CHECK(sequence == number(version, "sequence"));
    size_t held = 0;
    for (size_t i = 0; i < kartla_section_count(); ++i) {
      int present = 0;
      REQUIRE(kartla_record_has_section(record.get(), kartla_section_name(i), &present) == KARTLA_OK);
      held += static_cast<size_t>(present);
    }
    CHECK(held == static_cast<size_t>(list(version, "sections").values_size()));
    for (const Node& section : list(version, "sections").values()) {
      const std::string name = text(section, "name");
      INFO("section " << name);
      Buffer plaintext;
      REQUIRE(kartla_record_section(record.get(), name.c_str(), &plaintext.b) == KARTLA_OK);
      CHECK(plaintext.str() == bytes(section, "content"));
      size_t size = 0;
      REQUIRE(kartla_record_section_size(record.get(), name.c_str(), &size) == KARTLA_OK);
      CHECK(size == number(section, "ciphertext_length") - 40);  // the padded length (SPEC 5.4)
    }
  }
}

namespace {

kartla_status run_check(const std::string& input, const Node& check) {
  const std::string op = text(check, "operation");
  if (op == "verify") {
    kartla_verification* out = nullptr;
    const kartla_status s = kartla_verification_open(u8(input), input.size(), &out);
    VerificationPtr v(out);
    CHECK((s == KARTLA_OK) == (out != nullptr));
    return s;
  }
  if (op == "open_record" || op == "read_section") {
    kartla_record* out = nullptr;
    kartla_status s = open_owned(input, &out);
    RecordPtr record(out);
    CHECK((s == KARTLA_OK) == (out != nullptr));
    if (op == "open_record") return s;
    if (s != KARTLA_OK) {
      FAIL_CHECK("the record must open before its section is read: " << name_of(s) << " " << kartla_last_error());
      return s;
    }
    Buffer plaintext;
    s = kartla_record_section(record.get(), text(check, "section").c_str(), &plaintext.b);
    if (s != KARTLA_OK) CHECK(plaintext.empty());  // no partial plaintext, ever
    return s;
  }
  if (op == "open_identity" || op == "recover_identity") {
    const std::string secret = text(check, op == "open_identity" ? "passphrase" : "recovery_code");
    kartla_identity* out = nullptr;
    const kartla_status s =
        op == "open_identity"
            ? kartla_identity_open(u8(input), input.size(), u8(secret), secret.size(), &out)
            : kartla_identity_recover(u8(input), input.size(), u8(secret), secret.size(), &out);
    IdentityPtr identity(out);
    CHECK((s == KARTLA_OK) == (out != nullptr));
    return s;
  }
  if (op == "open_share" || op == "read_share_section") {
    const bool read = op == "read_share_section";
    return open_share_and_read(input, text(check, "agency"), read ? text(check, "section") : std::string(),
                               read ? static_cast<int64_t>(number(check, "at")) : 0, nullptr);
  }
  if (op == "card_fingerprint") {
    Buffer fingerprint;
    const kartla_status s = kartla_card_fingerprint(u8(input), input.size(), &fingerprint.b);
    if (s != KARTLA_OK) CHECK(fingerprint.empty());
    return s;
  }
  FAIL("unknown operation " << op);
  return KARTLA_E_INTERNAL;
}

}  // namespace

void run_negative_file(const std::string& name) {
  const Node doc = load_vector_file(name);
  REQUIRE(list(doc, "vectors").values_size() > 0);
  for (const Node& vector : list(doc, "vectors").values()) {
    const std::string input = bytes(vector, "input");
    INFO("tc_id " << number(vector, "tc_id") << " " << text(vector, "name") << ": " << text(vector, "comment"));
    for (const Node& check : list(vector, "checks").values()) {
      INFO(text(check, "operation") << (has(check, "section") ? " " + text(check, "section") : std::string()));
      const kartla_status s = run_check(input, check);
      INFO("gave " << name_of(s) << " (" << kartla_last_error() << ")");
      CHECK(name_of(s) == text(check, "result"));
    }
  }
}

TEST_CASE("negative.json: every check gives exactly the status the vector names") {
  run_negative_file("negative.json");
}

TEST_CASE("bundle_negative.json: every check gives exactly the status the vector names") {
  run_negative_file("bundle_negative.json");
}

TEST_CASE("bundle.json: the agencies' identities open and show their cards and fingerprints") {
  for (const Node& a : list(bundle_vector(), "agencies").values()) {
    INFO(text(a, "label"));
    const kartla_identity* id = agency(text(a, "label"));
    CHECK(card_of(id) == bytes(a, "card_file"));
    Buffer fingerprint;
    REQUIRE(kartla_identity_fingerprint(id, &fingerprint.b) == KARTLA_OK);
    CHECK(fingerprint.str() == text(a, "fingerprint"));
  }
}

TEST_CASE("bundle.json: the record, the bundle and the revoked record verify with the reports the vector gives") {
  const Node& doc = bundle_vector();
  for (const char* input : {"record", "bundle", "revoked", "expired", "case_conference"}) {
    INFO(input);
    const Node& v = at(doc, input);
    const std::string file = bytes(v, "file");
    kartla_verification* out = nullptr;
    const kartla_status s = kartla_verification_open(u8(file), file.size(), &out);
    VerificationPtr verification(out);
    INFO(kartla_last_error());
    REQUIRE(s == KARTLA_OK);
    Buffer json;
    REQUIRE(kartla_verification_report(verification.get(), KARTLA_ENCODING_PROTOBUF, &json.b) == KARTLA_OK);
    check_verification_report(json.str(), text(v, "verification_json"));
    uint64_t sequence = 0;
    REQUIRE(kartla_verification_sequence(verification.get(), &sequence) == KARTLA_OK);
    CHECK(sequence == number(v, "sequence"));
  }
}

TEST_CASE("bundle.json: each agency sees its grants' purpose and GDPR bases as the grant vectors give them") {
  const Node& doc = bundle_vector();
  const std::string file = bytes(at(doc, "record"), "file");
  for (const Node& g : list(at(doc, "record"), "grants").values()) {
    const std::string label = text(g, "recipient");
    INFO(label);
    kartla_share* out = nullptr;
    REQUIRE(kartla_share_open(u8(file), file.size(), agency(label), &out) == KARTLA_OK);
    SharePtr share(out);
    Buffer json;
    REQUIRE(kartla_share_describe(share.get(), KARTLA_ENCODING_PROTOBUF, &json.b) == KARTLA_OK);
    const auto parsed = parsed_result<kartla::v1::ShareDescription>(json.str());
    const Node& terms = at(g, "terms_fields");
    const auto& described = parsed.grants();
    REQUIRE(described.size() == list(terms, "sections").values_size());
    for (int i = 0; i < described.size(); ++i) {
      const kartla::v1::SharedSection& d = described[i];
      CHECK(d.section() == text(list(terms, "sections").values(i), "name"));
      CHECK(d.purpose() == text(terms, "purpose"));
      CHECK(d.gdpr_art6_basis() == text(terms, "gdpr_art6_basis"));
      CHECK(d.gdpr_art9_basis() == text(terms, "gdpr_art9_basis"));
      CHECK(static_cast<uint64_t>(d.granted_at()) == number(terms, "granted_at"));
      CHECK(static_cast<uint64_t>(d.expires_at()) == number(terms, "expires_at"));
      CHECK(d.present());
      CHECK(d.current());
    }
  }
}

TEST_CASE("bundle.json: each agency of the case conference is shown the involved agencies its grant tells "
          "(SPEC 7.9)") {
  const Node& meeting = at(bundle_vector(), "case_conference");
  const std::string file = bytes(meeting, "file");
  for (const Node& g : list(meeting, "grants").values()) {
    const std::string label = text(g, "recipient");
    INFO(label);
    kartla_share* out = nullptr;
    REQUIRE(kartla_share_open(u8(file), file.size(), agency(label), &out) == KARTLA_OK);
    SharePtr share(out);
    Buffer described;
    REQUIRE(kartla_share_describe(share.get(), KARTLA_ENCODING_PROTOBUF, &described.b) == KARTLA_OK);
    const auto parsed = parsed_result<kartla::v1::ShareDescription>(described.str());
    const auto& told = list(at(g, "terms_fields"), "involved").values();
    REQUIRE(told.size() > 0);  // the vector tells: an empty list would test nothing here
    REQUIRE(parsed.involved_size() == told.size());
    for (int i = 0; i < told.size(); ++i) {
      const kartla::v1::InvolvedAgencyNotice& n = parsed.involved(i);
      CHECK(n.name() == text(told[i], "name"));
      CHECK(n.organisation_number() == text(told[i], "organisation_number"));
      CHECK(n.role() == text(told[i], "role"));
      CHECK(n.since() == text(told[i], "since"));
      CHECK(n.contact_name() == text(told[i], "contact_name"));
      CHECK(n.contact_pseudonym() == text(told[i], "contact_pseudonym"));
      CHECK(n.lead() == at(told[i], "lead").bool_value());
    }
  }
}

TEST_CASE("bundle.json: the bundle is pinned to identity.json's owner") {
  const std::string file = bytes(at(bundle_vector(), "bundle"), "file");
  kartla_share* out = nullptr;
  REQUIRE(kartla_share_open(u8(file), file.size(), agency("agency_a"), &out) == KARTLA_OK);
  SharePtr share(out);
  const std::string owner_card = card_of(owner());
  CHECK(kartla_share_check_owner(share.get(), u8(owner_card), owner_card.size()) == KARTLA_OK);
  const std::string agency_card = card_of(agency("agency_b"));
  CHECK(kartla_share_check_owner(share.get(), u8(agency_card), agency_card.size()) == KARTLA_E_INVALID_ARGUMENT);
}

TEST_CASE("bundle.json: every listed read gives its result and plaintext through the C ABI") {
  const Node& doc = bundle_vector();
  REQUIRE(list(doc, "reads").values_size() > 0);
  for (const Node& r : list(doc, "reads").values()) {
    const std::string input = text(r, "input");
    INFO(input << ": " << text(r, "agency") << " reads " << text(r, "section") << " at " << number(r, "at") << " ("
               << text(r, "comment") << ")");
    std::string plaintext;
    const kartla_status s = open_share_and_read(bytes(at(doc, input), "file"), text(r, "agency"), text(r, "section"),
                                                static_cast<int64_t>(number(r, "at")), &plaintext);
    INFO("gave " << name_of(s) << " (" << kartla_last_error() << ")");
    REQUIRE(name_of(s) == text(r, "result"));
    if (s == KARTLA_OK) CHECK(plaintext == bytes(r, "content"));
  }
}

// attest.json and attest_negative.json (SPEC §13) through the C ABI.

namespace {

const Node& attest_vector() {
  static const Node doc = load_vector_file("attest.json");
  return doc;
}

const Node& labelled(const Node& doc, const std::string& key, const std::string& label) {
  for (const Node& n : list(doc, key).values())
    if (text(n, "label") == label) return n;
  FAIL("attest.json has no " << key << " labelled " << label);
  return doc;
}

std::string trust_list_named(const Node& negative_doc, const std::string& label) {
  if (label.empty()) return "";
  if (label == "input_list") return bytes(negative_doc, "foreign_trust_list");
  return bytes(labelled(attest_vector(), "trust_lists", label), "file");
}

// verify_attestation: the status, and verdict and finding when a report is made.
void check_attestation(const std::string& file, const Node& check, const Node& doc) {
  const std::string card = bytes(labelled(attest_vector(), "owners", text(check, "owner")), "card_file");
  const std::string entry = bytes(check, "entry");
  const std::string record_id = text(check, "record_id");
  const std::string section = text(check, "section");
  const std::string entry_id = text(check, "entry_id");
  kartla_entry_ref ref;
  kartla_entry_ref_init(&ref);
  ref.owner_card = u8(card);
  ref.owner_card_len = card.size();
  ref.record_id = record_id.c_str();
  ref.section = section.c_str();
  ref.entry_id = entry_id.c_str();
  ref.entry = u8(entry);
  ref.entry_len = entry.size();
  const std::string list = trust_list_named(doc, text(check, "trust_list"));
  Buffer report;
  const kartla_status s = kartla_attestation_verify(u8(file), file.size(), &ref, u8(list), list.size(),
                                                    static_cast<int64_t>(number(check, "now")), KARTLA_ENCODING_PROTOBUF,
                                                    &report.b);
  INFO(text(check, "comment") << ": " << kartla_last_error());
  CHECK(name_of(s) == text(check, "result"));
  if (text(check, "verdict").empty()) {
    CHECK(report.empty());
    return;
  }
  REQUIRE_FALSE(report.empty());
  const auto parsed = parsed_result<kartla::v1::AttestationReport>(report.str());
  CHECK(parsed.verdict() == text(check, "verdict"));
  CHECK(parsed.finding() == text(check, "finding"));
  // The report names the entry the attestation itself names, once it decoded.
  if (text(check, "verdict") != "invalid") CHECK(parsed.entry_id() == entry_id);
}

kartla_status verify_list(const std::string& file, const Node& check) {
  const std::string expected = text(check, "expected_root");
  const std::string root = expected.empty() ? "" : bytes(labelled(attest_vector(), "roots", expected), "card_file");
  Buffer out;
  const kartla_status s = kartla_trust_list_verify(u8(file), file.size(), u8(root), root.size(),
                                                   number(check, "last_seen"), static_cast<int64_t>(number(check, "now")),
                                                   KARTLA_ENCODING_PROTOBUF, &out.b);
  if (s != KARTLA_OK) CHECK(out.empty());
  return s;
}

kartla_status describe(const std::string& file, const Node& check, std::string* json) {
  const std::string record_id = text(check, "record_id");
  Buffer out;
  const kartla_status s = kartla_contribution_describe(owner(), u8(file), file.size(),
                                                       record_id.empty() ? nullptr : record_id.c_str(),
                                                       static_cast<int64_t>(number(check, "now")),
                                                       KARTLA_ENCODING_PROTOBUF, &out.b);
  if (s != KARTLA_OK) CHECK(out.empty());  // nothing is described of a file that fails
  if (json != nullptr) *json = out.str();
  return s;
}

}  // namespace

TEST_CASE("attest.json: the attestation gives the listed verdict at each time, with and without the trust list") {
  const Node& doc = attest_vector();
  const std::string file = bytes(at(doc, "attestation"), "file");
  for (const Node& check : list(doc, "attestation_checks").values()) check_attestation(file, check, doc);
}

TEST_CASE("attest.json: the trust lists verify as listed and name the agency with its validity") {
  const Node& doc = attest_vector();
  for (const Node& check : list(doc, "trust_list_checks").values()) {
    const std::string file = bytes(labelled(doc, "trust_lists", text(check, "input")), "file");
    INFO(text(check, "comment") << ": " << kartla_last_error());
    CHECK(name_of(verify_list(file, check)) == text(check, "result"));
  }
  const std::string file = bytes(labelled(doc, "trust_lists", "current"), "file");
  const auto now = static_cast<int64_t>(number(list(doc, "trust_list_checks").values(0), "now"));
  Buffer out;
  REQUIRE(kartla_trust_list_verify(u8(file), file.size(), nullptr, 0, 0, now, KARTLA_ENCODING_PROTOBUF, &out.b) ==
          KARTLA_OK);
  const auto parsed = parsed_result<kartla::v1::TrustListDescription>(out.str());
  REQUIRE(parsed.agencies_size() > 0);
  const kartla::v1::ListedAgency& listed = parsed.agencies(0);
  const Node& agency = at(doc, "agency");
  const Node& fields = list(at(labelled(doc, "trust_lists", "current"), "fields"), "agencies").values(0);
  CHECK(listed.fingerprint() == text(agency, "fingerprint"));
  CHECK(static_cast<uint64_t>(listed.valid_from()) == number(fields, "valid_from"));
  CHECK(static_cast<uint64_t>(listed.valid_until()) == number(fields, "valid_until"));
  CHECK(parsed.root().fingerprint() == text(labelled(doc, "roots", "root"), "fingerprint"));
}

TEST_CASE("attest.json: the owner opens the contribution, sees its sender and accepts it into the record") {
  const Node& doc = attest_vector();
  const Node& c = at(doc, "contribution");
  const std::string file = bytes(c, "file");
  for (const Node& check : list(doc, "contribution_checks").values()) {
    INFO(text(check, "comment"));
    if (text(check, "operation") == "describe_contribution") {
      std::string bytes_out;
      const kartla_status s = describe(file, check, &bytes_out);
      CHECK(name_of(s) == text(check, "result"));
      if (s != KARTLA_OK) continue;
      const auto parsed = parsed_result<kartla::v1::ContributionDescription>(bytes_out);
      CHECK(parsed.entry_id() == text(c, "entry_id"));
      CHECK(parsed.record_id() == text(at(doc, "record"), "record_id"));
      CHECK(parsed.sender().fingerprint() == text(at(doc, "agency"), "fingerprint"));
      continue;
    }
    REQUIRE(text(check, "operation") == "accept_contribution");
    const std::string record_file = bytes(at(doc, "record"), "file");
    kartla_record* out = nullptr;
    REQUIRE(open_owned(record_file, &out) == KARTLA_OK);
    RecordPtr record(out);
    int added = -1;
    const kartla_status s = kartla_record_accept_contribution(record.get(), owner(), u8(file), file.size(),
                                                              static_cast<int64_t>(number(check, "now")), &added);
    CHECK(name_of(s) == text(check, "result"));
    CHECK(static_cast<uint64_t>(added) == number(check, "added"));
    Buffer content;
    REQUIRE(kartla_record_section(record.get(), "competences", &content.b) == KARTLA_OK);
    Buffer entry;
    REQUIRE(kartla_section_entry("competences", content.b.data, content.b.len, text(c, "entry_id").c_str(),
                                 &entry.b) == KARTLA_OK);
    CHECK(entry.str() == bytes(at(c, "fields"), "entry"));
    REQUIRE(kartla_record_accept_contribution(record.get(), owner(), u8(file), file.size(),
                                              static_cast<int64_t>(number(check, "now")), &added) == KARTLA_OK);
    CHECK(added == 0);  // accepting twice changes nothing (SPEC §13.5 step 1)
  }
}

TEST_CASE("attest.json: each listed entry is the exact bytes inside the section content") {
  const Node& record = at(attest_vector(), "record");
  const std::string content = bytes(record, "content");
  for (const Node& e : list(record, "entries").values()) {
    Buffer entry;
    REQUIRE(kartla_section_entry("competences", u8(content), content.size(), text(e, "entry_id").c_str(),
                                 &entry.b) == KARTLA_OK);
    CHECK(entry.str() == bytes(e, "entry"));
  }
}

TEST_CASE("attest_negative.json: every check gives exactly the status, verdict and finding the vector names") {
  const Node doc = load_vector_file("attest_negative.json");
  for (const Node& v : list(doc, "vectors").values()) {
    const std::string input = bytes(v, "input");
    for (const Node& check : list(v, "checks").values()) {
      INFO(text(v, "name") << " / " << text(check, "comment"));
      const std::string op = text(check, "operation");
      if (op == "verify_attestation") {
        check_attestation(input, check, doc);
      } else if (op == "verify_trust_list") {
        CHECK(name_of(verify_list(input, check)) == text(check, "result"));
      } else if (op == "describe_contribution") {
        CHECK(name_of(describe(input, check, nullptr)) == text(check, "result"));
      } else if (op == "accept_contribution") {
        // Into attest.json's record.file, opened as its owner; a refused contribution leaves the
        // section as it was (SPEC §13.5).
        const std::string record_file = bytes(at(attest_vector(), "record"), "file");
        kartla_record* out = nullptr;
        REQUIRE(kartla_record_open(u8(record_file), record_file.size(), owner(), &out) == KARTLA_OK);
        RecordPtr record(out);
        int added = -1;
        const kartla_status s = kartla_record_accept_contribution(record.get(), owner(), u8(input), input.size(),
                                                                  static_cast<int64_t>(number(check, "now")), &added);
        INFO(kartla_last_error());
        CHECK(name_of(s) == text(check, "result"));
        CHECK(static_cast<uint64_t>(added) == number(check, "added"));
        if (s != KARTLA_OK) {
          Buffer content;
          REQUIRE(kartla_record_section(record.get(), "competences", &content.b) == KARTLA_OK);
          CHECK(content.str() == bytes(at(attest_vector(), "record"), "content"));
        }
      } else if (op == "verify_record") {
        kartla_verification* out = nullptr;
        const kartla_status s = kartla_verification_open(u8(input), input.size(), &out);
        VerificationPtr owned(out);
        CHECK(name_of(s) == text(check, "result"));
      } else {
        FAIL("unknown operation " << op);
      }
    }
  }
}

// receipt.json (SPEC §7.6): kartla_receipt_describe verifies each receipt with its owner and
// agency pinned and describes exactly its fields; every negative gives its status.
TEST_CASE("receipt.json: each receipt verifies pinned and describes the fields the vector gives") {
  const Node doc = load_vector_file("receipt.json");
  const std::string owner_card = bytes(at(doc, "owner"), "card_file");
  for (const Node& r : list(doc, "receipts").values()) {
    INFO(text(r, "name"));
    const std::string file = bytes(r, "file");
    const std::string agency_card = bytes(at(doc, "agency_cards"), text(r, "agency"));
    Buffer json;
    REQUIRE(kartla_receipt_describe(u8(file), file.size(), u8(owner_card), owner_card.size(), u8(agency_card),
                                    agency_card.size(), KARTLA_ENCODING_PROTOBUF, &json.b) == KARTLA_OK);
    const auto d = parsed_result<kartla::v1::ReceiptDescription>(json.str());
    const Node& f = at(r, "fields");
    CHECK(d.kind() == (number(f, "kind") == 1 ? "grant" : "termination"));
    CHECK(d.record_id() == text(f, "record_id"));
    CHECK(d.grant_id() == text(f, "grant_id"));
    CHECK(d.owner_fingerprint() == text(r, "owner_fingerprint"));
    CHECK(d.agency_fingerprint() == text(r, "agency_fingerprint"));
    CHECK(d.agency_name() == text(f, "agency_name"));
    const auto& sections = list(f, "sections").values();
    REQUIRE(d.sections_size() == sections.size());
    for (int i = 0; i < sections.size(); ++i) CHECK(d.sections(i) == sections[i].string_value());
    CHECK(d.purpose() == text(f, "purpose"));
    CHECK(d.gdpr_art6_basis() == text(f, "gdpr_art6_basis"));
    CHECK(d.gdpr_art9_basis() == text(f, "gdpr_art9_basis"));
    CHECK(static_cast<uint64_t>(d.granted_at()) == number(f, "granted_at"));
    CHECK(static_cast<uint64_t>(d.expires_at()) == number(f, "expires_at"));
    CHECK(static_cast<uint64_t>(d.ended_at()) == number(f, "ended_at"));
    const uint64_t reason = number(f, "end_reason");
    CHECK(d.end_reason() == (reason == 1 ? "revoked" : reason == 2 ? "expired" : ""));
    CHECK(d.sequence() == number(f, "sequence"));
    CHECK(d.manifest_hash() == text(f, "manifest_hash"));
  }
  for (const Node& v : list(doc, "negative").values()) {
    INFO(text(v, "name") << ": " << text(v, "comment"));
    const std::string input = bytes(v, "input");
    const std::string owner = bytes(v, "owner_card");
    const std::string agency = bytes(v, "agency_card");
    Buffer json;
    const kartla_status s = kartla_receipt_describe(u8(input), input.size(), u8(owner), owner.size(), u8(agency),
                                                    agency.size(), KARTLA_ENCODING_PROTOBUF, &json.b);
    CHECK(name_of(s) == text(v, "result"));
    CHECK((s == KARTLA_OK) != json.empty());
  }
}
