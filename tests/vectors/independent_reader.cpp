// SPDX-License-Identifier: Apache-2.0
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
constexpr uint64_t kMaxBody = (264ull << 20) + 40;  // SPEC §9: padded 256 MiB, nonce and tag
constexpr size_t kMaxGrantPayload = 64u << 10;
constexpr size_t kSealOverhead = 48;
constexpr size_t kSlotTableBytes = 64 * 32;
constexpr size_t kSealedIndexBytes = 1064;

// ---- SPEC §3.2: strict protobuf, by field number only ----

// repeated_message: each element is length-delimited and may be empty (a message whose fields
// are all defaults); the caller parses the elements with their own schema.
enum class Kind { u32, u64, i64, bytes, string, repeated_bytes, repeated_message };

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
    const bool repeated = kind == Kind::repeated_bytes || kind == Kind::repeated_message;
    if (n < last || (n == last && !repeated))
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
      if (length == 0 && !repeated) refuse("E_FORMAT", std::string(what) + ": a default value written out");
      m.bytes[n].push_back(in.substr(pos, static_cast<size_t>(length)));
      pos += static_cast<size_t>(length);
    }
  }
  return m;
}

const std::map<uint32_t, Kind> kRecordHeader = {
    {1, Kind::u32}, {2, Kind::bytes}, {3, Kind::bytes}, {4, Kind::repeated_bytes}, {5, Kind::repeated_bytes}};
// Field 10 is reserved (SPEC §6.2): not in the schema, so an unknown field.
const std::map<uint32_t, Kind> kManifest = {{1, Kind::u32},   {2, Kind::bytes},
                                            {3, Kind::bytes}, {4, Kind::bytes},
                                            {5, Kind::u64},   {6, Kind::bytes},
                                            {7, Kind::bytes}, {8, Kind::repeated_message},
                                            {9, Kind::repeated_bytes}, {11, Kind::bytes},
                                            {12, Kind::bytes}};
const std::map<uint32_t, Kind> kSectionRef = {{1, Kind::bytes}, {2, Kind::bytes}};
const std::map<uint32_t, Kind> kSectionEntry = {{1, Kind::bytes}, {2, Kind::u64}, {3, Kind::bytes}, {4, Kind::bytes}};
const std::map<uint32_t, Kind> kOwnerIndex = {{1, Kind::u32}, {2, Kind::repeated_message}};
const std::map<uint32_t, Kind> kIndexedSection = {{1, Kind::u32}, {2, Kind::u32}};
const std::map<uint32_t, Kind> kGrantTerms = {{1, Kind::u32},   {2, Kind::bytes},  {3, Kind::bytes},
                                              {4, Kind::bytes}, {5, Kind::bytes},  {6, Kind::string},
                                              {7, Kind::i64},   {8, Kind::i64},    {9, Kind::repeated_message},
                                              {10, Kind::string}, {11, Kind::string}, {12, Kind::repeated_message}};
const std::map<uint32_t, Kind> kInvolvedNotice = {{1, Kind::string}, {2, Kind::string}, {3, Kind::string},
                                                  {4, Kind::string}, {5, Kind::string}, {6, Kind::string},
                                                  {7, Kind::u32}};
const std::map<uint32_t, Kind> kGrantedSection = {{1, Kind::u32}, {2, Kind::u32}};

// SPEC §7.9: YYYY, YYYY-MM or YYYY-MM-DD, month 01-12, day 01-31, year at least 1000.
bool is_since(const std::string& s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  if (s[0] == '0') return false;
  if (s.size() >= 7) {
    const int month = std::stoi(s.substr(5, 2));
    if (month < 1 || month > 12) return false;
  }
  if (s.size() == 10) {
    const int day = std::stoi(s.substr(8, 2));
    if (day < 1 || day > 31) return false;
  }
  return true;
}

bool listed(const std::vector<std::string>& sorted, const std::string& digest) {
  return std::binary_search(sorted.begin(), sorted.end(), digest);
}

bool equal_ct(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

int floor_log2(uint64_t x) {
  int r = -1;
  for (; x != 0; x >>= 1) ++r;
  return r;
}

uint64_t padme(uint64_t length) {
  const int e = floor_log2(length);
  const int s = floor_log2(static_cast<uint64_t>(e)) + 1;
  const uint64_t mask = (uint64_t{1} << (e - s)) - 1;
  return (length + mask) & ~mask;
}

// SPEC §7.1: "6.1.a" .. "6.1.f", "9.2.a" .. "9.2.j".
bool is_basis(const std::string& code, const std::string& prefix, char last) {
  return code.size() == 5 && code.compare(0, 4, prefix) == 0 && code[4] >= 'a' && code[4] <= last;
}

// SPEC §5.5 "Opening a section", in its order: commitment before anything is decrypted, then the
// length and hash, then the AEAD, then the padding.
std::string open_section(const std::string& record_id, const Entry& e, const std::string& key, uint32_t section,
                         uint32_t generation) {
  if (!equal_ct(key_commitment(key, record_id, section, generation), e.key_commitment))
    refuse("E_INTEGRITY", "the key does not match the key commitment");
  if (e.body.size() != e.ciphertext_length || !equal_ct(H("kartla/v1/section-ciphertext", e.body), e.ciphertext_hash))
    refuse("E_INTEGRITY", "ciphertext hash mismatch");
  const auto padded = aead_open(key, e.body, section_ad(record_id, section, generation));
  if (!padded) refuse("E_INTEGRITY", "the AEAD does not open");
  return unpad(*padded);
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

std::string kdf(const std::string& key, const std::string& context, uint64_t id) {
  const std::string salt = le(id, 8) + std::string(8, '\0');
  const std::string personal = context + std::string(16 - context.size(), '\0');
  std::string out(32, '\0');
  if (context.size() != 8 ||
      crypto_generichash_blake2b_salt_personal(uc(out), 32, nullptr, 0, uc(key), key.size(), uc(salt),
                                               uc(personal)) != 0)
    refuse("E_CRYPTO", "BLAKE2b failed");
  return out;
}

std::string section_key(const std::string& rmk, uint32_t section, uint32_t generation) {
  return kdf(rmk, "kartlaSK", (uint64_t{section} << 32) | generation);
}

std::string section_ad(const std::string& record_id, uint32_t section, uint32_t generation) {
  return std::string("kartla/v1/section") + '\0' + le(1, 4) + record_id + le(section, 4) + le(generation, 4);
}

std::string key_commitment(const std::string& key, const std::string& record_id, uint32_t section,
                           uint32_t generation) {
  return H("kartla/v1/key-commitment", section_ad(record_id, section, generation), key);
}

std::string slot_secret(const std::string& rmk, uint32_t section) { return kdf(rmk, "kartlaSS", section); }
std::string slot_tag(const std::string& secret) { return H("kartla/v1/slot-tag", secret); }
std::string slot_commitment(const std::string& secret) { return H("kartla/v1/slot-commitment", secret); }

std::string slot_table(const std::string& rmk) {
  std::string table;
  for (uint32_t id = 1; id <= 64; ++id) table += slot_commitment(slot_secret(rmk, id));
  return table;
}

std::string index_key(const std::string& rmk) { return kdf(rmk, "kartlaIX", 0); }

std::string index_ad(const std::string& record_id, uint64_t sequence) {
  return std::string("kartla/v1/owner-index") + '\0' + le(1, 4) + record_id + le(sequence, 8);
}

uint64_t padded_size(uint64_t n) { return n + 1 <= 1024 ? 1024 : padme(n + 1); }

bool is_padded_length(uint64_t p) { return p == 1024 || (p > 1024 && padme(p) == p); }

std::string pad(const std::string& content) {
  std::string out = content + '\x80';
  out.resize(static_cast<size_t>(padded_size(content.size())), '\0');
  return out;
}

std::string unpad(const std::string& padded) {
  if (!is_padded_length(padded.size())) refuse("E_FORMAT", "not a padded length");
  size_t marker = padded.size();
  while (marker > 0 && padded[marker - 1] == '\0') --marker;
  if (marker == 0 || static_cast<uint8_t>(padded[marker - 1]) != 0x80) refuse("E_FORMAT", "no 0x80 padding marker");
  const size_t n = marker - 1;
  if (padded_size(n) != padded.size()) refuse("E_FORMAT", "padded to another length than padded_size");
  return padded.substr(0, n);
}

std::optional<std::string> aead_open(const std::string& key, const std::string& sealed, const std::string& ad) {
  if (sealed.size() < 40 || key.size() != 32) return std::nullopt;
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

std::string ed25519_public(const std::string& seed) {
  std::string pk(32, '\0'), sk(64, '\0');
  if (seed.size() != 32 || crypto_sign_seed_keypair(uc(pk), uc(sk), uc(seed)) != 0) refuse("E_CRYPTO", "Ed25519");
  sodium_memzero(uc(sk), sk.size());
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

const Entry* Container::find(const std::string& tag) const {
  for (const auto& e : entries)
    if (e.slot_tag == tag) return &e;
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

  // Step 4: Manifest, strict including its SectionRef messages.
  Container c;
  c.manifest = h.b(2);
  const Message m = parse(c.manifest, kManifest, "Manifest");
  std::vector<Message> refs;
  for (const auto& r : m.list(8)) refs.push_back(parse(r, kSectionRef, "SectionRef"));
  if (m.u(1) != 1) refuse("E_VERSION", "Manifest.format_version");
  c.record_id = m.b(2);
  c.owner_signing_key = m.b(3);
  c.owner_encryption_key = m.b(4);
  c.sequence = m.u(5);
  c.previous_manifest_hash = m.b(6);
  c.owner_key_wrap = m.b(7);
  c.grant_digests = m.list(9);
  c.slot_commitments = m.b(11);
  c.sealed_index = m.b(12);
  if (c.record_id.size() != 16 || c.owner_signing_key.size() != 32 || c.owner_encryption_key.size() != 32 ||
      c.owner_key_wrap.size() != 80)
    refuse("E_FORMAT", "manifest field length");
  if (c.sequence == 0) refuse("E_FORMAT", "sequence 0");
  if (c.sequence == 1 ? !c.previous_manifest_hash.empty() : c.previous_manifest_hash.size() != 32)
    refuse("E_FORMAT", "previous_manifest_hash presence");
  if (refs.size() > kMaxSections || c.grant_digests.size() > kMaxGrants) refuse("E_LIMIT", "too many sections or grants");
  for (const auto& r : refs) {
    SectionRef ref{r.b(1), r.b(2)};
    if (ref.slot_tag.size() != 32 || ref.entry_digest.size() != 32) refuse("E_FORMAT", "slot tag or digest length");
    if (!c.sections.empty() && !(c.sections.back().slot_tag < ref.slot_tag))
      refuse("E_FORMAT", "sections not strictly ascending by slot tag");
    c.sections.push_back(std::move(ref));
  }
  for (size_t i = 0; i < c.grant_digests.size(); ++i) {
    if (c.grant_digests[i].size() != 32) refuse("E_FORMAT", "grant digest length");
    if (i > 0 && !(c.grant_digests[i - 1] < c.grant_digests[i])) refuse("E_FORMAT", "grant digests not ascending");
  }
  if (c.slot_commitments.size() != kSlotTableBytes) refuse("E_FORMAT", "slot table length");
  std::set<std::string> commitments;
  for (size_t i = 0; i < kSlotTableBytes; i += 32)
    if (!commitments.insert(c.slot_commitments.substr(i, 32)).second) refuse("E_FORMAT", "a repeated slot commitment");
  if (c.sealed_index.size() != kSealedIndexBytes) refuse("E_FORMAT", "sealed_index length");

  // Step 5: the owner's signature over the exact manifest bytes.
  if (!verify("kartla/v1/manifest", c.owner_signing_key, c.manifest, signature))
    refuse("E_SIGNATURE", "manifest signature");

  // Step 6: entries and bodies.
  uint64_t offset = 12 + length;
  std::set<std::string> seen;
  for (const auto& bytes : entries) {
    const std::string digest = H("kartla/v1/section-entry", bytes);
    const auto ref = std::find_if(c.sections.begin(), c.sections.end(),
                                  [&](const SectionRef& r) { return r.entry_digest == digest; });
    if (ref == c.sections.end()) refuse("E_SIGNATURE", "entry not listed");
    const Message e = parse(bytes, kSectionEntry, "SectionEntry");
    Entry entry;
    entry.bytes = bytes;
    entry.slot_tag = e.b(1);
    entry.ciphertext_length = e.u(2);
    entry.ciphertext_hash = e.b(3);
    entry.key_commitment = e.b(4);
    if (entry.slot_tag.size() != 32 || entry.ciphertext_hash.size() != 32 || entry.key_commitment.size() != 32)
      refuse("E_FORMAT", "entry field length");
    if (entry.ciphertext_length > kMaxBody) refuse("E_LIMIT", "body over the limit");
    if (entry.ciphertext_length < 40 || !is_padded_length(entry.ciphertext_length - 40))
      refuse("E_FORMAT", "ciphertext_length is not 40 + a padded length");
    if (entry.slot_tag != ref->slot_tag) refuse("E_FORMAT", "the entry is in another slot than the manifest lists");
    if (!seen.insert(entry.slot_tag).second) refuse("E_FORMAT", "a slot tag twice in the file");
    if (entry.ciphertext_length > file.size() - offset) refuse("E_FORMAT", "body past the end");
    entry.body = file.substr(static_cast<size_t>(offset), static_cast<size_t>(entry.ciphertext_length));
    offset += entry.ciphertext_length;
    c.entries.push_back(std::move(entry));
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
  for (const auto& e : c.entries)
    if (!equal_ct(H("kartla/v1/section-ciphertext", e.body), e.ciphertext_hash))
      refuse("E_INTEGRITY", "ciphertext hash mismatch");
  return c;
}

std::string verification_report(const Container& c, uint64_t file_size) {
  auto hex = [](const std::string& b) {
    std::string out(b.size() * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), uc(b), b.size());
    out.pop_back();
    return out;
  };
  const std::string digits = hex(H("kartla/v1/fingerprint", c.owner_signing_key + c.owner_encryption_key).substr(0, 16));
  std::string fingerprint;
  for (size_t i = 0; i < digits.size(); i += 4) fingerprint += (i == 0 ? "" : " ") + digits.substr(i, 4);
  uint64_t section_bytes = 0;
  for (const auto& e : c.entries) section_bytes += e.ciphertext_length;
  const bool full = c.entries.size() == c.sections.size() && c.grants.size() == c.grant_digests.size();
  std::string out = "{\n";
  out += "  \"record_id\": \"" + hex(c.record_id) + "\",\n";
  out += "  \"owner_fingerprint\": \"" + fingerprint + "\",\n";
  out += "  \"sequence\": " + std::to_string(c.sequence) + ",\n";
  out += "  \"previous_manifest_hash\": \"" + hex(c.previous_manifest_hash) + "\",\n";
  out += std::string("  \"kind\": \"") + (full ? "record" : "bundle") + "\",\n";
  out += "  \"sections_listed\": " + std::to_string(c.sections.size()) + ",\n";
  out += "  \"sections_present\": " + std::to_string(c.entries.size()) + ",\n";
  out += "  \"section_bytes\": " + std::to_string(section_bytes) + ",\n";
  out += "  \"grants_listed\": " + std::to_string(c.grant_digests.size()) + ",\n";
  out += "  \"grants_present\": " + std::to_string(c.grants.size()) + ",\n";
  out += "  \"file_bytes\": " + std::to_string(file_size) + "\n}\n";
  return out;
}

OwnerView open_as_owner(const std::string& file, const std::string& x25519_secret, const std::string& signing_key) {
  OwnerView view{read_container(file), std::string(32, '\0'), {}};
  const Container& c = view.container;
  if (c.owner_signing_key != signing_key || c.owner_encryption_key != x25519_public(x25519_secret))
    refuse("E_AUTH", "another identity's record");
  if (c.owner_key_wrap.size() != 80 || crypto_box_seal_open(uc(view.rmk), uc(c.owner_key_wrap), c.owner_key_wrap.size(),
                                                            uc(c.owner_encryption_key), uc(x25519_secret)) != 0)
    refuse("E_INTEGRITY", "owner_key_wrap does not open");
  if (c.entries.size() != c.sections.size() || c.grants.size() != c.grant_digests.size())
    refuse("E_FORMAT", "a share bundle, not the record");
  if (c.slot_commitments != slot_table(view.rmk)) refuse("E_INTEGRITY", "the slot table is not the RMK's");

  // SPEC §6.2: the owner index.
  OwnerIndex& index = view.index;
  const auto padded = aead_open(index_key(view.rmk), c.sealed_index, index_ad(c.record_id, c.sequence));
  if (!padded) refuse("E_INTEGRITY", "the owner index does not open");
  index.padded = *padded;
  index.plaintext = unpad(*padded);
  const Message m = parse(index.plaintext, kOwnerIndex, "OwnerIndex");
  std::vector<Message> listed_sections;
  for (const auto& s : m.list(2)) listed_sections.push_back(parse(s, kIndexedSection, "IndexedSection"));
  index.highest_generation = static_cast<uint32_t>(m.u(1));
  for (const auto& s : listed_sections) {
    const IndexedSection is{static_cast<uint32_t>(s.u(1)), static_cast<uint32_t>(s.u(2))};
    if (is.id == 0 || is.id > 64) refuse("E_FORMAT", "index: section id outside 1-64");
    if (!index.sections.empty() && !(index.sections.back().id < is.id)) refuse("E_FORMAT", "index: not ascending");
    if (is.generation == 0 || is.generation > index.highest_generation)
      refuse("E_FORMAT", "index: generation outside 1 to highest_generation");
    index.sections.push_back(is);
  }
  if (index.sections.size() != c.sections.size()) refuse("E_FORMAT", "index: not as many sections as the manifest");
  for (const auto& is : index.sections) {
    const std::string tag = slot_tag(slot_secret(view.rmk, is.id));
    if (std::none_of(c.sections.begin(), c.sections.end(), [&](const SectionRef& r) { return r.slot_tag == tag; }))
      refuse("E_FORMAT", "index: a section whose slot tag the manifest does not list");
  }
  return view;
}

std::string read_as_owner(const OwnerView& view, uint32_t section) {
  for (const auto& is : view.index.sections) {
    if (is.id != section) continue;
    const Entry* e = view.container.find(slot_tag(slot_secret(view.rmk, section)));
    if (e == nullptr) refuse("E_FORMAT", "listed but absent");  // excluded by open_as_owner
    return open_section(view.container.record_id, *e, section_key(view.rmk, section, is.generation), section,
                        is.generation);
  }
  refuse("E_NOT_FOUND", "no such section");
}

std::optional<Grant> open_grant(const std::string& grant, const std::string& x25519_secret,
                                const std::string& signing_key) {
  // Step 1: wrong sizes are not tried at all: such a box is not this agency's.
  if (grant.size() < kSealOverhead || grant.size() - kSealOverhead > kMaxGrantPayload) return std::nullopt;
  // Step 2.
  const std::string pk = x25519_public(x25519_secret);
  Grant out;
  out.padded_payload.assign(grant.size() - kSealOverhead, '\0');
  if (crypto_box_seal_open(uc(out.padded_payload), uc(grant), grant.size(), uc(pk), uc(x25519_secret)) != 0)
    return std::nullopt;
  // Step 3.
  out.payload = unpad(out.padded_payload);
  const std::string prefix = std::string("kartla/v1/grant-payload") + '\0';
  const std::string& p = out.payload;
  if (p.size() < prefix.size() + 4 || p.compare(0, prefix.size(), prefix) != 0) refuse("E_FORMAT", "not a grant");
  uint64_t terms_size = 0;
  for (int i = 0; i < 4; ++i) terms_size |= uint64_t{static_cast<uint8_t>(p[prefix.size() + i])} << (8 * i);
  const size_t rest = p.size() - prefix.size() - 4;
  if (terms_size > rest) refuse("E_FORMAT", "terms truncated");
  out.terms = p.substr(prefix.size() + 4, static_cast<size_t>(terms_size));
  const std::string keys = p.substr(prefix.size() + 4 + static_cast<size_t>(terms_size));
  // Step 4.
  const Message t = parse(out.terms, kGrantTerms, "GrantTerms");
  std::vector<Message> sections;
  for (const auto& s : t.list(9)) sections.push_back(parse(s, kGrantedSection, "GrantedSection"));
  std::vector<Message> involved;
  for (const auto& n : t.list(12)) involved.push_back(parse(n, kInvolvedNotice, "InvolvedNotice"));
  if (t.u(1) != 1) refuse("E_VERSION", "GrantTerms.format_version");
  // Step 5.
  out.grant_id = t.b(2);
  out.record_id = t.b(3);
  out.recipient_signing_key = t.b(4);
  out.recipient_encryption_key = t.b(5);
  out.purpose = t.b(6);
  out.granted_at = static_cast<int64_t>(t.u(7));
  out.expires_at = static_cast<int64_t>(t.u(8));
  out.gdpr_art6_basis = t.b(10);
  out.gdpr_art9_basis = t.b(11);
  if (out.grant_id.size() != 16 || out.record_id.size() != 16 || out.recipient_signing_key.size() != 32 ||
      out.recipient_encryption_key.size() != 32)
    refuse("E_FORMAT", "grant field length");
  if (sections.empty() || sections.size() > kMaxSections) refuse("E_FORMAT", "section count");
  if (out.purpose.empty() || out.purpose.size() > 1024) refuse("E_FORMAT", "purpose empty or too long");
  if (keys.size() != 64 * sections.size()) refuse("E_FORMAT", "not 64 bytes per section after the terms");
  if (out.granted_at <= 0) refuse("E_FORMAT", "granted_at");
  if (out.expires_at != 0 && out.expires_at <= out.granted_at) refuse("E_FORMAT", "expires_at not after granted_at");
  if (!is_basis(out.gdpr_art6_basis, "6.1.", 'f')) refuse("E_FORMAT", "gdpr_art6_basis");
  if (!out.gdpr_art9_basis.empty() && !is_basis(out.gdpr_art9_basis, "9.2.", 'j')) refuse("E_FORMAT", "gdpr_art9_basis");
  // SPEC §7.9, checked at step 5.
  if (involved.size() > 32) refuse("E_FORMAT", "more than 32 involved agencies");
  int leads = 0;
  for (const Message& n : involved) {
    Involved i{n.b(1), n.b(2), n.b(3), n.b(4), n.b(5), n.b(6), n.u(7) == 1};
    if (n.u(7) > 1) refuse("E_FORMAT", "lead is not a bool");
    if (i.name.empty() && i.organisation_number.empty()) refuse("E_FORMAT", "involved agency without name or number");
    if (i.name.size() > 200 || i.organisation_number.size() > 200 || i.contact_name.size() > 200 ||
        i.contact_pseudonym.size() > 200 || i.role.size() > 64)
      refuse("E_FORMAT", "involved agency field too long");
    if (!is_since(i.since)) refuse("E_FORMAT", "involved agency's since");
    if (!i.contact_name.empty() && !i.contact_pseudonym.empty()) refuse("E_FORMAT", "both contacts");
    if (i.lead && ++leads > 1) refuse("E_FORMAT", "more than one lead");
    out.involved.push_back(std::move(i));
  }
  // Step 6.
  if (out.recipient_encryption_key != pk || out.recipient_signing_key != signing_key)
    refuse("E_SIGNATURE", "grant names another recipient");
  // Step 7.
  std::set<uint32_t> seen;
  for (size_t i = 0; i < sections.size(); ++i) {
    GrantedSection g{static_cast<uint32_t>(sections[i].u(1)), static_cast<uint32_t>(sections[i].u(2)),
                     keys.substr(64 * i, 32), keys.substr(64 * i + 32, 32)};
    if (g.id == 0 || g.id > 64 || g.generation == 0) refuse("E_FORMAT", "granted section id or generation");
    if (!seen.insert(g.id).second) refuse("E_FORMAT", "granted section twice");
    if (g.id == 12) refuse("E_FORMAT", "the sharing ledger granted");
    if (g.id == 6 && out.gdpr_art9_basis.empty()) refuse("E_FORMAT", "work_ability without an Art. 9(2) basis");
    out.sections.push_back(std::move(g));
  }
  return out;
}

AgencyView open_as_agency(const std::string& file, const std::string& x25519_secret, const std::string& signing_key) {
  AgencyView view{read_container(file), {}};
  for (const auto& g : view.container.grants) {
    std::optional<Grant> grant = open_grant(g, x25519_secret, signing_key);
    if (!grant) continue;
    if (grant->record_id != view.container.record_id) refuse("E_SIGNATURE", "grant for another record");
    for (const auto& s : grant->sections)
      if (!equal_ct(slot_commitment(s.slot_secret), view.container.slot_commitments.substr((s.id - 1) * 32, 32)))
        refuse("E_INTEGRITY", "a slot secret does not match the slot table");
    view.grants.push_back(std::move(*grant));
  }
  return view;
}

std::string read_as_agency(const AgencyView& view, uint32_t section, int64_t at) {
  const Container& c = view.container;
  bool matched = false;
  for (const auto& grant : view.grants) {
    for (const auto& g : grant.sections) {
      if (g.id != section) continue;
      const Entry* e = c.find(slot_tag(g.slot_secret));
      if (e == nullptr || !equal_ct(key_commitment(g.key, c.record_id, g.id, g.generation), e->key_commitment))
        continue;
      matched = true;
      if (grant.expires_at != 0 && at >= grant.expires_at) continue;
      return open_section(c.record_id, *e, g.key, g.id, g.generation);
    }
  }
  refuse(matched ? "E_EXPIRED" : "E_NOT_SHARED", "no grant whose key matches the entry in this file is valid");
}

// ---- SPEC §7.6: receipts ----

namespace {

const std::map<uint32_t, Kind> kSignedCard = {{1, Kind::bytes}, {2, Kind::bytes}};
const std::map<uint32_t, Kind> kCard = {{1, Kind::u32},    {2, Kind::u32},    {3, Kind::bytes}, {4, Kind::bytes},
                                        {5, Kind::string}, {6, Kind::string}, {7, Kind::u32},   {8, Kind::i64}};
const std::map<uint32_t, Kind> kSignedReceipt = {{1, Kind::bytes}, {2, Kind::bytes}};
const std::map<uint32_t, Kind> kReceipt = {
    {1, Kind::u32},     {2, Kind::u32},     {3, Kind::bytes},   {4, Kind::bytes},   {5, Kind::bytes},
    {6, Kind::bytes},   {7, Kind::bytes},   {8, Kind::bytes},   {9, Kind::string},  {10, Kind::repeated_bytes},
    {11, Kind::string}, {12, Kind::string}, {13, Kind::string}, {14, Kind::i64},    {15, Kind::i64},
    {16, Kind::i64},    {17, Kind::u32},    {18, Kind::u64},    {19, Kind::bytes}};

// SPEC §3.1 for a file that ends at 12 + L.
std::string small_payload(const std::string& file, char type, size_t max) {
  if (file.size() < 12 || file.compare(0, 6, "KARTLA") != 0 || file[6] != type) refuse("E_FORMAT", "prefix");
  if (file[7] != 1) refuse("E_VERSION", "major version");
  uint64_t length = 0;
  for (int i = 0; i < 4; ++i) length |= uint64_t{static_cast<uint8_t>(file[8 + i])} << (8 * i);
  if (length > max) refuse("E_LIMIT", "payload length");
  if (file.size() != 12 + length) refuse("E_FORMAT", "truncated or followed by more bytes");
  return file.substr(12);
}

struct CardKeys {
  uint64_t kind = 0;
  std::string signing_key, encryption_key;
};

// SPEC §4.2 "Reading a card" (the parts a pin needs).
CardKeys read_card_file(const std::string& file) {
  const Message sc = parse(small_payload(file, 'C', 64u << 10), kSignedCard, "signed card");
  const Message card = parse(sc.b(1), kCard, "card");
  if (card.u(1) != 1) refuse("E_VERSION", "card version");
  if (card.u(2) < 1 || card.u(2) > 3 || card.b(3).size() != 32 || card.b(4).size() != 32) refuse("E_FORMAT", "card");
  if (!verify("kartla/v1/card", card.b(3), sc.b(1), sc.b(2))) refuse("E_SIGNATURE", "card self-signature");
  return {card.u(2), card.b(3), card.b(4)};
}

bool is_section_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

}  // namespace

Receipt read_receipt(const std::string& file, const std::string& owner_card_file, const std::string& agency_card_file) {
  // The pins are the caller's arguments: a card of the wrong kind is a misuse.
  std::optional<CardKeys> owner, agency;
  if (!owner_card_file.empty()) {
    owner = read_card_file(owner_card_file);
    if (owner->kind != 1) refuse("E_INVALID_ARGUMENT", "not an owner's card");
  }
  if (!agency_card_file.empty()) {
    agency = read_card_file(agency_card_file);
    if (agency->kind != 2) refuse("E_INVALID_ARGUMENT", "not an agency's card");
  }
  // Steps 1-2.
  const Message outer = parse(small_payload(file, 'X', 64u << 10), kSignedReceipt, "signed receipt");
  const Message m = parse(outer.b(1), kReceipt, "receipt");
  if (m.u(1) != 1) refuse("E_VERSION", "receipt format version");
  // Step 3.
  const auto bad = [](const char* why) { refuse("E_FORMAT", why); };
  if (m.u(2) != 1 && m.u(2) != 2) bad("kind");
  if (m.b(3).size() != 16 || m.b(6).size() != 16) bad("record or grant id length");
  for (uint32_t n : {4u, 5u, 7u, 8u})
    if (m.b(n).size() != 32) bad("key length");
  if (m.b(9).empty()) bad("no agency name");
  if (m.b(9).size() > 256) refuse("E_LIMIT", "agency name");
  if (m.b(11).empty()) bad("no purpose");
  if (m.b(11).size() > 1024) refuse("E_LIMIT", "purpose");
  if (!is_basis(m.b(12), "6.1.", 'f')) bad("Art. 6 basis");
  if (!m.b(13).empty() && !is_basis(m.b(13), "9.2.", 'j')) bad("Art. 9 basis");
  const std::vector<std::string> sections = m.list(10);
  if (sections.empty()) bad("no section");
  if (sections.size() > 64) refuse("E_LIMIT", "sections");
  for (size_t i = 0; i < sections.size(); ++i) {
    if (!is_section_name(sections[i]) || sections[i] == "sharing_ledger") bad("section name");
    if (std::find(sections.begin(), sections.begin() + static_cast<std::ptrdiff_t>(i), sections[i]) !=
        sections.begin() + static_cast<std::ptrdiff_t>(i))
      bad("section twice");
    if (sections[i] == "work_ability" && m.b(13).empty()) bad("work_ability without Art. 9 basis");
  }
  const auto granted = static_cast<int64_t>(m.u(14)), expires = static_cast<int64_t>(m.u(15)),
             ended = static_cast<int64_t>(m.u(16));
  if (granted < 1) bad("granted_at");
  if (expires != 0 && expires <= granted) bad("expires_at");
  if (m.u(2) == 1 && (ended != 0 || m.u(17) != 0)) bad("a grant receipt that ended");
  if (m.u(2) == 2) {
    if (ended < 1 || (m.u(17) != 1 && m.u(17) != 2)) bad("termination without time or reason");
    if (m.u(17) == 2 && (expires == 0 || ended < expires)) bad("expired before its expiry");
  }
  if (m.u(18) < 1) bad("sequence");
  if (m.b(19).size() != 32) bad("manifest hash length");
  if (outer.b(2).size() != 64) bad("signature length");
  // Step 4.
  if (!verify("kartla/v1/receipt", m.b(4), outer.b(1), outer.b(2))) refuse("E_SIGNATURE", "receipt signature");
  // Steps 5-6.
  if (owner && (m.b(4) != owner->signing_key || m.b(5) != owner->encryption_key)) refuse("E_AUTH", "another owner");
  if (agency && (m.b(7) != agency->signing_key || m.b(8) != agency->encryption_key))
    refuse("E_SIGNATURE", "another agency's grant");

  Receipt r;
  r.bytes = outer.b(1);
  r.kind = m.u(2);
  r.record_id = m.b(3);
  r.owner_signing_key = m.b(4);
  r.owner_encryption_key = m.b(5);
  r.grant_id = m.b(6);
  r.recipient_signing_key = m.b(7);
  r.recipient_encryption_key = m.b(8);
  r.agency_name = m.b(9);
  r.sections = sections;
  r.purpose = m.b(11);
  r.gdpr_art6_basis = m.b(12);
  r.gdpr_art9_basis = m.b(13);
  r.granted_at = granted;
  r.expires_at = expires;
  r.ended_at = ended;
  r.end_reason = m.u(17);
  r.sequence = m.u(18);
  r.manifest_hash = m.b(19);
  return r;
}

}  // namespace kartla::vectors::independent
