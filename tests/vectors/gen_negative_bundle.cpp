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

// The bundle's entries are in the grant's order: profile, then notes.
constexpr size_t kProfile = 0;
constexpr size_t kNotes = 1;

Check verify(const char* result) { return {"verify", result, "", ""}; }
Check open_owner(const char* result) { return {"open_record", result, "", ""}; }
Check open_as(const Agency& agency, const char* result) { return {"open_share", result, "", "", agency.label}; }
Check read_as(const Agency& agency, const char* section, int64_t at, const char* result) {
  return {"read_share_section", result, section, "", agency.label, static_cast<uint64_t>(at)};
}

std::string digest_of_entry(const std::string& entry) {
  return crypto::digest_bytes(format::section_entry_digest(entry));
}
std::string digest_of_grant(const std::string& grant) { return crypto::digest_bytes(format::grant_digest(grant)); }

// The manifest lists every section and grant of the record, most of them absent from a bundle:
// a re-signed bundle swaps one digest for another and keeps the rest.
void replace_digest(std::vector<std::string>& list, const std::string& from, const std::string& to) {
  const auto it = std::find(list.begin(), list.end(), from);
  if (it == list.end()) throw std::logic_error("digest to replace is not listed");
  *it = to;
  format::sort_digests(list);
}

struct Base {
  const Sharing& sharing;
  ContainerParts bundle;
  ContainerParts revoked;
  const crypto::SigningKeyPair& owner;
  crypto::SecretBuffer rmk;
};

std::string with_entry(const Base& b, size_t index, const format::SectionEntry& entry, const std::string& body) {
  ContainerParts p = b.bundle;
  const std::string replaced = entry_wire(entry);
  replace_digest(p.manifest.section_digests, digest_of_entry(p.entries[index]), digest_of_entry(replaced));
  p.entries[index] = replaced;
  p.bodies[index] = body;
  p.manifest.highest_generation = std::max(p.manifest.highest_generation, entry.generation);
  encode_and_sign(p, b.owner);
  return assemble(p);
}

// GrantTerms written field by field (SPEC §7.1), so a grant can name one recipient and be sealed to
// another, which the library's writer never does.
std::string terms_wire(const format::Grant& g) {
  std::string out = wire::varint_field(1, 1) + wire::bytes_field(2, g.terms.grant_id) +
                    wire::bytes_field(3, g.terms.record_id) + wire::bytes_field(4, g.terms.recipient_signing_key) +
                    wire::bytes_field(5, g.terms.recipient_encryption_key) + wire::bytes_field(6, g.terms.purpose) +
                    wire::varint_field(7, static_cast<uint64_t>(g.terms.granted_at)) +
                    wire::varint_field(8, static_cast<uint64_t>(g.terms.expires_at));
  for (const auto& s : g.sections)
    out += wire::bytes_always(9, wire::varint_field(1, s.section_id) + wire::varint_field(2, s.generation));
  return out;
}

std::string payload_of(const format::Grant& g) {
  const std::string terms = terms_wire(g);
  std::string out = std::string(format::label::kGrantPayload) + '\0';
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((terms.size() >> (8 * i)) & 0xff));
  out += terms;
  for (const auto& s : g.sections) out += s.key.view().to_string();
  return out;
}

// agency_a's grant, opened, changed by `change` and sealed to agency_a again. With `resign` the
// owner lists the new grant in place of the old one; without, the manifest is left as it was.
template <typename Change>
std::string with_grant(const Base& b, Change change, bool resign) {
  ContainerParts p = b.bundle;
  if (p.grants.size() != 1) throw std::logic_error("the bundle should hold one grant");
  const crypto::BoxKeyPair& a = b.sharing.a.identity.box_keys();
  std::optional<format::Grant> grant = format::open_grant(a, p.grants[0]);
  if (!grant) throw std::logic_error("agency_a cannot open its grant");
  // The writer above must agree with the library's, or the vectors test a grant it never writes.
  const auto original = crypto::open_sealed(a, p.grants[0], p.grants[0].size() - crypto::kSealOverhead);
  if (!original || original->view().as_string_view() != payload_of(*grant))
    throw std::logic_error("terms_wire differs from the library's grant encoding");
  change(*grant);
  const std::string resealed = crypto::seal_to(a.public_key, payload_of(*grant));
  if (resign) replace_digest(p.manifest.grant_digests, digest_of_grant(p.grants[0]), digest_of_grant(resealed));
  p.grants[0] = resealed;
  if (resign) encode_and_sign(p, b.owner);
  return assemble(p);
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
             "agency_a asks for sections it was not granted: languages and sharing_ledger (listed in the manifest, "
             "absent from the bundle) and work_ability (not in the record at all)",
             bundle,
             {open_as(a, "OK"), read_as(a, "languages", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "sharing_ledger", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "work_ability", kReadBefore, "E_NOT_SHARED")});
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
  p = b.bundle;
  p.manifest.highest_generation = format::decode_section_entry(p.entries[kNotes]).generation - 1;
  encode_and_sign(p, b.owner);
  set.bundle("highest_generation_lowered",
             "highest_generation set one below the notes entry's generation, re-signed: a key the manifest says was "
             "never issued",
             assemble(p), {verify("E_FORMAT"), open_as(a, "E_FORMAT")});
}

void grant_term_vectors(NegativeSet& set, const Base& b) {
  const Agency& a = b.sharing.a;
  const std::vector<Check> refused = {verify("E_SIGNATURE"), open_as(a, "E_SIGNATURE")};
  set.bundle("purpose_edited",
             "the grant opened with agency_a's key, its purpose changed and sealed to agency_a again (anyone can "
             "seal to a public key); the manifest still lists the original grant's digest",
             with_grant(b, [](format::Grant& g) { g.terms.purpose = "Any purpose at all"; }, false), refused);
  set.bundle("expiry_extended", "as purpose_edited, with expires_at moved one year later",
             with_grant(b, [](format::Grant& g) { g.terms.expires_at += 365 * 86400; }, false), refused);
  set.bundle("expiry_removed", "as purpose_edited, with expires_at removed (no expiry)",
             with_grant(b, [](format::Grant& g) { g.terms.expires_at = 0; }, false), refused);
  ContainerParts p = b.bundle;
  p.grants[0] = flip_bit(p.grants[0], p.grants[0].size() / 2, 3);
  set.bundle("grant_bit_flipped", "one bit in the middle of the grant's sealed box flipped", assemble(p), refused);
}

void owner_signed_grant_vectors(NegativeSet& set, const Base& b, const std::string& other_record_id) {
  const Agency& a = b.sharing.a;
  set.bundle("grant_key_does_not_match_commitment",
             "the owner re-issues agency_a's grant with a random key for profile (notes keeps its key) and re-signs: "
             "the key commitment in the signed entry refuses it before any decryption",
             with_grant(
                 b, [](format::Grant& g) { g.sections.at(0).key = crypto::random_secret(32); }, true),
             {verify("OK"), open_as(a, "OK"), read_as(a, "profile", kReadBefore, "E_INTEGRITY"),
              read_as(a, "notes", kReadBefore, "OK")});
  set.bundle("grant_for_another_record",
             "the owner re-issues agency_a's grant naming another record's id and re-signs",
             with_grant(
                 b, [&](format::Grant& g) { g.terms.record_id = other_record_id; }, true),
             {verify("OK"), open_as(a, "E_SIGNATURE")});
  const Agency& other = b.sharing.b;
  set.bundle("grant_names_another_recipient",
             "the owner re-issues agency_a's grant with agency_b's keys as recipient, sealed to agency_a, and "
             "re-signs: agency_a refuses it; agency_b cannot open it and finds nothing",
             with_grant(
                 b,
                 [&](format::Grant& g) {
                   g.terms.recipient_signing_key = other.identity.signing_keys().public_key;
                   g.terms.recipient_encryption_key = other.identity.box_keys().public_key;
                 },
                 true),
             {verify("OK"), open_as(a, "E_SIGNATURE"), open_as(other, "OK")});
  set.bundle("grant_for_an_older_generation",
             "the owner re-issues agency_a's grant naming notes at the generation below its entry's (with that "
             "generation's key) and re-signs: no grant names the generation in the file",
             with_grant(
                 b,
                 [&](format::Grant& g) {
                   format::GrantedSection& notes = g.sections.at(1);
                   notes.generation -= 1;
                   notes.key = format::derive_section_key(b.rmk, notes.section_id, notes.generation);
                 },
                 true),
             {verify("OK"), open_as(a, "OK"), read_as(a, "notes", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "profile", kReadBefore, "OK")});
}

void ciphertext_vectors(NegativeSet& set, const Base& b) {
  const Agency& a = b.sharing.a;
  const format::SectionEntry profile = format::decode_section_entry(b.bundle.entries[kProfile]);
  const format::SectionEntry notes = format::decode_section_entry(b.bundle.entries[kNotes]);
  {
    ContainerParts p = b.bundle;
    std::swap(p.bodies[kProfile], p.bodies[kNotes]);
    set.bundle("ciphertexts_swapped",
               "the bodies of profile and notes swapped, entries and manifest unchanged: keyless verification "
               "hashes the bodies; an agency reading a section hashes its body",
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
    for (auto [index, entry] : {std::pair<size_t, format::SectionEntry>{kProfile, new_profile},
                                std::pair<size_t, format::SectionEntry>{kNotes, new_notes}}) {
      const std::string replaced = entry_wire(entry);
      replace_digest(p.manifest.section_digests, digest_of_entry(p.entries[index]), digest_of_entry(replaced));
      p.entries[index] = replaced;
    }
    std::swap(p.bodies[kProfile], p.bodies[kNotes]);
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
    // A ciphertext spliced from the record after revocation (same section, a later generation).
    const auto it = std::find_if(b.revoked.entries.begin(), b.revoked.entries.end(), [&](const std::string& e) {
      return format::decode_section_entry(e).section_id == profile.section_id;
    });
    const size_t index = static_cast<size_t>(it - b.revoked.entries.begin());
    ContainerParts p = b.bundle;
    p.entries[kProfile] = b.revoked.entries.at(index);
    p.bodies[kProfile] = b.revoked.bodies.at(index);
    set.bundle("section_from_a_later_generation",
               "profile's entry and body replaced by those of the record after revocation (a later generation), "
               "manifest unchanged",
               assemble(p), {verify("E_SIGNATURE"), open_as(a, "E_SIGNATURE")});
    set.bundle("section_from_a_later_generation_resigned",
               "as section_from_a_later_generation, listed and re-signed: agency_a's grant names the old generation",
               with_entry(b, kProfile, format::decode_section_entry(b.revoked.entries.at(index)),
                          b.revoked.bodies.at(index)),
               {verify("OK"), open_as(a, "OK"), read_as(a, "profile", kReadBefore, "E_NOT_SHARED")});
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
  set.bundle("record_read_by_each_agency",
             "bundle.json's record file (before revocation): each agency reads only its own sections",
             b.sharing.record,
             {verify("OK"), read_as(a, "languages", kReadBefore, "E_NOT_SHARED"),
              read_as(other, "notes", kReadBefore, "E_NOT_SHARED"),
              read_as(other, "sharing_ledger", kReadBefore, "E_NOT_SHARED"),
              read_as(a, "profile", kReadBefore, "OK"), read_as(other, "profile", kReadBefore, "OK")});
}

}  // namespace

void bundle_negative_vectors(NegativeSet& set, const Owner& owner, const Sharing& sharing) {
  Base b{sharing, split_container(sharing.bundle), split_container(sharing.revoked), owner.identity.signing_keys(),
         crypto::SecretBuffer()};
  auto rmk = crypto::open_sealed(owner.identity.box_keys(), b.bundle.manifest.owner_key_wrap, crypto::kMasterKeyBytes);
  if (!rmk) throw std::logic_error("cannot open the bundle's record master key");
  b.rmk = std::move(*rmk);
  unchanged_bundle_vectors(set, b, sharing.bundle);
  framing_vectors(set, b, sharing.bundle);
  grant_term_vectors(set, b);
  owner_signed_grant_vectors(set, b, crypto::random_public_bytes(16));
  ciphertext_vectors(set, b);
  record_file_vectors(set, b);
}

}  // namespace kartla::vectors
