#include "independent_reader.h"

#include <sodium.h>

#include <algorithm>
#include <map>
#include <set>

namespace kartla::vectors::independent {
namespace {

const unsigned char* uc(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* uc(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

[[noreturn]] void refuse(const char* status, const std::string& reason) { throw Refusal{status, reason}; }

constexpr uint64_t kMaxFile = 1ull << 30;
constexpr uint64_t kMaxHeader = 1ull << 20;
constexpr size_t kMaxSections = 64;
constexpr size_t kMaxGrants = 256;
constexpr uint64_t kMaxBody = (256ull << 20) + 40;
constexpr size_t kMaxGrantPayload = 64u << 10;
constexpr size_t kSealOverhead = 48;

// ---- SPEC §3.2: strict protobuf, by field number only ----

enum class Kind { u32, u64, i64, bytes, repeated_bytes };

struct Message {
  std::map<uint32_t, std::vector<uint64_t>> varints;
  std::map<uint32_t, std::vector<std::string>> bytes;
  uint64_t u(uint32_t n) const {
    auto it = varints.find(n);
    return it == varints.end() ? 0 : it->second.front();
  }
  std::string b(uint32_t n) const {
    auto it = bytes.find(n);
    return it == bytes.end() ? std::string() : it->second.front();
  }
  std::vector<std::string> list(uint32_t n) const {
    auto it = bytes.find(n);
    return it == bytes.end() ? std::vector<std::string>() : it->second;
  }
};

// A varint in its shortest form (a longer encoding ends in a zero byte).
uint64_t varint(const std::string& in, size_t& pos, const char* what) {
  uint64_t value = 0;
  const size_t start = pos;
  for (int shift = 0; shift < 70; shift += 7) {
    if (pos >= in.size()) refuse("E_FORMAT", std::string(what) + ": truncated varint");
    const auto byte = static_cast<uint8_t>(in[pos++]);
    if (shift == 63 && byte > 1) refuse("E_FORMAT", std::string(what) + ": varint overflows 64 bits");
    value |= uint64_t{byte & 0x7fu} << shift;
    if ((byte & 0x80) == 0) {
      if (pos - start > 1 && byte == 0) refuse("E_FORMAT", std::string(what) + ": overlong varint");
      return value;
    }
  }
  refuse("E_FORMAT", std::string(what) + ": varint too long");
}

// Canonical (SPEC §3.2 rule 4): fields in ascending order, only known ones with their wire type, a
// non-repeated field once and never with its default value, shortest varints, values in range.
Message parse(const std::string& in, const std::map<uint32_t, Kind>& schema, const char* what) {
  Message m;
  size_t pos = 0;
  uint32_t last = 0;
  while (pos < in.size()) {
    const uint64_t key = varint(in, pos, what);
    const uint64_t number = key >> 3;
    const auto wire_type = static_cast<uint32_t>(key & 7);
    const auto it = number > UINT32_MAX ? schema.end() : schema.find(static_cast<uint32_t>(number));
    if (it == schema.end()) refuse("E_FORMAT", std::string(what) + ": unknown field " + std::to_string(number));
    const Kind kind = it->second;
    const auto n = static_cast<uint32_t>(number);
    if (n < last || (n == last && kind != Kind::repeated_bytes))
      refuse("E_FORMAT", std::string(what) + ": field " + std::to_string(n) + " out of order or repeated");
    last = n;
    const bool is_varint = kind == Kind::u32 || kind == Kind::u64 || kind == Kind::i64;
    if (wire_type != (is_varint ? 0u : 2u)) refuse("E_FORMAT", std::string(what) + ": wrong wire type");
    if (is_varint) {
      const uint64_t v = varint(in, pos, what);
      if (v == 0) refuse("E_FORMAT", std::string(what) + ": a default value written out");
      if (kind == Kind::u32 && v > UINT32_MAX) refuse("E_FORMAT", std::string(what) + ": value out of range");
      m.varints[n].push_back(v);
    } else {
      const uint64_t length = varint(in, pos, what);
      if (length > in.size() - pos) refuse("E_FORMAT", std::string(what) + ": truncated field");
      if (length == 0 && kind == Kind::bytes) refuse("E_FORMAT", std::string(what) + ": a default value written out");
      m.bytes[n].push_back(in.substr(pos, static_cast<size_t>(length)));
      pos += static_cast<size_t>(length);
    }
  }
  return m;
}

const std::map<uint32_t, Kind> kRecordHeader = {
    {1, Kind::u32}, {2, Kind::bytes}, {3, Kind::bytes}, {4, Kind::repeated_bytes}, {5, Kind::repeated_bytes}};
const std::map<uint32_t, Kind> kManifest = {{1, Kind::u32},   {2, Kind::bytes},           {3, Kind::bytes},
                                            {4, Kind::bytes}, {5, Kind::u64},             {6, Kind::bytes},
                                            {7, Kind::bytes}, {8, Kind::repeated_bytes}, {9, Kind::repeated_bytes},
                                            {10, Kind::u32}};
const std::map<uint32_t, Kind> kSectionEntry = {
    {1, Kind::u32}, {2, Kind::u32}, {3, Kind::u64}, {4, Kind::bytes}, {5, Kind::bytes}};
// Field 9 holds GrantedSection messages; an element may be empty (both its fields 0).
const std::map<uint32_t, Kind> kGrantTerms = {{1, Kind::u32},   {2, Kind::bytes}, {3, Kind::bytes},
                                              {4, Kind::bytes}, {5, Kind::bytes}, {6, Kind::bytes},
                                              {7, Kind::i64},   {8, Kind::i64},   {9, Kind::repeated_bytes}};
const std::map<uint32_t, Kind> kGrantedSection = {{1, Kind::u32}, {2, Kind::u32}};

bool strictly_ascending(const std::vector<std::string>& list) {
  for (size_t i = 1; i < list.size(); ++i)
    if (!(list[i - 1] < list[i])) return false;  // std::string compares as unsigned bytes
  return true;
}

bool listed(const std::vector<std::string>& sorted, const std::string& digest) {
  return std::binary_search(sorted.begin(), sorted.end(), digest);
}

bool equal_ct(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// SPEC §5.3, in its order: commitment before anything is decrypted, then the hash, then the AEAD.
std::string open_section(const std::string& record_id, const Section& s, const std::string& key) {
  const std::string ad = section_ad(record_id, s.id, s.generation);
  if (!equal_ct(H("kartla/v1/key-commitment", ad, key), s.key_commitment))
    refuse("E_INTEGRITY", "the key does not match the key commitment");
  if (!equal_ct(H("kartla/v1/section-ciphertext", s.body), s.ciphertext_hash))
    refuse("E_INTEGRITY", "ciphertext hash mismatch");
  const auto plaintext = aead_open(key, s.body, ad);
  if (!plaintext) refuse("E_INTEGRITY", "the AEAD does not open");
  return *plaintext;
}

}  // namespace

std::string H(const std::string& label, const std::string& x, const std::string& key) {
  const std::string input = label + std::string(1, '\0') + x;
  std::string out(32, '\0');
  crypto_generichash(uc(out), out.size(), uc(input), input.size(), key.empty() ? nullptr : uc(key), key.size());
  return out;
}

std::string le(uint64_t v, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  return out;
}

// SPEC §5.2: crypto_kdf_derive_from_key, spelled out as the BLAKE2b call it is.
std::string section_key(const std::string& rmk, uint32_t section, uint32_t generation) {
  const std::string salt = le((uint64_t{section} << 32) | generation, 8) + std::string(8, '\0');
  const std::string personal = std::string("kartlaSK") + std::string(8, '\0');
  std::string out(32, '\0');
  if (crypto_generichash_blake2b_salt_personal(uc(out), 32, nullptr, 0, uc(rmk), rmk.size(), uc(salt),
                                               uc(personal)) != 0)
    refuse("E_CRYPTO", "BLAKE2b failed");
  return out;
}

std::string section_ad(const std::string& record_id, uint32_t section, uint32_t generation) {
  return std::string("kartla/v1/section") + '\0' + le(1, 4) + record_id + le(section, 4) + le(generation, 4);
}

std::optional<std::string> aead_open(const std::string& key, const std::string& sealed, const std::string& ad) {
  if (sealed.size() < 40) return std::nullopt;
  std::string out(sealed.size() - 40, '\0');
  unsigned long long n = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(uc(out), &n, nullptr, uc(sealed) + 24, sealed.size() - 24, uc(ad),
                                                 ad.size(), uc(sealed), uc(key)) != 0)
    return std::nullopt;
  return out;
}

bool verify(const std::string& label, const std::string& public_key, const std::string& message,
            const std::string& signature) {
  const std::string signed_bytes = label + std::string(1, '\0') + message;
  return signature.size() == 64 && public_key.size() == 32 &&
         crypto_sign_verify_detached(uc(signature), uc(signed_bytes), signed_bytes.size(), uc(public_key)) == 0;
}

std::string x25519_public(const std::string& secret) {
  std::string pk(32, '\0');
  if (secret.size() != 32 || crypto_scalarmult_base(uc(pk), uc(secret)) != 0) refuse("E_CRYPTO", "X25519 failed");
  return pk;
}

uint32_t section_id_of(const std::string& name) {
  static const char* const kNames[] = {"profile",  "education",     "work_experience", "competences",
                                       "languages", "work_ability", "action_plan",     "progress",
                                       "interventions", "documents", "notes",          "sharing_ledger"};
  for (uint32_t i = 0; i < 12; ++i)
    if (name == kNames[i]) return i + 1;
  return 0;
}

const Section* Container::find(uint32_t id) const {
  for (const auto& s : sections)
    if (s.id == id) return &s;
  return nullptr;
}

Container read_container(const std::string& file) {
  // Steps 1-2: size and prefix.
  if (file.size() > kMaxFile) refuse("E_LIMIT", "file over 1 GiB");
  if (file.size() < 12) refuse("E_FORMAT", "shorter than the prefix");
  if (file.compare(0, 6, "KARTLA") != 0 || file[6] != 'R') refuse("E_FORMAT", "not a record file");
  if (file[7] != 1) refuse("E_VERSION", "major version");
  const uint64_t length = static_cast<uint8_t>(file[8]) | uint64_t{static_cast<uint8_t>(file[9])} << 8 |
                          uint64_t{static_cast<uint8_t>(file[10])} << 16 |
                          uint64_t{static_cast<uint8_t>(file[11])} << 24;
  if (length > kMaxHeader) refuse("E_LIMIT", "header over 1 MiB");
  if (file.size() < 12 + length) refuse("E_FORMAT", "truncated header");

  // Step 3: RecordHeader.
  const Message h = parse(file.substr(12, static_cast<size_t>(length)), kRecordHeader, "RecordHeader");
  if (h.u(1) != 1) refuse("E_VERSION", "RecordHeader.format_version");
  const std::vector<std::string> entries = h.list(4);
  const std::vector<std::string> grants = h.list(5);
  if (entries.size() > kMaxSections || grants.size() > kMaxGrants) refuse("E_LIMIT", "too many entries or grants");
  const std::string signature = h.b(3);
  if (signature.size() != 64) refuse("E_FORMAT", "signature length");

  // Step 4: Manifest.
  Container c;
  c.manifest = h.b(2);
  const Message m = parse(c.manifest, kManifest, "Manifest");
  if (m.u(1) != 1) refuse("E_VERSION", "Manifest.format_version");
  c.record_id = m.b(2);
  c.owner_signing_key = m.b(3);
  c.owner_encryption_key = m.b(4);
  c.sequence = m.u(5);
  c.previous_manifest_hash = m.b(6);
  c.owner_key_wrap = m.b(7);
  c.section_digests = m.list(8);
  c.grant_digests = m.list(9);
  c.highest_generation = m.u(10);
  if (c.record_id.size() != 16 || c.owner_signing_key.size() != 32 || c.owner_encryption_key.size() != 32 ||
      c.owner_key_wrap.size() != 80)
    refuse("E_FORMAT", "manifest field length");
  if (c.sequence == 0) refuse("E_FORMAT", "sequence 0");
  if (c.sequence == 1 ? !c.previous_manifest_hash.empty() : c.previous_manifest_hash.size() != 32)
    refuse("E_FORMAT", "previous_manifest_hash presence");
  if (c.section_digests.size() > kMaxSections || c.grant_digests.size() > kMaxGrants)
    refuse("E_LIMIT", "too many digests");
  for (const auto* list : {&c.section_digests, &c.grant_digests}) {
    for (const auto& d : *list)
      if (d.size() != 32) refuse("E_FORMAT", "digest length");
    if (!strictly_ascending(*list)) refuse("E_FORMAT", "digests not strictly ascending");
  }

  // Step 5: the owner's signature over the exact manifest bytes.
  if (!verify("kartla/v1/manifest", c.owner_signing_key, c.manifest, signature))
    refuse("E_SIGNATURE", "manifest signature");

  // Step 6: entries and bodies.
  uint64_t offset = 12 + length;
  std::set<uint32_t> seen;
  for (const auto& entry : entries) {
    if (!listed(c.section_digests, H("kartla/v1/section-entry", entry))) refuse("E_SIGNATURE", "entry not listed");
    const Message e = parse(entry, kSectionEntry, "SectionEntry");
    Section s;
    s.id = static_cast<uint32_t>(e.u(1));
    s.generation = static_cast<uint32_t>(e.u(2));
    const uint64_t body_length = e.u(3);
    s.ciphertext_hash = e.b(4);
    s.key_commitment = e.b(5);
    s.entry = entry;
    if (s.id == 0 || s.generation == 0) refuse("E_FORMAT", "section id or generation 0");
    if (body_length < 40) refuse("E_FORMAT", "body shorter than nonce and tag");
    if (body_length > kMaxBody) refuse("E_LIMIT", "body over the limit");
    if (s.ciphertext_hash.size() != 32 || s.key_commitment.size() != 32) refuse("E_FORMAT", "entry field length");
    if (!seen.insert(s.id).second) refuse("E_FORMAT", "section twice");
    if (s.generation > c.highest_generation) refuse("E_FORMAT", "generation above highest_generation");
    if (body_length > file.size() - offset) refuse("E_FORMAT", "body past the end");
    s.body = file.substr(static_cast<size_t>(offset), static_cast<size_t>(body_length));
    offset += body_length;
    c.sections.push_back(std::move(s));
  }
  // Step 7.
  if (offset != file.size()) refuse("E_FORMAT", "trailing data");
  // Step 8: grants.
  std::set<std::string> seen_grants;
  for (const auto& g : grants) {
    const std::string digest = H("kartla/v1/grant", g);
    if (!listed(c.grant_digests, digest)) refuse("E_SIGNATURE", "grant not listed");
    if (!seen_grants.insert(digest).second) refuse("E_FORMAT", "grant twice");
    c.grants.push_back(g);
  }
  return c;
}

Container verify_file(const std::string& file) {
  Container c = read_container(file);
  for (const auto& s : c.sections)
    if (!equal_ct(H("kartla/v1/section-ciphertext", s.body), s.ciphertext_hash))
      refuse("E_INTEGRITY", "ciphertext hash mismatch");
  return c;
}

std::optional<Grant> open_grant(const std::string& grant, const std::string& x25519_secret) {
  // Wrong sizes are not tried at all: such a box is not this agency's.
  if (grant.size() < kSealOverhead || grant.size() - kSealOverhead > kMaxGrantPayload) return std::nullopt;
  const std::string pk = x25519_public(x25519_secret);
  Grant out;
  out.payload.assign(grant.size() - kSealOverhead, '\0');
  if (crypto_box_seal_open(uc(out.payload), uc(grant), grant.size(), uc(pk), uc(x25519_secret)) != 0)
    return std::nullopt;
  const std::string prefix = std::string("kartla/v1/grant-payload") + '\0';
  const std::string& p = out.payload;
  if (p.size() < prefix.size() + 4 || p.compare(0, prefix.size(), prefix) != 0) refuse("E_FORMAT", "not a grant");
  uint64_t terms_size = 0;
  for (int i = 0; i < 4; ++i) terms_size |= uint64_t{static_cast<uint8_t>(p[prefix.size() + i])} << (8 * i);
  const size_t rest = p.size() - prefix.size() - 4;
  if (terms_size > rest) refuse("E_FORMAT", "terms truncated");
  out.terms = p.substr(prefix.size() + 4, static_cast<size_t>(terms_size));
  const std::string keys = p.substr(prefix.size() + 4 + static_cast<size_t>(terms_size));
  const Message t = parse(out.terms, kGrantTerms, "GrantTerms");
  if (t.u(1) != 1) refuse("E_VERSION", "GrantTerms.format_version");
  out.grant_id = t.b(2);
  out.record_id = t.b(3);
  out.recipient_signing_key = t.b(4);
  out.recipient_encryption_key = t.b(5);
  out.purpose = t.b(6);
  out.granted_at = t.u(7);
  out.expires_at = t.u(8);
  const std::vector<std::string> sections = t.list(9);
  if (out.grant_id.size() != 16 || out.record_id.size() != 16 || out.recipient_signing_key.size() != 32 ||
      out.recipient_encryption_key.size() != 32)
    refuse("E_FORMAT", "grant field length");
  if (sections.empty() || sections.size() > kMaxSections) refuse("E_FORMAT", "section count");
  if (out.purpose.size() > 1024) refuse("E_FORMAT", "purpose too long");
  if (keys.size() != 32 * sections.size()) refuse("E_FORMAT", "key count");
  if (out.recipient_encryption_key != pk) refuse("E_SIGNATURE", "grant names another recipient");
  std::set<uint32_t> seen;
  for (size_t i = 0; i < sections.size(); ++i) {
    const Message s = parse(sections[i], kGrantedSection, "GrantedSection");
    GrantedSection g{static_cast<uint32_t>(s.u(1)), static_cast<uint32_t>(s.u(2)), keys.substr(32 * i, 32)};
    if (g.id == 0 || g.generation == 0) refuse("E_FORMAT", "granted section id or generation 0");
    if (!seen.insert(g.id).second) refuse("E_FORMAT", "granted section twice");
    out.sections.push_back(std::move(g));
  }
  return out;
}

AgencyView open_as_agency(const std::string& file, const std::string& x25519_secret) {
  AgencyView view{read_container(file), {}};
  for (const auto& g : view.container.grants) {
    std::optional<Grant> grant = open_grant(g, x25519_secret);
    if (!grant) continue;
    if (grant->record_id != view.container.record_id) refuse("E_SIGNATURE", "grant for another record");
    view.grants.push_back(std::move(*grant));
  }
  return view;
}

std::string read_as_agency(const AgencyView& view, uint32_t section, uint64_t at) {
  const Section* s = view.container.find(section);
  const GrantedSection* usable = nullptr;
  bool expired = false;
  for (const auto& grant : view.grants) {
    for (const auto& g : grant.sections) {
      if (s == nullptr || g.id != section || g.generation != s->generation) continue;
      if (grant.expires_at != 0 && at >= grant.expires_at) {
        expired = true;
        continue;
      }
      usable = &g;
    }
  }
  if (usable == nullptr) refuse(expired ? "E_EXPIRED" : "E_NOT_SHARED", "no usable grant");
  return open_section(view.container.record_id, *s, usable->key);
}

OwnerView open_as_owner(const std::string& file, const std::string& x25519_secret, const std::string& signing_key) {
  OwnerView view{read_container(file), std::string(32, '\0')};
  const Container& c = view.container;
  if (c.owner_signing_key != signing_key || c.owner_encryption_key != x25519_public(x25519_secret))
    refuse("E_AUTH", "another identity's record");
  if (crypto_box_seal_open(uc(view.rmk), uc(c.owner_key_wrap), c.owner_key_wrap.size(),
                           uc(c.owner_encryption_key), uc(x25519_secret)) != 0)
    refuse("E_INTEGRITY", "owner_key_wrap does not open");
  if (c.sections.size() != c.section_digests.size() || c.grants.size() != c.grant_digests.size())
    refuse("E_FORMAT", "a share bundle, not the record");
  return view;
}

std::string read_as_owner(const OwnerView& view, uint32_t section) {
  const Section* s = view.container.find(section);
  if (s == nullptr) refuse("E_NOT_FOUND", "no such section");
  return open_section(view.container.record_id, *s, section_key(view.rmk, s->id, s->generation));
}

}  // namespace kartla::vectors::independent
