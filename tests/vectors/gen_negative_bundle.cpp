// SPDX-License-Identifier: Apache-2.0
// bundle_negative.json: agency_a's share bundle of bundle.json (and the record files it came from)
// read the wrong way or changed in one place. Where a change must get past the owner's signature
// to reach the rule it tests, the manifest is re-signed with the owner's key (an owner attacking
// an agency, or a bug in a writer). Expected outcomes are written here from docs/SPEC.md §6.3 and
// §7, not taken from the library.
#include <algorithm>
#include <stdexcept>

#include "crypto/box.h"
#include "crypto/kdf.h"
#include "crypto/random.h"
#include "format/container_reader.h"
#include "format/framing.h"
#include "format/grant_codec.h"
#include "format/labels.h"
#include "format/section_crypto.h"
#include "forge.h"
#include "generator.h"
#include "mutate.h"
#include "negative_set.h"
#include "wire.h"

namespace kartla::vectors {
namespace {

constexpr uint32_t kProfileId = 1;
constexpr uint32_t kWorkAbilityId = 6;
constexpr uint32_t kNotesId = 11;
constexpr uint32_t kLedgerId = 12;

Check verify(const char* result) { return {"verify", result, "", ""}; }
Check open_owner(const char* result) { return {"open_record", result, "", ""}; }
Check open_as(const Agency& agency, const char* result) { return {"open_share", result, "", "", agency.label}; }
Check read_as(const Agency& agency, const char* section, int64_t at, const char* result) {
  return {"read_share_section", result, section, "", agency.label, static_cast<uint64_t>(at)};
}

// A grant as plain values, so a vector can change any part of it (the library's Grant holds its
// keys in secure memory and cannot be copied).
struct GrantDraft {
  struct Granted {
    uint32_t section_id = 0;
    uint32_t generation = 0;
    std::string key;
    std::string slot_secret;
  };
  format::GrantTerms terms;
  std::vector<Granted> sections;
  uint32_t format_version = 1;
  std::string terms_suffix;  // raw fields appended to the GrantTerms
};

// GrantTerms written field by field (SPEC §7.1), so a grant can carry what the library's writer
// never writes (another recipient, a section twice, the ledger, no basis).
std::string terms_wire(const GrantDraft& g) {
  std::string out = wire::varint_field(1, g.format_version) + wire::bytes_field(2, g.terms.grant_id) +
                    wire::bytes_field(3, g.terms.record_id) + wire::bytes_field(4, g.terms.recipient_signing_key) +
                    wire::bytes_field(5, g.terms.recipient_encryption_key) + wire::bytes_field(6, g.terms.purpose) +
                    wire::varint_field(7, static_cast<uint64_t>(g.terms.granted_at)) +
                    wire::varint_field(8, static_cast<uint64_t>(g.terms.expires_at));
  for (const auto& s : g.sections)
    out += wire::bytes_always(9, wire::varint_field(1, s.section_id) + wire::varint_field(2, s.generation));
  out += wire::bytes_field(10, g.terms.gdpr_art6_basis) + wire::bytes_field(11, g.terms.gdpr_art9_basis);
  for (const format::InvolvedNotice& n : g.terms.involved)  // SPEC §7.9
    out += wire::bytes_always(12, wire::bytes_field(1, n.name) + wire::bytes_field(2, n.organisation_number) +
                                      wire::bytes_field(3, n.role) + wire::bytes_field(4, n.since) +
                                      wire::bytes_field(5, n.contact_name) + wire::bytes_field(6, n.contact_pseudonym) +
                                      wire::varint_field(7, n.lead ? 1 : 0));
  return out + g.terms_suffix;
}

// The payload before padding: prefix, u32le(T), terms, key || slot secret per section.
std::string payload_of(const GrantDraft& g) {
  const std::string terms = terms_wire(g);
  std::string out = std::string(format::label::kGrantPayload) + '\0';
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((terms.size() >> (8 * i)) & 0xff));
  out += terms;
  for (const auto& s : g.sections) out += s.key + s.slot_secret;
  return out;
}

struct Base {
  const Sharing& sharing;
  ContainerParts bundle;
  ContainerParts revoked;
  const crypto::SigningKeyPair& owner;
  RecordKeys keys;
  size_t profile = 0;  // positions in the bundle's file order (ascending slot tag)
  size_t notes = 0;
  GrantDraft grant_a;  // agency_a's grant in the bundle
};

size_t position_of(const ContainerParts& p, const std::string& slot_tag) {
  for (size_t i = 0; i < p.entries.size(); ++i)
    if (slot_tag_of_entry(p.entries[i]) == slot_tag) return i;
  throw std::logic_error("no entry with that slot tag");
}

GrantDraft draft_of(const std::string& grant, const Agency& agency) {
  const crypto::BoxKeyPair& box = agency.identity.box_keys();
  std::optional<format::Grant> opened = format::open_grant(box, agency.identity.signing_keys().public_key, grant);
  if (!opened) throw std::logic_error("the agency cannot open its grant");
  GrantDraft d;
  d.terms = opened->terms;
  for (const auto& s : opened->sections)
    d.sections.push_back({s.section_id, s.generation, s.key.view().to_string(), s.slot_secret.view().to_string()});
  // The writer above must agree with the library's, or the vectors test a grant it never writes.
  const auto box_plaintext = crypto::open_sealed(box, grant, grant.size() - crypto::kSealOverhead);
  if (!box_plaintext || box_plaintext->view().as_string_view() != pad(payload_of(d)))
    throw std::logic_error("terms_wire differs from the library's grant encoding");
  return d;
}

std::string with_entry(const Base& b, size_t index, const format::SectionEntry& entry, const std::string& body) {
  ContainerParts p = b.bundle;
  const std::string replaced = entry_wire(entry);
  relist_entry(p.manifest, p.entries[index], replaced);
  p.entries[index] = replaced;
  p.bodies[index] = body;
  encode_and_sign(p, b.owner);
  return assemble(p);
}

// The bundle with agency_a's grant replaced by `grants` (box plaintexts, sealed to agency_a here).
// With `resign` the owner lists them in place of the old one; without, the manifest stays.
std::string with_grant_payloads(const Base& b, const std::vector<std::string>& plaintexts, bool resign) {
  ContainerParts p = b.bundle;
  if (p.grants.size() != 1) throw std::logic_error("the bundle should hold one grant");
  const std::string old = p.grants[0];
  p.grants.clear();
  for (const auto& plaintext : plaintexts)
    p.grants.push_back(crypto::seal_to(b.sharing.a.identity.box_keys().public_key, plaintext));
  if (resign) {
    auto& digests = p.manifest.grant_digests;
    digests.erase(std::find(digests.begin(), digests.end(), crypto::digest_bytes(format::grant_digest(old))));
    for (const auto& g : p.grants) digests.push_back(crypto::digest_bytes(format::grant_digest(g)));
    format::sort_digests(digests);
    encode_and_sign(p, b.owner);
  }
  return assemble(p);
}

// agency_a's grant changed by `change`, padded, and sealed to agency_a again.
template <typename Change>
std::string with_grant(const Base& b, Change change, bool resign) {
  GrantDraft g = b.grant_a;
  change(g);
  return with_grant_payloads(b, {pad(payload_of(g))}, resign);
}

uint32_t generation_of(const Base& b, uint32_t id) {
  for (const auto& s : b.keys.open_index(b.bundle.manifest).sections)
    if (s.section_id == id) return s.generation;
  throw std::logic_error("the record does not hold that section");
}

GrantDraft::Granted granted(const Base& b, uint32_t id, uint32_t generation) {
  return {id, generation, b.keys.section_key(id, generation).view().to_string(), b.keys.slot_secret(id)};
}

void unchanged_bundle_vectors(NegativeSet& set, const Base& b, const std::string& bundle) {
  const Agency& a = b.sharing.a;
  const Agency& other = b.sharing.b;
  set.bundle("opened_by_another_agency",
             "agency_a's bundle opened by agency_b: it opens (a file that grants nothing is not an error) but "
             "agency_b holds no grant in it, not even for profile, which the record grants it",
             bundle,
             {verify("OK"), open_as(other, "OK"), read_as(other, "profile", kReadBefore, "E_NOT_SHARED"),
              read_as(other, "notes", kReadBefore, "E_NOT_SHARED")});
  set.bundle("ungranted_section_requested",
             "agency_a asks for sections it was not granted: languages, work_ability and sharing_ledger (listed in "
             "the manifest, absent from the bundle) and education (not in the record at all)",
             bundle,
             {open_as(a, "OK"), read_as(a, "languages", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "work_ability", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "sharing_ledger", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "education", kReadBefore, "E_NOT_SHARED")});
  set.bundle("expired",
             "agency_a reads at and after its grant's expires_at: a grant is valid while at < expires_at",
             bundle,
             {open_as(a, "OK"), read_as(a, "profile", kExpiryOfA - 1, "OK"),
              read_as(a, "profile", kExpiryOfA, "E_EXPIRED"), read_as(a, "notes", kReadExpired, "E_EXPIRED")});
  set.bundle("opened_as_owner",
             "the bundle opened as the owner's record: it lacks sections, so saving it would drop them",
             bundle, {verify("OK"), open_owner("E_FORMAT")});
}

void framing_vectors(NegativeSet& set, const Base& b, const std::string& bundle) {
  const Agency& a = b.sharing.a;
  set.bundle("truncated_by_one_byte", "the last byte of the last body removed", bundle.substr(0, bundle.size() - 1),
             {verify("E_FORMAT"), open_as(a, "E_FORMAT")});
  set.bundle("truncated_in_header", "cut 20 bytes into the header",
             bundle.substr(0, format::kFramePrefixBytes + 20), {verify("E_FORMAT"), open_as(a, "E_FORMAT")});
  ContainerParts p = b.bundle;
  p.grants.push_back(p.grants[0]);
  set.bundle("grant_twice", "agency_a's grant present twice (it is listed once)", assemble(p),
             {verify("E_FORMAT"), open_as(a, "E_FORMAT")});
}

// Grants re-sealed to agency_a (anyone can seal to a public key) but not listed: the owner's
// signature covers every term through the grant digest.
void grant_term_vectors(NegativeSet& set, const Base& b) {
  const Agency& a = b.sharing.a;
  const std::vector<Check> refused = {verify("E_SIGNATURE"), open_as(a, "E_SIGNATURE")};
  set.bundle("purpose_edited",
             "the grant opened with agency_a's key, its purpose changed and sealed to agency_a again (anyone can "
             "seal to a public key); the manifest still lists the original grant's digest",
             with_grant(b, [](GrantDraft& g) { g.terms.purpose = "Any purpose at all"; }, false), refused);
  set.bundle("expiry_extended", "as purpose_edited, with expires_at moved one year later",
             with_grant(b, [](GrantDraft& g) { g.terms.expires_at += 365 * 86400; }, false), refused);
  set.bundle("expiry_removed", "as purpose_edited, with expires_at removed (no expiry)",
             with_grant(b, [](GrantDraft& g) { g.terms.expires_at = 0; }, false), refused);
  set.bundle("art6_basis_edited", "as purpose_edited, with gdpr_art6_basis changed from 6.1.a to 6.1.f",
             with_grant(b, [](GrantDraft& g) { g.terms.gdpr_art6_basis = "6.1.f"; }, false), refused);
  ContainerParts p = b.bundle;
  p.grants[0] = flip_bit(p.grants[0], p.grants[0].size() / 2, 3);
  set.bundle("grant_bit_flipped", "one bit in the middle of the grant's sealed box flipped", assemble(p), refused);
}

// SPEC §7.1 "Opening a grant" steps 3-7 and §7.3 step 2: grants the owner lists and signs, sealed to
// agency_a, each wrong in one place.
void owner_signed_grant_vectors(NegativeSet& set, const Base& b, const std::string& other_record_id) {
  const Agency& a = b.sharing.a;
  const Agency& other = b.sharing.b;
  auto refused_at_open = [&](const char* name, const char* comment, const std::string& file, const char* result) {
    set.bundle(name, comment, file, {verify("OK"), open_as(a, result)});
  };
  auto owner_signed = [&](auto change) { return with_grant(b, change, true); };

  set.bundle("grant_key_does_not_match_commitment",
             "the owner re-issues agency_a's grant with a random key for profile (notes keeps its key) and re-signs: "
             "the key does not match the commitment in profile's signed entry, so no grant of agency_a matches "
             "profile (checked before any decryption); notes still opens",
             owner_signed([](GrantDraft& g) { g.sections.at(0).key = crypto::random_public_bytes(32); }),
             {verify("OK"), open_as(a, "OK"), read_as(a, "profile", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "notes", kReadBefore, "OK")});
  refused_at_open("grant_for_another_record", "the owner re-issues agency_a's grant naming another record's id and "
                  "re-signs",
                  owner_signed([&](GrantDraft& g) { g.terms.record_id = other_record_id; }), "E_SIGNATURE");
  set.bundle("grant_names_another_recipient",
             "the owner re-issues agency_a's grant with agency_b's keys as recipient, sealed to agency_a, and "
             "re-signs: agency_a refuses it; agency_b cannot open it and finds nothing",
             owner_signed([&](GrantDraft& g) {
               g.terms.recipient_signing_key = other.identity.signing_keys().public_key;
               g.terms.recipient_encryption_key = other.identity.box_keys().public_key;
             }),
             {verify("OK"), open_as(a, "E_SIGNATURE"), open_as(other, "OK")});
  refused_at_open("grant_names_another_signing_key",
                  "the owner re-issues agency_a's grant with agency_a's encryption key but agency_b's signing key as "
                  "recipient, and re-signs: a grant for another card",
                  owner_signed([&](GrantDraft& g) {
                    g.terms.recipient_signing_key = other.identity.signing_keys().public_key;
                  }),
                  "E_SIGNATURE");
  set.bundle("grant_for_an_older_generation",
             "the owner re-issues agency_a's grant naming notes at the generation below its entry's (with that "
             "generation's key) and re-signs: no grant's key matches the entry in the file",
             owner_signed([&](GrantDraft& g) { g.sections.at(1) = granted(b, kNotesId, g.sections.at(1).generation - 1); }),
             {verify("OK"), open_as(a, "OK"), read_as(a, "notes", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "profile", kReadBefore, "OK")});

  // §5.3 and §7.3 step 2: the slot secret must be the one the owner committed to.
  refused_at_open("grant_slot_secret_of_another_section",
                  "the owner re-issues agency_a's grant carrying notes' slot secret for profile and re-signs: it does "
                  "not match position 0 (section 1) of the slot table",
                  owner_signed([&](GrantDraft& g) { g.sections.at(0).slot_secret = b.keys.slot_secret(kNotesId); }),
                  "E_INTEGRITY");
  refused_at_open("grant_slot_secret_random",
                  "the owner re-issues agency_a's grant with a random slot secret for notes and re-signs",
                  owner_signed([](GrantDraft& g) { g.sections.at(1).slot_secret = crypto::random_public_bytes(32); }),
                  "E_INTEGRITY");

  // §7.1 step 5: the terms.
  refused_at_open("grant_purpose_empty", "the owner re-issues agency_a's grant with an empty (absent) purpose and "
                  "re-signs",
                  owner_signed([](GrantDraft& g) { g.terms.purpose.clear(); }), "E_FORMAT");
  refused_at_open("grant_purpose_1025_bytes", "the owner re-issues agency_a's grant with a purpose of 1025 bytes and "
                  "re-signs",
                  owner_signed([](GrantDraft& g) { g.terms.purpose = std::string(1025, 'p'); }), "E_FORMAT");
  refused_at_open("grant_granted_at_zero", "the owner re-issues agency_a's grant with granted_at 0 (absent) and "
                  "re-signs",
                  owner_signed([](GrantDraft& g) { g.terms.granted_at = 0; }), "E_FORMAT");
  refused_at_open("grant_expires_before_granted", "the owner re-issues agency_a's grant with expires_at one second "
                  "before granted_at and re-signs",
                  owner_signed([](GrantDraft& g) { g.terms.expires_at = g.terms.granted_at - 1; }), "E_FORMAT");
  refused_at_open("grant_expires_at_granted_at", "the owner re-issues agency_a's grant with expires_at equal to "
                  "granted_at (not after it) and re-signs",
                  owner_signed([](GrantDraft& g) { g.terms.expires_at = g.terms.granted_at; }), "E_FORMAT");
  refused_at_open("grant_art6_basis_absent", "the owner re-issues agency_a's grant without gdpr_art6_basis and "
                  "re-signs",
                  owner_signed([](GrantDraft& g) { g.terms.gdpr_art6_basis.clear(); }), "E_FORMAT");
  refused_at_open("grant_art6_basis_unknown", "the owner re-issues agency_a's grant with gdpr_art6_basis 6.1.g (not "
                  "one of 6.1.a to 6.1.f) and re-signs",
                  owner_signed([](GrantDraft& g) { g.terms.gdpr_art6_basis = "6.1.g"; }), "E_FORMAT");
  refused_at_open("grant_art6_basis_uppercase", "the owner re-issues agency_a's grant with gdpr_art6_basis 6.1.A and "
                  "re-signs: the codes are exact",
                  owner_signed([](GrantDraft& g) { g.terms.gdpr_art6_basis = "6.1.A"; }), "E_FORMAT");
  refused_at_open("grant_art9_basis_unknown", "the owner re-issues agency_a's grant with gdpr_art9_basis 9.2.k (not "
                  "one of 9.2.a to 9.2.j) and re-signs",
                  owner_signed([](GrantDraft& g) { g.terms.gdpr_art9_basis = "9.2.k"; }), "E_FORMAT");
  refused_at_open("grant_no_sections", "the owner re-issues agency_a's grant naming no section (and carrying no key) "
                  "and re-signs",
                  owner_signed([](GrantDraft& g) { g.sections.clear(); }), "E_FORMAT");
  refused_at_open("grant_terms_version_2", "the owner re-issues agency_a's grant with GrantTerms.format_version 2 and "
                  "re-signs",
                  owner_signed([](GrantDraft& g) { g.format_version = 2; }), "E_VERSION");
  refused_at_open("grant_terms_unknown_field", "the owner re-issues agency_a's grant with GrantTerms field 12 "
                  "(varint 1) appended and re-signs",
                  owner_signed([](GrantDraft& g) { g.terms_suffix = wire::varint_always(12, 1); }), "E_FORMAT");

  // §7.1 step 7: each GrantedSection.
  refused_at_open("grant_names_sharing_ledger",
                  "the owner re-issues agency_a's grant adding section 12 (sharing_ledger) with its real key and slot "
                  "secret, and re-signs: the ledger is never granted",
                  owner_signed([&](GrantDraft& g) {
                    g.sections.push_back(granted(b, kLedgerId, generation_of(b, kLedgerId)));
                  }),
                  "E_FORMAT");
  refused_at_open("grant_names_section_65",
                  "the owner re-issues agency_a's grant adding section 65 (generation 1, 64 random key bytes) and "
                  "re-signs",
                  owner_signed([](GrantDraft& g) {
                    g.sections.push_back({65, 1, crypto::random_public_bytes(32), crypto::random_public_bytes(32)});
                  }),
                  "E_FORMAT");
  refused_at_open("grant_names_section_zero",
                  "the owner re-issues agency_a's grant adding a section with section_id 0 (absent) and re-signs",
                  owner_signed([](GrantDraft& g) {
                    g.sections.push_back({0, 1, crypto::random_public_bytes(32), crypto::random_public_bytes(32)});
                  }),
                  "E_FORMAT");
  refused_at_open("grant_section_twice",
                  "the owner re-issues agency_a's grant naming profile twice (same generation, key and slot secret) "
                  "and re-signs",
                  owner_signed([](GrantDraft& g) { g.sections.push_back(g.sections.at(0)); }), "E_FORMAT");
  refused_at_open("grant_generation_zero",
                  "the owner re-issues agency_a's grant naming profile at generation 0 (absent) and re-signs",
                  owner_signed([](GrantDraft& g) { g.sections.at(0).generation = 0; }), "E_FORMAT");
  refused_at_open("grant_work_ability_without_art9_basis",
                  "the owner re-issues agency_a's grant adding work_ability (its real key and slot secret) without a "
                  "gdpr_art9_basis, and re-signs: health data only under an Art. 9(2) basis",
                  owner_signed([&](GrantDraft& g) {
                    g.sections.push_back(granted(b, kWorkAbilityId, generation_of(b, kWorkAbilityId)));
                  }),
                  "E_FORMAT");

  // §7.1 step 3 and step 5: the payload around the terms.
  const std::string payload = payload_of(b.grant_a);
  auto owner_signed_payload = [&](const std::string& plaintext) { return with_grant_payloads(b, {plaintext}, true); };
  refused_at_open("grant_payload_not_padded",
                  "the owner seals agency_a's grant payload without padding (SPEC 5.4) and re-signs",
                  owner_signed_payload(payload), "E_FORMAT");
  {
    std::string padded = pad(payload);
    padded[payload.size()] = '\0';
    refused_at_open("grant_padding_without_marker",
                    "the owner seals agency_a's grant payload padded with zeros only (no 0x80 marker) and re-signs",
                    owner_signed_payload(padded), "E_FORMAT");
  }
  {
    std::string wrong_prefix = payload;
    wrong_prefix[std::string(format::label::kGrantPayload).size() - 1] = 'X';
    refused_at_open("grant_payload_prefix_wrong",
                    "the owner seals agency_a's grant with the payload prefix kartla/v1/grant-payloaX, padded, and "
                    "re-signs",
                    owner_signed_payload(pad(wrong_prefix)), "E_FORMAT");
  }
  {
    std::string long_terms = payload;
    const size_t at = std::string(format::label::kGrantPayload).size() + 1;
    const uint32_t t = static_cast<uint32_t>(payload.size() - at - 4 + 1);
    for (int i = 0; i < 4; ++i) long_terms[at + static_cast<size_t>(i)] = static_cast<char>((t >> (8 * i)) & 0xff);
    refused_at_open("grant_terms_length_past_end",
                    "the owner seals agency_a's grant with T one more than the bytes after it, padded, and re-signs",
                    owner_signed_payload(pad(long_terms)), "E_FORMAT");
  }
  {
    GrantDraft g = b.grant_a;
    std::string keys_only = std::string(format::label::kGrantPayload) + '\0';
    const std::string terms = terms_wire(g);
    for (int i = 0; i < 4; ++i) keys_only.push_back(static_cast<char>((terms.size() >> (8 * i)) & 0xff));
    keys_only += terms;
    for (const auto& s : g.sections) keys_only += s.key;
    refused_at_open("grant_without_slot_secrets",
                    "the owner seals agency_a's grant with 32 bytes per section (keys, no slot secrets), padded, and "
                    "re-signs",
                    owner_signed_payload(pad(keys_only)), "E_FORMAT");
    refused_at_open("grant_extra_key_bytes",
                    "the owner seals agency_a's grant with 64 bytes more after the keys than its sections need, "
                    "padded, and re-signs",
                    owner_signed_payload(pad(payload + crypto::random_public_bytes(64))), "E_FORMAT");
  }

  // §7.3 step 3: every grant of the agency for a section is tried, in file order.
  {
    GrantDraft older = b.grant_a;
    older.terms.grant_id = crypto::random_public_bytes(16);
    older.terms.expires_at = 0;
    older.sections = {granted(b, kNotesId, b.grant_a.sections.at(1).generation - 1)};
    set.bundle("two_grants_first_does_not_match",
               "the owner replaces agency_a's grant by two, in this file order: one naming notes at the generation "
               "below its entry's (that generation's key, no expiry), then agency_a's original grant (with its "
               "expiry); listed and re-signed. Notes opens with the second grant; after the second grant's expiry "
               "only the first is valid and it does not match the entry: E_EXPIRED, not E_NOT_SHARED",
               with_grant_payloads(b, {pad(payload_of(older)), pad(payload)}, true),
               {verify("OK"), open_as(a, "OK"), read_as(a, "notes", kReadBefore, "OK"),
                read_as(a, "profile", kReadBefore, "OK"), read_as(a, "notes", kReadExpired, "E_EXPIRED")});
  }
}

void ciphertext_vectors(NegativeSet& set, const Base& b) {
  const Agency& a = b.sharing.a;
  const format::SectionEntry profile = format::decode_section_entry(b.bundle.entries[b.profile]);
  const format::SectionEntry notes = format::decode_section_entry(b.bundle.entries[b.notes]);
  {
    ContainerParts p = b.bundle;
    std::swap(p.bodies[b.profile], p.bodies[b.notes]);
    set.bundle("ciphertexts_swapped",
               "the bodies of profile and notes swapped (both 1064 bytes), entries and manifest unchanged: keyless "
               "verification hashes the bodies; an agency reading a section hashes its body",
               assemble(p),
               {verify("E_INTEGRITY"), open_as(a, "OK"), read_as(a, "profile", kReadBefore, "E_INTEGRITY"),
                read_as(a, "notes", kReadBefore, "E_INTEGRITY")});
  }
  {
    ContainerParts p = b.bundle;
    format::SectionEntry new_profile = profile;
    format::SectionEntry new_notes = notes;
    new_profile.ciphertext_length = notes.ciphertext_length;
    new_profile.ciphertext_hash = notes.ciphertext_hash;
    new_notes.ciphertext_length = profile.ciphertext_length;
    new_notes.ciphertext_hash = profile.ciphertext_hash;
    for (auto [index, entry] : {std::pair<size_t, format::SectionEntry>{b.profile, new_profile},
                                std::pair<size_t, format::SectionEntry>{b.notes, new_notes}}) {
      const std::string replaced = entry_wire(entry);
      relist_entry(p.manifest, p.entries[index], replaced);
      p.entries[index] = replaced;
    }
    std::swap(p.bodies[b.profile], p.bodies[b.notes]);
    encode_and_sign(p, b.owner);
    set.bundle("ciphertexts_swapped_resigned",
               "the bodies of profile and notes swapped, each entry's length and ciphertext hash changed to match its "
               "new body, listed and re-signed by the owner: only the AEAD, whose associated data and key name the "
               "section, can tell",
               assemble(p),
               {verify("OK"), open_as(a, "OK"), read_as(a, "profile", kReadBefore, "E_INTEGRITY"),
                read_as(a, "notes", kReadBefore, "E_INTEGRITY")});
  }
  {
    // A ciphertext spliced from the record after revocation (same section and slot, a later generation).
    const size_t index = position_of(b.revoked, b.keys.slot_tag(kProfileId));
    ContainerParts p = b.bundle;
    p.entries[b.profile] = b.revoked.entries.at(index);
    p.bodies[b.profile] = b.revoked.bodies.at(index);
    set.bundle("section_from_a_later_generation",
               "profile's entry and body replaced by those of the record after revocation (a later generation), "
               "manifest unchanged",
               assemble(p), {verify("E_SIGNATURE"), open_as(a, "E_SIGNATURE")});
    set.bundle("section_from_a_later_generation_resigned",
               "as section_from_a_later_generation, listed and re-signed: agency_a's grant carries the old "
               "generation's key, which does not match the new entry's commitment",
               with_entry(b, b.profile, format::decode_section_entry(b.revoked.entries.at(index)),
                          b.revoked.bodies.at(index)),
               {verify("OK"), open_as(a, "OK"), read_as(a, "profile", kReadBefore, "E_NOT_SHARED")});
  }
  {
    ContainerParts p = b.bundle;
    p.manifest.slot_commitments.replace(0, 32, crypto::random_public_bytes(32));
    encode_and_sign(p, b.owner);
    set.bundle("slot_table_changed_at_profile",
               "the slot table's first commitment (section 1, profile) replaced by 32 random bytes, re-signed: "
               "agency_a's slot secret for profile no longer matches the signed table",
               assemble(p), {verify("OK"), open_as(a, "E_INTEGRITY")});
  }
}

void record_file_vectors(NegativeSet& set, const Base& b) {
  const Agency& a = b.sharing.a;
  const Agency& other = b.sharing.b;
  set.bundle("revoked_agency_reads_the_new_record",
             "bundle.json's revoked file (agency_a revoked) read by agency_a: its grant is gone and its sections "
             "moved to keys it never received; agency_b never held notes",
             b.sharing.revoked,
             {verify("OK"), open_as(a, "OK"), read_as(a, "profile", kReadAfter, "E_NOT_SHARED"),
              read_as(a, "notes", kReadAfter, "E_NOT_SHARED"), read_as(other, "notes", kReadAfter, "E_NOT_SHARED")});
  set.bundle("expired_agency_reads_the_saved_record",
             "bundle.json's expired file (the record saved after agency_a's expiry) read by agency_a at a time "
             "before its expiry: the grant ended at that save like a revocation, so no clock opens anything",
             b.sharing.expired,
             {verify("OK"), open_as(a, "OK"), read_as(a, "profile", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "notes", kReadBefore, "E_NOT_SHARED"), read_as(other, "profile", kReadExpired, "OK")});
  set.bundle("record_read_by_each_agency",
             "bundle.json's record file (before revocation): each agency reads only its own sections",
             b.sharing.record,
             {verify("OK"), read_as(a, "languages", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "work_ability", kReadBefore, "E_NOT_SHARED"),
              read_as(other, "notes", kReadBefore, "E_NOT_SHARED"),
              read_as(other, "sharing_ledger", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "profile", kReadBefore, "OK"), read_as(other, "profile", kReadBefore, "OK"),
              read_as(other, "work_ability", kReadBefore, "OK")});
}

// The case-conference bundle with agency_a's grant changed by `change` and sealed to agency_a
// again; with `resign` the owner lists the new grant in place of the old and signs.
template <typename Change>
std::string case_with_grant_a(const Base& b, Change change, bool resign) {
  ContainerParts p = split_container(b.sharing.case_bundle);
  const Agency& a = b.sharing.a;
  for (auto& grant : p.grants) {
    if (!format::open_grant(a.identity.box_keys(), a.identity.signing_keys().public_key, grant)) continue;
    GrantDraft g = draft_of(grant, a);
    change(g);
    const std::string old = grant;
    grant = crypto::seal_to(a.identity.box_keys().public_key, pad(payload_of(g)));
    if (resign) {
      auto& digests = p.manifest.grant_digests;
      digests.erase(std::find(digests.begin(), digests.end(), crypto::digest_bytes(format::grant_digest(old))));
      digests.push_back(crypto::digest_bytes(format::grant_digest(grant)));
      format::sort_digests(digests);
      encode_and_sign(p, b.owner);
    }
    return assemble(p);
  }
  throw std::logic_error("agency_a holds no grant in the case-conference bundle");
}

// SPEC §7.9: the who-is-involved list is signed with the grant's terms, and a list that breaks a
// rule is refused even when the owner signed it.
void involved_vectors(NegativeSet& set, const Base& b) {
  const Agency& a = b.sharing.a;
  const Agency& other = b.sharing.b;
  const std::vector<Check> unlisted = {verify("E_SIGNATURE"), open_as(a, "E_SIGNATURE"),
                                       open_as(other, "E_SIGNATURE")};
  set.bundle("involved_list_altered",
             "bundle.json's case_conference bundle with one agency named differently in agency_a's who-is-involved "
             "list, re-sealed to agency_a (anyone holding its card can): the grant's digest is not in the signed "
             "manifest",
             case_with_grant_a(b, [](GrantDraft& g) { g.terms.involved.at(1).name = "Forsakringskassan"; }, false),
             unlisted);
  set.bundle("involved_list_removed",
             "the same with agency_a's who-is-involved list removed: removing it changes the digest too",
             case_with_grant_a(b, [](GrantDraft& g) { g.terms.involved.clear(); }, false), unlisted);
  auto owner_signed = [&](const char* name, const char* comment, auto change) {
    set.bundle(name, comment, case_with_grant_a(b, change, true),
               {verify("OK"), open_as(a, "E_FORMAT"), open_as(other, "OK")});
  };
  owner_signed("involved_two_leads",
               "the owner re-issues agency_a's grant in the case-conference bundle with both involved agencies "
               "marked lead, and signs: at most one leads",
               [](GrantDraft& g) { g.terms.involved.at(1).lead = true; });
  owner_signed("involved_since_not_a_date",
               "the owner re-issues agency_a's grant with an involved agency's since \"2025-13\", and signs",
               [](GrantDraft& g) { g.terms.involved.at(0).since = "2025-13"; });
  owner_signed("involved_both_contacts",
               "the owner re-issues agency_a's grant with an involved agency naming both a contact person and a "
               "pseudonymous contact, and signs",
               [](GrantDraft& g) { g.terms.involved.at(1).contact_name = "Per Olsson"; });
  owner_signed("involved_nameless",
               "the owner re-issues agency_a's grant with an involved agency that has neither name nor "
               "organisation number, and signs",
               [](GrantDraft& g) {
                 g.terms.involved.at(0).name.clear();
                 g.terms.involved.at(0).organisation_number.clear();
               });
}

// SPEC §7.7: a case-conference bundle is read as any bundle. Its one new writer rule a reader
// can see, each entry once, is §6.3's; and an agency never reads the other agency's sections.
void case_conference_vectors(NegativeSet& set, const Base& b) {
  const Agency& a = b.sharing.a;
  const Agency& other = b.sharing.b;
  set.bundle("case_conference_reads_only_its_own",
             "bundle.json's case_conference bundle: every section is present for one of the two agencies, and "
             "neither reads the other's",
             b.sharing.case_bundle,
             {verify("OK"), open_as(a, "OK"), open_as(other, "OK"),
              read_as(a, "languages", kReadBefore, "E_NOT_SHARED"), read_as(other, "notes", kReadBefore, "E_NOT_SHARED"),
              read_as(other, "profile", kReadBefore, "E_NOT_SHARED")});
  ContainerParts twice = split_container(b.sharing.case_bundle);
  twice.entries.push_back(twice.entries.front());
  twice.bodies.push_back(twice.bodies.front());
  set.bundle("case_conference_entry_twice",
             "bundle.json's case_conference bundle with its first entry and body written a second time at the end (a "
             "writer merging two agencies' sections without taking each once): a slot tag seen twice",
             assemble(twice), {verify("E_FORMAT"), open_as(a, "E_FORMAT"), open_as(other, "E_FORMAT")});
  involved_vectors(set, b);
}

}  // namespace

void bundle_negative_vectors(NegativeSet& set, const Owner& owner, const Sharing& sharing) {
  ContainerParts bundle = split_container(sharing.bundle);
  RecordKeys keys = record_keys(bundle.manifest, owner.identity.box_keys());
  Base b{sharing, std::move(bundle), split_container(sharing.revoked), owner.identity.signing_keys(),
         std::move(keys), 0, 0, GrantDraft{}};
  b.profile = position_of(b.bundle, b.keys.slot_tag(kProfileId));
  b.notes = position_of(b.bundle, b.keys.slot_tag(kNotesId));
  b.grant_a = draft_of(b.bundle.grants.at(0), sharing.a);
  if (b.grant_a.sections.size() != 2 || b.grant_a.sections[0].section_id != kProfileId ||
      b.grant_a.sections[1].section_id != kNotesId)
    throw std::logic_error("the vectors below assume agency_a's grant names profile, then notes");
  unchanged_bundle_vectors(set, b, sharing.bundle);
  framing_vectors(set, b, sharing.bundle);
  grant_term_vectors(set, b);
  owner_signed_grant_vectors(set, b, crypto::random_public_bytes(16));
  ciphertext_vectors(set, b);
  record_file_vectors(set, b);
  case_conference_vectors(set, b);
}

}  // namespace kartla::vectors
