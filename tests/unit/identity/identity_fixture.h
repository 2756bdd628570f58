/* SPDX-License-Identifier: Apache-2.0 */
// Identities are expensive to make and unlock (Argon2id, even at the 64 MiB / 3-pass floor the
// tests use), so each test binary creates the ones it needs once and shares them.
#pragma once

#include <time.h>

#include <chrono>
#include <string>

#include "base/error.h"
#include "crypto/pwhash.h"
#include "identity/identity.h"

namespace kartla::testing {

struct IdentityFixture {
  std::string passphrase;
  std::string file;           // the locked identity file as created
  std::string recovery_code;  // as shown to the person at creation
  std::string signing_key;
  std::string encryption_key;
};

inline IdentityFixture make_identity_fixture(const std::string& passphrase) {
  identity::NewIdentity options;
  options.kdf_opslimit = crypto::kArgonMinOps;
  options.kdf_memlimit_bytes = crypto::kArgonMinMemBytes;
  options.created_at = 1700000000;
  identity::CreatedIdentity created = identity::Identity::create(options, passphrase);
  return {passphrase, created.identity.file_bytes(), created.recovery_code.view().to_string(),
          created.identity.signing_keys().public_key, created.identity.box_keys().public_key};
}

inline const IdentityFixture& alice() {
  static const IdentityFixture f = make_identity_fixture("alice's long passphrase");
  return f;
}

inline const IdentityFixture& bob() {
  static const IdentityFixture f = make_identity_fixture("bob's different passphrase");
  return f;
}

// CPU time of this thread: what "refused before hashing" is about (Argon2id burns CPU), and,
// unlike wall time, not inflated by other processes on a busy CI machine.
inline std::chrono::milliseconds thread_cpu_time() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::seconds(ts.tv_sec) +
                                                               std::chrono::nanoseconds(ts.tv_nsec));
}

// The error a call throws (Code::ok and an empty message if it returns), and the CPU time it took.
struct Outcome {
  Code code = Code::ok;
  std::string message;
  std::chrono::milliseconds took{0};
  bool mentions(const std::string& text) const { return message.find(text) != std::string::npos; }
};

template <typename F>
Outcome outcome_of(F&& f) {
  Outcome out;
  const auto start = thread_cpu_time();
  try {
    f();
  } catch (const Error& e) {
    out.code = e.code();
    out.message = e.what();
  }
  out.took = thread_cpu_time() - start;
  return out;
}

}  // namespace kartla::testing
