// SPDX-License-Identifier: Apache-2.0
// Reading a container without any key (docs/SPEC.md §6.3): what is authenticated, in what order,
// and that nothing unlisted, out of place or in another slot is accepted (docs/THREATS.md T3, T17, T18, T22).
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/error.h"
#include "crypto/random.h"
#include "crypto/sign.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/labels.h"
#include "format/owner_index.h"
#include "format/section_crypto.h"
#include "format_fixtures.h"

using namespace kartla;
using namespace kartla::testing;

namespace {

// A record assembled from parts with the format layer's own encoders, so each test can change
// one part and re-sign (or not) as the case needs. Slot tags, the slot table and the sealed index
// come from a real record master key, as a writer makes them.
struct Parts {
  // Shared, so a copied Parts (one test's variation) is still signed by the same owner.
  std::shared_ptr<const TestSigner> owner = std::make_shared<TestSigner>();
  std::shared_ptr<const crypto::SecretBuffer> master_key =
      std::make_shared<const crypto::SecretBuffer>(crypto::random_secret(32));
  format::Manifest manifest = sample_manifest(1);
  std::vector<std::string> entries;
  std::vector<std::string> bodies;
  std::vector<std::string> grants;
  std::string signature_label = format::label::kManifestSignature;

  Parts() {
    manifest.owner_signing_key = owner->keys.public_key;
    manifest.sections.clear();
    manifest.slot_commitments = format::slot_commitment_table(*master_key);
    format::OwnerIndex index{1, {}};
    for (uint32_t id : {1u, 4u}) {
      const format::SealedSection s = seal(id, std::string("section ") + std::to_string(id));
      entries.push_back(format::encode_section_entry(s.entry));
      bodies.push_back(s.body);
      index.sections.push_back({id, 1});
    }
    manifest.sealed_index = format::seal_owner_index(*master_key, manifest.record_id, manifest.sequence, index);
  }

  std::string tag(uint32_t section_id) const {
    return format::slot_tag(format::derive_slot_secret(*master_key, section_id));
  }

  format::SealedSection seal(uint32_t section_id, const std::string& content, uint32_t generation = 1) const {
    return format::seal_section(format::derive_section_key(*master_key, section_id, generation),
                                {manifest.record_id, section_id, generation}, tag(section_id), content);
  }

  // The manifest's (slot tag, entry digest) pairs and grant digests for what the parts hold.
  void list_everything() {
    manifest.sections.clear();
    for (const auto& e : entries)
      manifest.sections.push_back({format::decode_section_entry(e).slot_tag,
                                   crypto::digest_bytes(format::section_entry_digest(e))});
    format::sort_section_refs(manifest.sections);
    manifest.grant_digests.clear();
    for (const auto& g : grants) manifest.grant_digests.push_back(crypto::digest_bytes(format::grant_digest(g)));
    format::sort_digests(manifest.grant_digests);
  }

  std::string file(const crypto::SigningKeyPair* signer = nullptr) const {
    format::RecordHeader h;
    h.manifest = format::encode_manifest(manifest);
    h.manifest_signature = crypto::sign_with_label(signature_label, signer ? *signer : owner->keys, h.manifest);
    h.section_entries = entries;
    h.grants = grants;
    std::string out = format::encode_container_prefix(h);
    for (const auto& b : bodies) out += b;
    return out;
  }
};

Error error_of(const std::string& file) {
  format::MemorySource source(file);
  try {
    format::read_container(source);
  } catch (const Error& e) {
    return e;
  }
  FAIL("read_container accepted a bad container");
  return Error(Code::ok, "");
}

}  // namespace

TEST_CASE("a well-formed container reads, with bodies located and checked", "[format][container]") {
  Parts parts;
  parts.list_everything();
  const std::string file = parts.file();
  format::MemorySource source(file);
  const format::VerifiedContainer c = format::read_container(source);
  REQUIRE(c.sections.size() == 2);
  REQUIRE(c.has_every_section());
  REQUIRE(c.has_every_grant());
  REQUIRE(c.manifest_bytes == format::encode_manifest(parts.manifest));
  REQUIRE(c.header_bytes + parts.bodies[0].size() + parts.bodies[1].size() == file.size());
  REQUIRE(c.find_slot(parts.tag(4)) != nullptr);
  REQUIRE(c.find_slot(parts.tag(4))->entry_bytes == parts.entries[1]);
  REQUIRE(c.find_slot(parts.tag(2)) == nullptr);
  // The file names no section: the entries carry slot tags only, and a keyless reader gets no id.
  for (const auto& s : c.sections) REQUIRE(s.entry.slot_tag.size() == 32);
  for (size_t i = 0; i < 2; ++i) {
    REQUIRE(format::read_section_body(source, c.sections[i]) == parts.bodies[i]);
    REQUIRE_NOTHROW(format::check_section_body(source, c.sections[i]));
  }
}

TEST_CASE("the manifest signature must be the owner's, under the manifest label (THREATS.md T17-T18)",
          "[format][container]") {
  Parts parts;
  parts.list_everything();
  const TestSigner stranger;
  CHECK(error_of(parts.file(&stranger.keys)).code() == Code::signature);

  // The owner key inside the file replaced by the stranger's, still signed by the owner.
  Parts replaced = parts;
  replaced.manifest.owner_signing_key = stranger.keys.public_key;
  CHECK(error_of(replaced.file()).code() == Code::signature);

  // A valid owner signature of the same bytes, but made for a card.
  Parts relabelled = parts;
  relabelled.signature_label = format::label::kCardSignature;
  CHECK(error_of(relabelled.file()).code() == Code::signature);
}

TEST_CASE("entries and grants must be listed in the signed manifest, once (THREATS.md T22)", "[format][container]") {
  Parts parts;
  parts.list_everything();
  Parts unlisted_entry = parts;
  unlisted_entry.manifest.sections.erase(unlisted_entry.manifest.sections.begin());
  CHECK(error_of(unlisted_entry.file()).code() == Code::signature);

  // A second entry for a listed slot, with other content: the manifest pairs one digest with the
  // slot, so the other entry is not signed.
  Parts second_entry = parts;
  const format::SealedSection other = second_entry.seal(1, "other content");
  second_entry.entries.push_back(format::encode_section_entry(other.entry));
  second_entry.bodies.push_back(other.body);
  CHECK(error_of(second_entry.file()).code() == Code::signature);

  Parts twice = parts;  // the same listed entry, and its body, twice in the file
  twice.entries.push_back(twice.entries[0]);
  twice.bodies.push_back(twice.bodies[0]);
  const Error repeated = error_of(twice.file());
  CHECK(repeated.code() == Code::format);
  CHECK(std::string(repeated.what()).find("twice") != std::string::npos);

  Parts forged_grant = parts;  // anyone can make a sealed box for a public key
  forged_grant.grants.push_back(std::string(120, 'g'));
  CHECK(error_of(forged_grant.file()).code() == Code::signature);

  Parts listed_grant = parts;
  listed_grant.grants.push_back(std::string(120, 'g'));
  listed_grant.list_everything();
  const std::string with_grant = listed_grant.file();
  format::MemorySource source(with_grant);
  CHECK(format::read_container(source).grants.size() == 1);

  Parts grant_twice = listed_grant;
  grant_twice.grants.push_back(grant_twice.grants[0]);
  CHECK(error_of(grant_twice.file()).code() == Code::format);
}

TEST_CASE("the file is exactly as long as its header says (THREATS.md T1, T3)", "[format][container]") {
  Parts parts;
  parts.list_everything();
  const std::string file = parts.file();
  CHECK(error_of(file + "x").code() == Code::format);
  CHECK(error_of(file + file).code() == Code::format);
  CHECK(error_of(file.substr(0, file.size() - 1)).code() == Code::format);
  CHECK(error_of(file.substr(0, 12)).code() == Code::format);
}

TEST_CASE("a changed body is caught by its hash", "[format][container]") {
  Parts parts;
  parts.list_everything();
  std::string file = parts.file();
  file[file.size() - 5] = static_cast<char>(file[file.size() - 5] ^ 0x40);
  format::MemorySource source(file);
  const format::VerifiedContainer c = format::read_container(source);  // header intact
  REQUIRE_NOTHROW(format::check_section_body(source, c.sections[0]));
  CHECK_THROWS_MATCHES(format::check_section_body(source, c.sections[1]), Error,
                       Catch::Predicate<Error>([](const Error& e) { return e.code() == Code::integrity; }));
}

TEST_CASE("an entry must sit in the slot the manifest pairs it with (SPEC §6.3 step 6.3)", "[format][container]") {
  // The owner signs a manifest that lists section 1's entry under section 2's slot tag. The digest
  // is listed, so only the pairing rule can refuse it.
  Parts parts;
  parts.list_everything();
  const std::string digest = crypto::digest_bytes(format::section_entry_digest(parts.entries[0]));
  for (auto& ref : parts.manifest.sections)
    if (ref.entry_digest == digest) ref.slot_tag = parts.tag(2);
  format::sort_section_refs(parts.manifest.sections);
  const Error e = error_of(parts.file());
  CHECK(e.code() == Code::format);
  CHECK(std::string(e.what()).find("slot") != std::string::npos);

  // Two listed pairs exchanged: each entry's digest is listed, each under the other's slot.
  Parts swapped;
  swapped.list_everything();
  std::swap(swapped.manifest.sections[0].entry_digest, swapped.manifest.sections[1].entry_digest);
  CHECK(error_of(swapped.file()).code() == Code::format);
}

TEST_CASE("a signed slot table that repeats a commitment is refused (SPEC §6.3 step 4)", "[format][container]") {
  for (auto [a, b] : {std::pair<size_t, size_t>{0, 3}, {11, 63}}) {
    Parts parts;
    parts.list_everything();
    auto& table = parts.manifest.slot_commitments;
    table.replace(b * 32, 32, table.substr(a * 32, 32));
    const Error e = error_of(parts.file());
    INFO("positions " << a << " and " << b);
    CHECK(e.code() == Code::format);
    CHECK(std::string(e.what()).find("commitment") != std::string::npos);
  }
  Parts short_table;
  short_table.list_everything();
  short_table.manifest.slot_commitments.pop_back();
  CHECK(error_of(short_table.file()).code() == Code::format);
  Parts short_index;
  short_index.list_everything();
  short_index.manifest.sealed_index.pop_back();
  CHECK(error_of(short_index.file()).code() == Code::format);
}

TEST_CASE("a listed entry whose ciphertext_length is not a padded length is refused (SPEC §5.4)",
          "[format][container]") {
  // A signed entry and a body of exactly its stated length: the file is not truncated and the hash
  // would match, but no writer pads to this length.
  for (uint64_t length : {uint64_t{40}, uint64_t{58}, uint64_t{1063}, uint64_t{1065}, uint64_t{1127}}) {
    Parts parts;
    const std::string body(static_cast<size_t>(length), 'b');
    format::SectionEntry entry = format::decode_section_entry(parts.entries[0]);
    entry.ciphertext_length = length;
    entry.ciphertext_hash = crypto::digest_bytes(format::ciphertext_hash(body));
    parts.list_everything();
    const std::string old_digest = crypto::digest_bytes(format::section_entry_digest(parts.entries[0]));
    parts.entries[0] = format::encode_section_entry(entry);
    parts.bodies[0] = body;
    for (auto& ref : parts.manifest.sections)  // listed, under its own slot
      if (ref.entry_digest == old_digest) ref.entry_digest = crypto::digest_bytes(format::section_entry_digest(parts.entries[0]));
    const Error e = error_of(parts.file());
    INFO("ciphertext_length " << length);
    CHECK(e.code() == Code::format);
    CHECK(std::string(e.what()).find("padded") != std::string::npos);
  }
}

TEST_CASE("entries are found by slot tag, in whatever order the header lists them", "[format][container]") {
  Parts parts;
  std::swap(parts.entries[0], parts.entries[1]);
  std::swap(parts.bodies[0], parts.bodies[1]);
  parts.list_everything();
  const std::string file = parts.file();
  format::MemorySource source(file);
  const format::VerifiedContainer c = format::read_container(source);
  for (uint32_t id : {1u, 4u}) {
    const format::ContainerSection* s = c.find_slot(parts.tag(id));
    REQUIRE(s != nullptr);
    const format::SectionSlot slot{parts.manifest.record_id, id, 1};
    const auto key = format::derive_section_key(*parts.master_key, id, 1);
    CHECK(format::open_section_from_source(source, *s, key, slot).view().as_string_view() ==
          "section " + std::to_string(id));
  }
}
