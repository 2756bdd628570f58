// SPDX-License-Identifier: Apache-2.0
// kartla_generate_vectors OUT_DIR: writes tests/vectors/*.json from fixed seeds. The committed
// files are this program's output; CTest vectors_reproducible runs it again and compares, so the
// code and the vectors cannot drift apart. Regenerate after an intended format change with
//   build/tests/vectors/kartla_generate_vectors tests/vectors
// and say in the change why the vectors moved.
//
// Determinism comes from src/crypto/testing (libsodium's RNG replaced by a seeded ChaCha20
// stream), which only test programs link; libkartla itself can never be made deterministic.
#include <stdlib.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include "base/error.h"
#include "crypto/testing/deterministic_rng.h"
#include "generator.h"

namespace {

namespace fs = std::filesystem;
using kartla::vectors::Json;

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// Records are saved through the real atomic writer, which needs a folder of its own.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "kartla-vectors-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a temporary folder");
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

void generate(const fs::path& out_dir) {
  namespace kv = kartla::vectors;
  namespace testing = kartla::crypto::testing;
  // One seed per file, so adding a vector to one file leaves the others as they are.
  testing::use_deterministic_rng(1);
  write_file(out_dir / "primitives.json", kv::primitive_vectors().render());

  testing::use_deterministic_rng(2);
  const kv::Owner owner = kv::make_owner();
  write_file(out_dir / "identity.json", kv::identity_vectors(owner).render());

  testing::use_deterministic_rng(3);
  const TempDir work;
  const kv::Records records = kv::make_records(owner, work.path.string());
  write_file(out_dir / "record.json", kv::record_vectors(owner, records).render());

  testing::use_deterministic_rng(4);
  kv::NegativeSet negative(
      "negative.json", "docs/SPEC.md sections 3-6 and 11",
      "Each vector is one mutation of record.json (version 1 unless the comment says otherwise), identity.json or "
      "its card file. Every check MUST give exactly the status named in result; no plaintext may be returned by a "
      "failing check. open_record and read_section use identity.json's owner (opened with its passphrase).");
  kv::record_negative_vectors(negative, owner, records);
  kv::identity_negative_vectors(negative, owner);
  write_file(out_dir / "negative.json", negative.render().render());

  testing::use_deterministic_rng(5);
  const kv::Sharing sharing = kv::make_sharing(owner, work.path.string());
  write_file(out_dir / "bundle.json", kv::bundle_vectors(owner, sharing).render());

  testing::use_deterministic_rng(6);
  kv::NegativeSet bundle_negative(
      "bundle_negative.json", "docs/SPEC.md sections 6, 7 and 11",
      "Each vector is bundle.json's bundle (or its record or revoked file, where the comment says so) read the wrong "
      "way or changed in one place. Every check MUST give exactly the status named in result, and no plaintext on "
      "failure. open_share opens input as the named agency of bundle.json; read_share_section opens it so (which "
      "MUST succeed) and reads section at time at; open_record opens it as identity.json's owner.");
  kv::bundle_negative_vectors(bundle_negative, owner, sharing);
  write_file(out_dir / "bundle_negative.json", bundle_negative.render().render());

  testing::use_deterministic_rng(7);
  const kv::Attesting attesting = kv::make_attesting(owner, work.path.string());
  write_file(out_dir / "attest.json", kv::attest_vectors(owner, attesting).render());
  testing::use_deterministic_rng(8);
  write_file(out_dir / "attest_negative.json", kv::attest_negative_vectors(owner, attesting).render());

  // Receipts are deterministic (Ed25519): no seed is drawn, but one is set for any later use.
  testing::use_deterministic_rng(9);
  write_file(out_dir / "receipt.json", kv::receipt_vectors(owner, sharing).render());

  // Content is fixed text: no seed is drawn.
  write_file(out_dir / "content.json", kv::content_vectors().render());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
    return 2;
  }
  try {
    generate(argv[1]);
  } catch (const kartla::Error& e) {
    std::fprintf(stderr, "kartla_generate_vectors: kartla error %d: %s\n", static_cast<int>(e.code()), e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kartla_generate_vectors: %s\n", e.what());
    return 1;
  }
  return 0;
}
