// SPDX-License-Identifier: Apache-2.0
// Writes the seed corpora under tests/fuzz/corpus/<target>/: real files made by the library (so
// the fuzzers start from inputs that pass every check) and a few malformed ones (so each early
// rejection is covered from the first run). Run once and commit the output:
//   make_seed_corpus tests/fuzz/corpus
// Records use the fixed fuzz owner keys, so they open as the owner inside fuzz_record.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "crypto/box.h"
#include "crypto/pwhash.h"
#include "crypto/random.h"
#include "crypto/sign.h"
#include "format/byte_source.h"
#include "format/card_codec.h"
#include "format/container_reader.h"
#include "format/identity_codec.h"
#include "format/labels.h"
#include "format/owner_index.h"
#include "format/section_crypto.h"
#include "fuzz_owner.h"
#include "identity/identity.h"
#include "model/record.h"
#include "model/section_codec.h"
#include "model/section_registry.h"

namespace fs = std::filesystem;
using namespace kartla;

namespace {

fs::path g_root;

void put(const std::string& target, const std::string& name, const std::string& bytes) {
  const fs::path dir = g_root / target;
  fs::create_directories(dir);
  std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + (dir / name).string());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string json_section(const char* name, const std::string& json) {
  return model::section_from_json(model::section_by_name(name), json).view().to_string();
}

// A container around `manifest` (lists as given), signed with the fuzz owner's key: the forgeries
// below pass the signature, so the fuzzer starts past it, at the slot and index rules.
std::string resigned(const format::Manifest& manifest, const format::VerifiedContainer& c, const format::ByteSource& source) {
  format::RecordHeader header;
  header.manifest = format::encode_manifest(manifest);
  header.manifest_signature =
      crypto::sign_with_label(format::label::kManifestSignature, fuzzing::owner_signing_keys(), header.manifest);
  std::string bodies;
  for (const auto& s : c.sections) {
    header.section_entries.push_back(s.entry_bytes);
    bodies += format::read_section_body(source, s);
  }
  header.grants = c.grants;
  return format::encode_container_prefix(header) + bodies;
}

// Owner-signed records that break one rule of docs/SPEC.md §5.3, §6.2 or §6.3 each.
void forgeries(const std::string& record) {
  format::MemorySource source(record);
  const format::VerifiedContainer c = format::read_container(source);
  auto master = crypto::open_sealed(fuzzing::owner_box_keys(), c.manifest.owner_key_wrap, 32);
  if (!master) throw std::runtime_error("the seed record is not the fuzz owner's");
  const format::OwnerIndex index =
      format::open_owner_index(*master, c.manifest.record_id, c.manifest.sequence, c.manifest.sealed_index);

  format::Manifest m = c.manifest;  // each entry listed under the other's slot (step 6.3)
  std::swap(m.sections.at(0).entry_digest, m.sections.at(1).entry_digest);
  put("record", "unpaired_slot", resigned(m, c, source));

  m = c.manifest;  // a repeated slot commitment (step 4)
  m.slot_commitments.replace(32, 32, m.slot_commitments.substr(0, 32));
  put("record", "repeated_commitment", resigned(m, c, source));

  m = c.manifest;  // another master key's slot table (the owner's check, §5.3)
  m.slot_commitments = format::slot_commitment_table(crypto::random_secret(32));
  put("record", "other_slot_table", resigned(m, c, source));

  m = c.manifest;  // the index sealed for the previous version (§6.2)
  m.sealed_index = format::seal_owner_index(*master, m.record_id, m.sequence - 1, index);
  put("record", "index_previous_version", resigned(m, c, source));

  m = c.manifest;  // an index that names a section the file does not hold (§6.2)
  format::OwnerIndex other = index;
  other.sections.back().section_id = 5;
  std::sort(other.sections.begin(), other.sections.end(),
            [](const format::IndexedSection& a, const format::IndexedSection& b) { return a.section_id < b.section_id; });
  m.sealed_index = format::seal_owner_index(*master, m.record_id, m.sequence, other);
  put("record", "index_disagrees", resigned(m, c, source));
}

void records(const fs::path& scratch) {
  const model::OwnerKeys keys = fuzzing::owner_keys();
  const std::string path = (scratch / "r.kartla").string();

  model::Record empty = model::Record::create(keys);
  empty.save(path);
  put("record", "empty", read_file(path));
  fs::remove(path);

  model::Record r = model::Record::create(keys);
  r.write_section(model::section_by_name("profile"),
                  json_section("profile", R"({"given_name": "Aino", "family_name": "Virtanen"})"));
  r.write_section(model::section_by_name("notes"), json_section("notes", R"({"entries": [{"text": "met"}]})"));
  r.save(path);
  r.save(path);
  const std::string two = read_file(path);
  put("record", "two_sections", two);
  r.rotate_section(model::section_by_name("profile"));
  r.save(path);
  put("record", "rotated", read_file(path));

  // A share bundle: the owner's signed manifest with one section stripped.
  format::MemorySource source(two);
  const format::VerifiedContainer c = format::read_container(source);
  format::RecordHeader header{c.manifest_bytes, c.manifest_signature, {c.sections[0].entry_bytes}, c.grants};
  put("record", "bundle", format::encode_container_prefix(header) + format::read_section_body(source, c.sections[0]));

  forgeries(two);

  put("record", "truncated", two.substr(0, two.size() / 2));
  put("record", "trailing_garbage", two + "garbage");
  std::string version = two;
  version[7] = 2;
  put("record", "version_2", version);
  std::string flipped = two;
  flipped[flipped.size() - 3] = static_cast<char>(flipped[flipped.size() - 3] ^ 1);
  put("record", "damaged_body", flipped);
  put("record", "not_kartla", "hello");
}

void identities_and_cards() {
  identity::NewIdentity owner;
  owner.kdf_opslimit = crypto::kArgonMinOps;
  owner.kdf_memlimit_bytes = crypto::kArgonMinMemBytes;
  owner.created_at = 1700000000;
  const identity::CreatedIdentity a = identity::Identity::create(owner, std::string("fuzz"));
  identity::NewIdentity agency = owner;
  agency.kind = format::CardKind::agency;
  agency.name = "Arbetsförmedlingen";
  agency.organisation_number = "202100-2114";
  agency.role = 2;
  const identity::CreatedIdentity b = identity::Identity::create(agency, std::string("fuzz"));

  const std::string owner_file = a.identity.file_bytes();
  put("identity", "owner", owner_file);
  put("identity", "agency", b.identity.file_bytes());
  put("identity", "truncated", owner_file.substr(0, owner_file.size() - 10));
  put("identity", "card_instead", a.identity.card_file());
  format::IdentityFile weak = format::decode_identity_file(owner_file);
  weak.kdf.opslimit = 2;
  put("identity", "below_floor", format::encode_identity_file(weak));
  weak.kdf.opslimit = 0xffffffffull;
  put("identity", "above_ceiling", format::encode_identity_file(weak));

  const std::string card = b.identity.card_file();
  put("card", "owner", a.identity.card_file());
  put("card", "agency", card);
  put("card", "truncated", card.substr(0, card.size() - 1));
  std::string bad_signature = card;
  bad_signature[bad_signature.size() - 1] = static_cast<char>(bad_signature[bad_signature.size() - 1] ^ 1);
  put("card", "bad_signature", bad_signature);
  put("card", "identity_instead", owner_file);
  // Card bytes of the fixed fuzz owner: fuzz_roundtrip_card signs them with that owner's key, so
  // mutations of a Card reach the rules behind its self-signature.
  put("card", "owner_card_bytes",
      format::encode_card({format::CardKind::owner, fuzzing::owner_signing_keys().public_key,
                           fuzzing::owner_box_keys().public_key, "", "", 0, 1700000000}));
}

void sections() {
  const model::SectionInfo& plan = model::section_by_name("action_plan");
  const std::string json = R"({
  "revision": 2,
  "goals": [
    {"id": "g1", "text": "work as an assistant nurse", "horizon": "LONG", "status": "PLAN_STATUS_ONGOING",
     "gas_levels": [{"level": -2, "description": "no contact"}, {"level": 2, "description": "employed"}],
     "target_date": {"year": 2026, "month": 6}},
    {"id": "g2", "parent_goal_id": "g1", "text": "Swedish B1", "target_occupation": {"system": "ssyk-2012", "code": "5321"}}
  ],
  "activities": [{"id": "a1", "title": "SFI course", "goal_ids": ["g2"], "planned": {"start": {"year": 2025}}}],
  "agreed_at": "2025-01-15T10:00:00Z",
  "participant_agreed": true
})";
  put("section", "plan.json", json);
  put("section", "plan.pb", model::section_from_json(plan, json).view().to_string());
  put("section", "empty.json", "{}");
  put("section", "unknown_field.json", R"({"no_such_field": 1})");
  put("section", "bad_enum.json", R"({"goals": [{"horizon": "FOREVER"}]})");
  put("section", "bad_timestamp.json", R"({"agreed_at": "yesterday"})");
  put("section", "not_json", "{\"goals\": [");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
    return 2;
  }
  g_root = argv[1];
  const fs::path scratch = fs::temp_directory_path() / "kartla-seed-corpus";
  fs::create_directories(scratch);
  try {
    records(scratch);
    identities_and_cards();
    sections();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", argv[0], e.what());
    return 1;
  }
  fs::remove_all(scratch);
  return 0;
}
