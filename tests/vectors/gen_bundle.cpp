// SPDX-License-Identifier: Apache-2.0
// bundle.json: an owner shares sections with two agencies, exports one agency's share bundle and
// then revokes that agency (docs/SPEC.md §7), with every value an independent reader needs to
// check the bundle from the spec alone: the agency's secret key, the grant's sealed-box plaintext
// and its decoded terms, the section keys and the expected plaintexts.
#include <algorithm>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "crypto/box.h"
#include "crypto/kdf.h"
#include "crypto/padding.h"
#include "expected_report.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/framing.h"
#include "format/grant_codec.h"
#include "format/labels.h"
#include "format/section_crypto.h"
#include "forge.h"
#include "generator.h"
#include "identity/agency_details.h"
#include "model/section_registry.h"
#include "share/bundle.h"
#include "share/case_bundle.h"
#include "share/issue_grant.h"
#include "share/end_grants.h"
#include "share/revoke.h"
#include "sample_content.h"

namespace kartla::vectors {
namespace {

constexpr int64_t kWrittenAt = 1740960000;  // 2025-03-03T00:00:00Z: when the participant wrote the content

Section profile() { return {"profile", sample::profile("Amina", "Hassan", kWrittenAt)}; }

Section languages() { return {"languages", sample::mother_tongue("lang-som", "so", "Somali", kWrittenAt)}; }

Section work_ability() {
  return {"work_ability", sample::work_ability("wa-1", "Short breaks during the day", kWrittenAt)};
}

// The case record's action plan: the two agencies involved, the municipality leading (SPEC 7.9).
// Neither agency is granted it; both are told the list.
Section case_plan() {
  return {"action_plan",
          wire::bytes_always(8, sample::self_reported(kWrittenAt)) +  // the plan's own assertion
              sample::involved_agency("inv-kommun", "2120001124", "Malmo stad arbetsmarknadsenhet", "municipal_labour_unit",
                                  2025, 1, 15, true, "Sara Lind", false, kWrittenAt) +
              sample::involved_agency("inv-af", "2021002114", "Arbetsformedlingen", "employment_service", 2024, 11, 0,
                                      false, "handlaggare 3", true, kWrittenAt)};
}

Section notes() {
  return {"notes", sample::note("n1", "Interested in a work placement in elderly care.", kWrittenAt)};
}

constexpr const char* kPurposeA = "Matching to a work placement (arbetsmarknadsinsats)";
constexpr const char* kPurposeB = "Registration at the employment service";
constexpr const char* kCasePurpose = "samordningsmöte 2025-03-03";

Agency make_agency(const std::string& label, const std::string& name, const std::string& organisation_number,
                   uint32_t role, const std::string& passphrase) {
  identity::NewIdentity options;
  options.kind = format::CardKind::agency;
  options.name = name;
  options.organisation_number = organisation_number;
  options.role = role;
  options.kdf_opslimit = 3;
  options.kdf_memlimit_bytes = 64ull << 20;
  options.created_at = kCardCreatedAt;
  identity::check_card_details(options);  // as kartla_identity_new_agency: a valid organisation number and role
  identity::CreatedIdentity created = identity::Identity::create(options, passphrase);
  std::string file = created.identity.file_bytes();
  return Agency{label, std::move(created.identity), std::move(file), passphrase};
}

model::OwnerKeys keys_of(const Owner& owner) { return {owner.identity.signing_keys(), owner.identity.box_keys()}; }

const Section& section_named(const Sharing& sharing, const std::string& name) {
  for (const auto& s : sharing.sections)
    if (s.name == name) return s;
  throw std::logic_error("no sample section " + name);
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// A grant taken apart with the recipient's key, as an independent reader would (SPEC §7.1).
Json grant_vector(const std::string& grant, const Agency& recipient, const RecordKeys& keys) {
  const auto opened_box = crypto::open_sealed(recipient.identity.box_keys(), grant, grant.size() - crypto::kSealOverhead);
  if (!opened_box) throw std::logic_error("the grant does not open with its recipient's key");
  const std::string padded(opened_box->view().as_string_view());
  const std::string payload = padded.substr(
      0, crypto::unpadded_size(reinterpret_cast<const uint8_t*>(padded.data()), padded.size()));
  if (pad(payload) != padded) throw std::logic_error("the grant payload is not padded as SPEC 5.4 says");
  const std::string prefix = std::string(format::label::kGrantPayload) + '\0';
  if (payload.compare(0, prefix.size(), prefix) != 0) throw std::logic_error("grant payload prefix");
  uint32_t terms_size = 0;
  for (int i = 0; i < 4; ++i) terms_size |= uint32_t{static_cast<uint8_t>(payload[prefix.size() + i])} << (8 * i);
  const std::string terms = payload.substr(prefix.size() + 4, terms_size);
  const std::string secrets = payload.substr(prefix.size() + 4 + terms_size);

  const std::optional<format::Grant> opened = format::open_grant(
      recipient.identity.box_keys(), recipient.identity.signing_keys().public_key, grant);
  if (!opened || opened->sections.size() * 64 != secrets.size()) throw std::logic_error("the grant does not parse");
  const format::GrantTerms& t = opened->terms;
  Json sections = Json::array();
  Json key_list = Json::array();
  for (size_t i = 0; i < opened->sections.size(); ++i) {
    const auto& s = opened->sections[i];
    if (s.slot_secret.view().to_string() != keys.slot_secret(s.section_id) ||
        s.key.view().to_string() != keys.section_key(s.section_id, s.generation).view().to_string())
      throw std::logic_error("a grant carries keys the owner's RMK does not give");
    Json j = Json::object();
    j.add("section_id", Json::number(s.section_id));
    j.add("name", Json::string(std::string(model::section_by_id(s.section_id)->name)));
    j.add("generation", Json::number(s.generation));
    sections.push(std::move(j));
    Json k = Json::object();
    k.add("section_key", Json::hex(s.key.view()));
    k.add("slot_secret", Json::hex(s.slot_secret.view()));
    k.add("slot_tag", Json::hex(keys.slot_tag(s.section_id)));
    k.add("slot_commitment", Json::hex(keys.slot_commitment(s.section_id)));
    key_list.push(std::move(k));
  }
  Json fields = Json::object();
  fields.add("format_version", Json::number(1));
  fields.add("grant_id", Json::hex(t.grant_id));
  fields.add("record_id", Json::hex(t.record_id));
  fields.add("recipient_signing_key", Json::hex(t.recipient_signing_key));
  fields.add("recipient_encryption_key", Json::hex(t.recipient_encryption_key));
  fields.add("purpose", Json::string(t.purpose));
  fields.add("granted_at", Json::number(static_cast<uint64_t>(t.granted_at)));
  fields.add("expires_at", Json::number(static_cast<uint64_t>(t.expires_at)));
  fields.add("sections", std::move(sections));
  fields.add("gdpr_art6_basis", Json::string(t.gdpr_art6_basis));
  fields.add("gdpr_art9_basis", Json::string(t.gdpr_art9_basis));
  Json involved = Json::array();
  for (const format::InvolvedNotice& n : t.involved) {
    Json j = Json::object();
    j.add("name", Json::string(n.name));
    j.add("organisation_number", Json::string(n.organisation_number));
    j.add("role", Json::string(n.role));
    j.add("since", Json::string(n.since));
    j.add("contact_name", Json::string(n.contact_name));
    j.add("contact_pseudonym", Json::string(n.contact_pseudonym));
    j.add("lead", Json::boolean(n.lead));
    involved.push(std::move(j));
  }
  fields.add("involved", std::move(involved));

  const crypto::Digest digest = format::grant_digest(grant);
  Json g = Json::object();
  g.add("recipient", Json::string(recipient.label));
  g.add("grant", Json::hex(grant));
  g.add("grant_digest", Json::hex({digest.data(), digest.size()}));
  g.add("padded_payload", Json::hex(padded));
  g.add("payload", Json::hex(payload));
  g.add("terms", Json::hex(terms));
  g.add("terms_fields", std::move(fields));
  g.add("keys", std::move(key_list));
  return g;
}

// The grant of `file` that `agency` can open (exactly one).
std::string grant_for(const std::string& file, const Agency& agency) {
  const format::MemorySource source(file);
  std::string found;
  for (const auto& g : format::read_container(source).grants) {
    if (!format::open_grant(agency.identity.box_keys(), agency.identity.signing_keys().public_key, g)) continue;
    if (!found.empty()) throw std::logic_error("two grants for one agency");
    found = g;
  }
  if (found.empty()) throw std::logic_error("no grant for " + agency.label);
  return found;
}

Json agency_vector(const Agency& agency, const char* comment) {
  const format::Card& card = agency.identity.card().card;
  Json j = Json::object();
  j.add("label", Json::string(agency.label));
  j.add("comment", Json::string(comment));
  j.add("name", Json::string(card.name));
  j.add("organisation_number", Json::string(card.organisation_number));
  j.add("role", Json::number(card.role));
  j.add("identity_file", Json::hex(agency.file));
  j.add("passphrase", Json::string(agency.passphrase));
  j.add("card_file", Json::hex(agency.identity.card_file()));
  j.add("signing_key", Json::hex(card.signing_key));
  j.add("encryption_key", Json::hex(card.encryption_key));
  j.add("fingerprint", Json::string(agency.identity.fingerprint()));
  // Ed25519 seed || X25519 secret key, as in an identity file (SPEC §4.1): the X25519 half opens
  // the agency's grants.
  const std::string secret_keys = agency.identity.signing_keys().secret_key.view().to_string().substr(0, 32) +
                                  agency.identity.box_keys().secret_key.view().to_string();
  j.add("secret_keys", Json::hex(secret_keys));
  return j;
}

// Every present section of a container file, identified and keyed with the owner's RMK.
struct FileView {
  ContainerParts parts;
  std::vector<format::SectionEntry> entries;
  std::vector<uint32_t> ids;          // from the slot tags
  std::vector<uint32_t> generations;  // from the owner index
  std::vector<uint64_t> offsets;
  uint64_t header_length = 0;
  uint64_t size = 0;

  uint32_t generation_of(uint32_t id) const {
    for (size_t i = 0; i < ids.size(); ++i)
      if (ids[i] == id) return generations[i];
    throw std::logic_error("no such section in the file");
  }
};

FileView view_of(const std::string& file, const RecordKeys& keys) {
  FileView v;
  v.parts = split_container(file);
  v.size = file.size();
  const format::OwnerIndex index = keys.open_index(v.parts.manifest);
  uint64_t bodies = 0;
  for (const auto& b : v.parts.bodies) bodies += b.size();
  v.header_length = file.size() - format::kFramePrefixBytes - bodies;
  uint64_t offset = format::kFramePrefixBytes + v.header_length;
  for (size_t i = 0; i < v.parts.entries.size(); ++i) {
    const format::SectionEntry e = format::decode_section_entry(v.parts.entries[i]);
    const uint32_t id = keys.section_of(e.slot_tag);
    const auto indexed = std::find_if(index.sections.begin(), index.sections.end(),
                                      [&](const format::IndexedSection& s) { return s.section_id == id; });
    if (indexed == index.sections.end()) throw std::logic_error("an entry the owner index does not name");
    v.entries.push_back(e);
    v.ids.push_back(id);
    v.generations.push_back(indexed->generation);
    v.offsets.push_back(offset);
    offset += v.parts.bodies[i].size();
  }
  return v;
}

Json section_vector(const FileView& v, size_t i, const RecordKeys& keys, const Sharing& sharing) {
  const format::SectionEntry& e = v.entries[i];
  const uint32_t id = v.ids[i];
  const uint32_t generation = v.generations[i];
  const std::string name(model::section_by_id(id)->name);
  const format::SectionSlot slot{v.parts.manifest.record_id, id, generation};
  const crypto::SecretBuffer key = keys.section_key(id, generation);
  const crypto::SecretBuffer opened = format::open_section(key, slot, e, v.parts.bodies[i]);
  const crypto::Digest digest = entry_digest(v.parts.entries[i]);
  Json s = Json::object();
  s.add("name", Json::string(name));
  s.add("section_id", Json::number(id));
  s.add("generation", Json::number(generation));
  s.add("slot_secret", Json::hex(keys.slot_secret(id)));
  s.add("slot_tag", Json::hex(e.slot_tag));
  s.add("slot_commitment", Json::hex(keys.slot_commitment(id)));
  s.add("entry", Json::hex(v.parts.entries[i]));
  s.add("entry_digest", Json::hex({digest.data(), digest.size()}));
  s.add("body_offset", Json::number(v.offsets[i]));
  s.add("ciphertext_length", Json::number(e.ciphertext_length));
  s.add("ciphertext_hash", Json::hex(e.ciphertext_hash));
  s.add("section_key", Json::hex(key.view()));
  s.add("associated_data", Json::hex(format::section_associated_data(slot)));
  s.add("key_commitment", Json::hex(e.key_commitment));
  if (name == "sharing_ledger") {
    s.add("content_comment", Json::string("the owner-only sharing ledger (SPEC §7.5); its content is not given"));
  } else {
    if (opened.view().as_string_view() != section_named(sharing, name).plaintext)
      throw std::logic_error("section " + name + " does not hold what was written");
    s.add("content", Json::hex(opened.view()));
  }
  return s;
}

Json file_vector(const char* comment, const std::string& file, const FileView& v, const RecordKeys& keys,
                 const Sharing& sharing) {
  const format::Manifest& m = v.parts.manifest;
  Json sections = Json::array();
  for (size_t i = 0; i < v.entries.size(); ++i) sections.push(section_vector(v, i, keys, sharing));
  const crypto::Digest manifest_hash = format::manifest_hash(v.parts.manifest_bytes);
  Json refs = Json::array();
  for (const auto& r : m.sections) {
    Json j = Json::object();
    j.add("slot_tag", Json::hex(r.slot_tag));
    j.add("entry_digest", Json::hex(r.entry_digest));
    refs.push(std::move(j));
  }
  Json j = Json::object();
  j.add("comment", Json::string(comment));
  j.add("file", Json::hex(file));
  j.add("record_id", Json::hex(m.record_id));
  j.add("sequence", Json::number(m.sequence));
  j.add("previous_manifest_hash", Json::hex(m.previous_manifest_hash));
  j.add("header_length", Json::number(v.header_length));
  j.add("manifest", Json::hex(v.parts.manifest_bytes));
  j.add("manifest_hash", Json::hex({manifest_hash.data(), manifest_hash.size()}));
  j.add("manifest_signature", Json::hex(v.parts.signature));
  j.add("slot_commitments", Json::hex(m.slot_commitments));
  j.add("section_refs", std::move(refs));
  j.add("owner_index", owner_index_vector(keys, m));
  j.add("sections_listed", Json::number(m.sections.size()));
  j.add("grants_listed", Json::number(m.grant_digests.size()));
  j.add("grants_present", Json::number(v.parts.grants.size()));
  j.add("verification_json", Json::string(expected_report(m, v.entries, v.parts.grants.size(), v.size)));
  j.add("sections", std::move(sections));
  return j;
}

// Each section of `before` with its generation there and in `after`; `ended` names the sections the
// ended grant covered, which must have moved to new generations.
Json rotation(const RecordKeys& keys, const FileView& before, const FileView& after,
              const std::vector<std::string>& ended) {
  Json out = Json::array();
  for (const auto& s : keys.open_index(before.parts.manifest).sections) {
    const std::string name(model::section_by_id(s.section_id)->name);
    Json j = Json::object();
    j.add("name", Json::string(name));
    j.add("generation_before", Json::number(s.generation));
    j.add("generation_after", Json::number(after.generation_of(s.section_id)));
    j.add("rotated", Json::boolean(contains(ended, name)));
    out.push(std::move(j));
  }
  return out;
}

// One read by an agency: the outcome is written here from the spec, not taken from the library.
Json agency_read(const char* input, const Agency& agency, const std::string& section, int64_t at, const char* result,
          const Sharing& sharing, const char* comment) {
  Json j = Json::object();
  j.add("input", Json::string(input));
  j.add("agency", Json::string(agency.label));
  j.add("section", Json::string(section));
  j.add("at", Json::number(static_cast<uint64_t>(at)));
  j.add("result", Json::string(result));
  if (std::string(result) == "OK") j.add("content", Json::hex(section_named(sharing, section).plaintext));
  j.add("comment", Json::string(comment));
  return j;
}

}  // namespace

Sharing make_sharing(const Owner& owner, const std::string& work_dir) {
  Sharing out{make_agency("agency_a", "Malmo stad arbetsmarknadsenhet", "212000-1124", 1, "agency a passphrase"),
              make_agency("agency_b", "Arbetsformedlingen", "202100-2114", 2, "agency b passphrase"),
              {profile(), languages(), work_ability(), notes()},
              {"profile", "notes"},
              {"profile", "languages", "work_ability"},
              {},
              {},
              {},
              {},
              {"profile", "notes"},
              {"languages"},
              {},
              {}};
  const std::string path = work_dir + "/shared.kartla";
  model::Record record = model::Record::create(keys_of(owner));
  for (const auto& s : out.sections) write_valid_section(record, s);

  share::ShareRequest to_a;
  to_a.agency_card_file = out.a.identity.card_file();
  to_a.sections = out.a_sections;
  to_a.purpose = kPurposeA;
  to_a.now = kGrantedToA;
  to_a.expires_at = kExpiryOfA;
  const share::IssuedGrant grant_a = share::share_sections(record, to_a);
  share::ShareRequest to_b;
  to_b.agency_card_file = out.b.identity.card_file();
  to_b.sections = out.b_sections;
  to_b.purpose = kPurposeB;
  to_b.now = kGrantedToB;
  to_b.gdpr_art6_basis = "6.1.e";  // a public authority's task
  to_b.gdpr_art9_basis = "9.2.b";  // employment and social security law
  share::share_sections(record, to_b);
  record.save(path);
  out.record = read_file(path);

  const std::string bundle_path = work_dir + "/bundle-a.kartla";
  share::export_grant_bundle(record, grant_a.grant_id_hex, kReadBefore, bundle_path);
  out.bundle = read_file(bundle_path);

  share::revoke_agency(record, out.a.identity.card_file(), kRevokedA);
  record.save(path);
  out.revoked = read_file(path);

  // The other way a grant ends (SPEC §7.4): the owner saves `record` again after A's expiry.
  const std::string expired_path = work_dir + "/expired.kartla";
  {
    std::ofstream copy(expired_path, std::ios::binary | std::ios::trunc);
    copy << out.record;
    if (!copy) throw std::runtime_error("cannot write " + expired_path);
  }
  model::Record again = model::Record::open(std::make_shared<format::OwnedMemorySource>(out.record), keys_of(owner));
  const share::EndedGrants ended = share::expire_grants(again, kReadExpired);
  if (ended.grant_ids.size() != 1 || ended.grant_ids[0] != grant_a.grant_id_hex)
    throw std::logic_error("A's grant should be the one expired");
  again.save(expired_path);
  out.expired = read_file(expired_path);

  // SPEC §7.7: a case conference. A record of its own (work_ability is never shared), A and B each
  // granted their own sections under one purpose and expiry, and the one bundle for both.
  const std::string case_path = work_dir + "/case.kartla";
  model::Record meeting = model::Record::create(keys_of(owner));
  for (const auto& s : out.sections) write_valid_section(meeting, s);
  write_valid_section(meeting, case_plan());
  std::vector<std::string> case_grants;
  for (const auto* seat : {&out.a, &out.b}) {
    share::ShareRequest request;
    request.agency_card_file = seat->identity.card_file();
    request.sections = seat == &out.a ? out.case_a_sections : out.case_b_sections;
    request.purpose = kCasePurpose;
    request.now = kGrantedToA;
    request.expires_at = kExpiryOfA;
    request.tell_involved = true;  // SPEC 7.9: the person consents to telling who is involved
    case_grants.push_back(share::share_sections(meeting, request).grant_id_hex);
  }
  meeting.save(case_path);
  out.case_record = read_file(case_path);
  const std::string case_bundle_path = work_dir + "/case-bundle.kartla";
  share::export_case_bundle(meeting, case_grants, kReadBefore, case_bundle_path);
  out.case_bundle = read_file(case_bundle_path);
  return out;
}

Json bundle_vectors(const Owner& owner, const Sharing& sharing) {
  const RecordKeys keys = record_keys(split_container(sharing.record).manifest, owner.identity.box_keys());
  const FileView record = view_of(sharing.record, keys);
  const FileView bundle = view_of(sharing.bundle, keys);
  const FileView revoked = view_of(sharing.revoked, keys);
  if (bundle.parts.manifest_bytes != record.parts.manifest_bytes)
    throw std::logic_error("the bundle does not carry the record's signed manifest");

  Json owner_json = Json::object();
  owner_json.add("identity", Json::string("identity.json"));
  owner_json.add("signing_key", Json::hex(owner.identity.signing_keys().public_key));
  owner_json.add("encryption_key", Json::hex(owner.identity.box_keys().public_key));
  owner_json.add("fingerprint", Json::string(owner.identity.fingerprint()));

  Json agencies = Json::array();
  agencies.push(agency_vector(sharing.a, "granted profile and notes with an expiry (Art. 6(1)(a)); receives the "
                                         "bundle; revoked"));
  agencies.push(agency_vector(sharing.b, "granted profile, languages and work_ability until revoked (Art. 6(1)(e), "
                                         "Art. 9(2)(b)); keeps its access"));

  Json record_json = file_vector("the owner's record (sequence 1) with both grants; the bundle is exported from it",
                                 sharing.record, record, keys, sharing);
  record_json.add("record_master_key", Json::hex(keys.rmk.view()));
  Json record_grants = Json::array();
  record_grants.push(grant_vector(grant_for(sharing.record, sharing.a), sharing.a, keys));
  record_grants.push(grant_vector(grant_for(sharing.record, sharing.b), sharing.b, keys));
  record_json.add("grants", std::move(record_grants));

  Json bundle_json = file_vector("agency_a's share bundle: the record's manifest and signature byte for byte, the "
                                 "entries and bodies of agency_a's sections, agency_a's grant only",
                                 sharing.bundle, bundle, keys, sharing);
  bundle_json.add("agency", Json::string(sharing.a.label));
  bundle_json.add("grant", grant_vector(grant_for(sharing.bundle, sharing.a), sharing.a, keys));
  Json left_out = Json::array();
  for (uint32_t id : record.ids) {
    const std::string name(model::section_by_id(id)->name);
    if (!contains(sharing.a_sections, name)) left_out.push(Json::string(name));
  }
  bundle_json.add("not_in_bundle", std::move(left_out));

  Json revoked_json = file_vector("the record after revoking agency_a (sequence 2): every section agency_a could read "
                                  "moved to a new generation, agency_b's grant re-issued under the new keys, "
                                  "agency_a's grant removed",
                                  sharing.revoked, revoked, keys, sharing);
  revoked_json.add("revoked", Json::string(sharing.a.label));
  revoked_json.add("at", Json::number(static_cast<uint64_t>(kRevokedA)));
  revoked_json.add("rotation", rotation(keys, record, revoked, sharing.a_sections));
  Json revoked_grants = Json::array();
  revoked_grants.push(grant_vector(grant_for(sharing.revoked, sharing.b), sharing.b, keys));
  revoked_json.add("grants", std::move(revoked_grants));

  const FileView expired = view_of(sharing.expired, keys);
  Json expired_json = file_vector("the record file (sequence 1) opened again by the owner after agency_a's expiry and "
                                  "saved (sequence 2): agency_a's grant ended as a revocation would end it",
                                  sharing.expired, expired, keys, sharing);
  expired_json.add("expired", Json::string(sharing.a.label));
  expired_json.add("at", Json::number(static_cast<uint64_t>(kReadExpired)));
  expired_json.add("rotation", rotation(keys, record, expired, sharing.a_sections));
  Json expired_grants = Json::array();
  expired_grants.push(grant_vector(grant_for(sharing.expired, sharing.b), sharing.b, keys));
  expired_json.add("grants", std::move(expired_grants));

  const RecordKeys case_keys = record_keys(split_container(sharing.case_record).manifest, owner.identity.box_keys());
  const FileView case_view = view_of(sharing.case_bundle, case_keys);
  Json case_json = file_vector("a case-conference bundle (SPEC 7.7) of another record of the same owner: the "
                               "manifest of case_record byte for byte, the entries of the union of both agencies' "
                               "sections (each once), agency_a's and agency_b's grants (one purpose, one expiry); "
                               "both grants tell the record's involved agencies (SPEC 7.9: terms_fields.involved, "
                               "from the action plan that neither agency is granted)",
                               sharing.case_bundle, case_view, case_keys, sharing);
  case_json.add("record_file", Json::hex(sharing.case_record));
  case_json.add("record_master_key", Json::hex(case_keys.rmk.view()));
  Json case_grants = Json::array();
  case_grants.push(grant_vector(grant_for(sharing.case_bundle, sharing.a), sharing.a, case_keys));
  case_grants.push(grant_vector(grant_for(sharing.case_bundle, sharing.b), sharing.b, case_keys));
  case_json.add("grants", std::move(case_grants));
  Json case_left_out = Json::array();
  for (uint32_t id : view_of(sharing.case_record, case_keys).ids) {
    const std::string name(model::section_by_id(id)->name);
    if (!contains(sharing.case_a_sections, name) && !contains(sharing.case_b_sections, name))
      case_left_out.push(Json::string(name));
  }
  case_json.add("not_in_bundle", std::move(case_left_out));

  Json reads = Json::array();
  const char* granted = "a granted section, before expiry";
  reads.push(agency_read("bundle", sharing.a, "profile", kReadBefore, "OK", sharing, granted));
  reads.push(agency_read("bundle", sharing.a, "notes", kReadBefore, "OK", sharing, granted));
  reads.push(agency_read("bundle", sharing.a, "notes", kExpiryOfA - 1, "OK", sharing, "the last second before expiry"));
  reads.push(agency_read("record", sharing.a, "notes", kReadBefore, "OK", sharing,
                  "the record file itself (the USB stick at the desk)"));
  const char* in_record = "agency_b's grant, in the record";
  reads.push(agency_read("record", sharing.b, "profile", kReadBefore, "OK", sharing, in_record));
  reads.push(agency_read("record", sharing.b, "languages", kReadBefore, "OK", sharing, in_record));
  reads.push(agency_read("record", sharing.b, "work_ability", kReadBefore, "OK", sharing,
                         "health data, granted with an Art. 9(2) basis"));
  reads.push(agency_read("revoked", sharing.b, "profile", kReadAfter, "OK", sharing,
                  "agency_b still reads profile after agency_a's revocation: its grant was re-issued under the "
                  "new generation's key"));
  reads.push(agency_read("revoked", sharing.b, "languages", kReadAfter, "OK", sharing,
                  "languages was not rotated; agency_b's re-issued grant names its unchanged generation"));
  reads.push(agency_read("bundle", sharing.a, "profile", kReadAfter, "OK", sharing,
                  "what was shared cannot be unshared: the old bundle still opens with the old key"));
  reads.push(agency_read("revoked", sharing.a, "profile", kReadBefore, "E_NOT_SHARED", sharing,
                  "after the revocation agency_a holds no grant in the file, whatever the time"));
  reads.push(agency_read("expired", sharing.a, "notes", kReadBefore, "E_NOT_SHARED", sharing,
                  "saved after agency_a's expiry: its grant is gone and notes moved to a new key, so even a clock set "
                  "back opens nothing"));
  reads.push(agency_read("expired", sharing.b, "profile", kReadExpired, "OK", sharing,
                  "agency_b's grant was re-issued under profile's new key when agency_a's grant expired"));
  reads.push(agency_read("expired", sharing.b, "work_ability", kReadExpired, "OK", sharing,
                  "work_ability was not rotated; its Art. 9(2) basis is kept in the re-issued grant"));

  const char* own = "a section of this agency's own grant in the case-conference bundle";
  const char* others = "present in the case-conference bundle, but granted to the other agency only: this agency "
                       "holds no key to it";
  reads.push(agency_read("case_conference", sharing.a, "profile", kReadBefore, "OK", sharing, own));
  reads.push(agency_read("case_conference", sharing.a, "notes", kReadBefore, "OK", sharing, own));
  reads.push(agency_read("case_conference", sharing.b, "languages", kReadBefore, "OK", sharing, own));
  reads.push(agency_read("case_conference", sharing.a, "languages", kReadBefore, "E_NOT_SHARED", sharing, others));
  reads.push(agency_read("case_conference", sharing.b, "profile", kReadBefore, "E_NOT_SHARED", sharing, others));
  reads.push(agency_read("case_conference", sharing.b, "notes", kReadBefore, "E_NOT_SHARED", sharing, others));
  reads.push(agency_read("case_conference", sharing.a, "work_ability", kReadBefore, "E_NOT_SHARED", sharing,
                         "granted to neither agency: not in the case-conference bundle at all"));
  reads.push(agency_read("case_conference", sharing.b, "languages", kReadExpired, "E_EXPIRED", sharing,
                         "the meeting's one expiry holds for every agency's grant"));

  Json doc = Json::object();
  doc.add("file", Json::string("bundle.json"));
  doc.add("spec", Json::string("docs/SPEC.md sections 5-8"));
  doc.add("notes",
          Json::string("The owner of identity.json shares profile and notes with agency_a (purpose, expiry) and "
                       "profile, languages and work_ability with agency_b, exports agency_a's share bundle, then revokes agency_a; "
                       "expired is the record saved again after agency_a's expiry instead. "
                       "Every file MUST verify without a key with verification_json as the report. Each reads[] "
                       "entry opens input (bundle, record, revoked, expired or case_conference) as the agency (its identity_file and passphrase, "
                       "or its secret_keys), reads section at time at (Unix seconds) and MUST give result and "
                       "content. The bundle (and case_conference) MUST hold no byte of a section in its not_in_bundle. "
                       "case_conference is one bundle for both agencies (SPEC 7.7) of case_conference.record_file, "
                       "a record of its own: each agency opens exactly one of its grants, and its entries are "
                       "exactly the union of the sections the grants name, each once. sections[] are in file "
                       "order; section ids and generations come from the owner index (owner_index, opened with "
                       "record.record_master_key)."));
  doc.add("owner", std::move(owner_json));
  doc.add("agencies", std::move(agencies));
  doc.add("record", std::move(record_json));
  doc.add("bundle", std::move(bundle_json));
  doc.add("revoked", std::move(revoked_json));
  doc.add("expired", std::move(expired_json));
  doc.add("case_conference", std::move(case_json));
  doc.add("reads", std::move(reads));
  return doc;
}

}  // namespace kartla::vectors
