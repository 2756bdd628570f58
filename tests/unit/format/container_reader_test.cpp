// Reading a container without any key (docs/SPEC.md §6): what is authenticated, in what order,
// and that nothing unlisted or out of place is accepted (docs/THREATS.md T3, T17, T18, T22).
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "crypto/random.h"
#include "crypto/sign.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "format/labels.h"
#include "format/section_crypto.h"
#include "format_fixtures.h"

using namespace kartla;
using namespace kartla::testing;

namespace {

// A record assembled from parts with the format layer's own encoders, so each test can change
// one part and re-sign (or not) as the case needs.
struct Parts {
  // Shared, so a copied Parts (one test's variation) is still signed by the same owner.
  std::shared_ptr<const TestSigner> owner = std::make_shared<TestSigner>();
  format::Manifest manifest = sample_manifest(1);
  std::vector<std::string> entries;
  std::vector<std::string> bodies;
  std::vector<std::string> grants;
  std::string signature_label = format::label::kManifestSignature;

  Parts() {
    manifest.owner_signing_key = owner->keys.public_key;
    manifest.section_digests.clear();
    const crypto::SecretBuffer key = crypto::random_secret(32);
    for (uint32_t id : {1u, 4u}) {
      const format::SealedSection s =
          format::seal_section(key, {manifest.record_id, id, 1}, std::string("section ") + std::to_string(id));
      entries.push_back(format::encode_section_entry(s.entry));
      bodies.push_back(s.body);
    }
  }

  void list_everything() {
    manifest.section_digests.clear();
    for (const auto& e : entries) manifest.section_digests.push_back(crypto::digest_bytes(format::section_entry_digest(e)));
    format::sort_digests(manifest.section_digests);
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
  REQUIRE(c.find_section(4) != nullptr);
  REQUIRE(c.find_section(2) == nullptr);
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
  unlisted_entry.manifest.section_digests.erase(unlisted_entry.manifest.section_digests.begin());
  CHECK(error_of(unlisted_entry.file()).code() == Code::signature);

  Parts twice = parts;  // the same section id in two listed entries
  const crypto::SecretBuffer key = crypto::random_secret(32);
  const format::SealedSection again = format::seal_section(key, {twice.manifest.record_id, 1, 2}, std::string("x"));
  twice.entries.push_back(format::encode_section_entry(again.entry));
  twice.bodies.push_back(again.body);
  twice.list_everything();
  CHECK(error_of(twice.file()).code() == Code::format);

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

TEST_CASE("no entry may carry a key generation above the manifest's counter (SPEC §5.2)", "[format][container]") {
  Parts parts;
  const crypto::SecretBuffer key = crypto::random_secret(32);
  const format::SealedSection later = format::seal_section(key, {parts.manifest.record_id, 4, 2}, std::string("x"));
  parts.entries[1] = format::encode_section_entry(later.entry);
  parts.bodies[1] = later.body;
  parts.list_everything();
  // Signed by the owner, yet inconsistent: a writer that reuses generations is caught here.
  const Error e = error_of(parts.file());
  CHECK(e.code() == Code::format);
  CHECK(std::string(e.what()).find("highest") != std::string::npos);

  parts.manifest.highest_generation = 2;
  const std::string file = parts.file();
  format::MemorySource source(file);
  CHECK(format::read_container(source).sections.size() == 2);
}
