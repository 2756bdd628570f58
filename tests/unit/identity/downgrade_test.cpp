// SPDX-License-Identifier: Apache-2.0
// The Argon2id downgrade and DoS tests (docs/THREATS.md T30-T31) on a real identity file. The parameters
// are rewritten and the file re-encoded properly with the format's own encoder, so nothing but the
// policy can object: the control case shows the same re-encoding with the original parameters
// still unlocks.
#include <catch2/catch.hpp>

#include <string>

#include "format/identity_codec.h"
#include "identity_fixture.h"

using namespace kartla;
using namespace kartla::testing;
using identity::Identity;

namespace {

template <typename Change>
std::string with_kdf(const std::string& file, Change change) {
  format::IdentityFile f = format::decode_identity_file(file);
  change(f.kdf);
  return format::encode_identity_file(f);
}

}  // namespace

TEST_CASE("re-encoding an identity file with its own parameters keeps it working (control)", "[identity][kdf]") {
  const IdentityFixture& a = alice();
  const std::string same = with_kdf(a.file, [](crypto::Argon2idParams&) {});
  CHECK(same == a.file);
  CHECK(Identity::unlock_with_passphrase(same, a.passphrase).signing_keys().public_key == a.signing_key);
}

TEST_CASE("Argon2id parameters lowered below the floor are refused before hashing (THREATS.md T30)",
          "[identity][kdf]") {
  const IdentityFixture& a = alice();
  struct Downgrade {
    const char* what;
    void (*change)(crypto::Argon2idParams&);
  };
  const Downgrade downgrades[] = {
      {"2 passes", [](crypto::Argon2idParams& p) { p.opslimit = 2; }},
      {"1 pass", [](crypto::Argon2idParams& p) { p.opslimit = 1; }},
      {"32 MiB", [](crypto::Argon2idParams& p) { p.memlimit_bytes = 32ull << 20; }},
      {"8 KiB, 1 pass", [](crypto::Argon2idParams& p) { p.memlimit_bytes = 8 << 10; p.opslimit = 1; }},
      {"Argon2i", [](crypto::Argon2idParams& p) { p.algorithm = 1; }},
      {"15-byte salt", [](crypto::Argon2idParams& p) { p.salt.pop_back(); }},
  };
  for (const Downgrade& d : downgrades) {
    INFO(d.what);
    const std::string weak = with_kdf(a.file, d.change);
    const Outcome by_passphrase = outcome_of([&] { Identity::unlock_with_passphrase(weak, a.passphrase); });
    CHECK(by_passphrase.code == Code::format);
    CHECK(by_passphrase.took.count() < 100);
    // Not an authentication failure: nothing was hashed, so nothing was tried.
    CHECK_FALSE(by_passphrase.mentions("wrong"));
    // The recovery path does not use Argon2id, yet refuses the file just the same.
    CHECK(outcome_of([&] { Identity::unlock_with_recovery_code(weak, a.recovery_code); }).code == Code::format);
  }
}

TEST_CASE("Argon2id parameters raised to a DoS are refused fast (THREATS.md T31)", "[identity][kdf]") {
  const IdentityFixture& a = alice();
  struct Raise {
    const char* what;
    void (*change)(crypto::Argon2idParams&);
  };
  const Raise raises[] = {
      {"2^32 - 1 passes", [](crypto::Argon2idParams& p) { p.opslimit = 0xffffffffull; }},
      {"4 GiB", [](crypto::Argon2idParams& p) { p.memlimit_bytes = 4ull << 30; }},
      {"17 passes", [](crypto::Argon2idParams& p) { p.opslimit = crypto::kArgonMaxOps + 1; }},
      {"everything at the maximum", [](crypto::Argon2idParams& p) {
         p.opslimit = ~uint64_t{0};
         p.memlimit_bytes = ~uint64_t{0};
       }},
  };
  for (const Raise& r : raises) {
    INFO(r.what);
    const std::string hostile = with_kdf(a.file, r.change);
    const Outcome o = outcome_of([&] { Identity::unlock_with_passphrase(hostile, a.passphrase); });
    CHECK(o.code == Code::limit);
    CHECK(o.took.count() < 100);
  }
}
