// SPDX-License-Identifier: Apache-2.0
// Argon2id policy (docs/SPEC.md §4.1.1, docs/THREATS.md T30-T31): a floor that stops downgrades and a ceiling that
// stops a hostile file from making us allocate gigabytes or hash for hours, both checked before
// any hashing.
#include <catch2/catch.hpp>

#include <time.h>

#include <chrono>
#include <string>

#include "base/error.h"
#include "crypto/pwhash.h"
#include "crypto/random.h"

using namespace kartla::crypto;
using kartla::Code;
using kartla::Error;

namespace {

Argon2idParams at_floor() {
  Argon2idParams p;
  p.opslimit = kArgonMinOps;
  p.memlimit_bytes = kArgonMinMemBytes;
  p.salt = std::string(kArgonSaltBytes, '\x11');
  return p;
}

Code policy_code(const Argon2idParams& p) {
  try {
    check_argon2id_policy(p);
  } catch (const Error& e) {
    return e.code();
  }
  return Code::ok;
}

// CPU time of this thread: Argon2id burns CPU, and unlike wall time this is not inflated by other
// processes on a busy CI machine.
std::chrono::milliseconds thread_cpu_time() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::seconds(ts.tv_sec) +
                                                               std::chrono::nanoseconds(ts.tv_nsec));
}

// Derives a key and reports how the call ended and the CPU time it took.
std::pair<Code, std::chrono::milliseconds> timed_derive(const Argon2idParams& p) {
  const auto start = thread_cpu_time();
  Code code = Code::ok;
  try {
    (void)derive_key_from_passphrase(std::string("correct horse"), p);
  } catch (const Error& e) {
    code = e.code();
  }
  return {code, thread_cpu_time() - start};
}

}  // namespace

TEST_CASE("the policy's floor is RFC 9106's second option and it is enforced", "[crypto][pwhash]") {
  REQUIRE(kArgonMinOps == 3);
  REQUIRE(kArgonMinMemBytes == 64ull << 20);
  REQUIRE(policy_code(at_floor()) == Code::ok);

  Argon2idParams p = at_floor();
  p.opslimit = 2;
  REQUIRE(policy_code(p) == Code::format);
  p = at_floor();
  p.memlimit_bytes = 32ull << 20;
  REQUIRE(policy_code(p) == Code::format);
  p = at_floor();
  p.memlimit_bytes = kArgonMinMemBytes - 1;
  REQUIRE(policy_code(p) == Code::format);
  p = at_floor();
  p.algorithm = 1;  // Argon2i
  REQUIRE(policy_code(p) == Code::format);
  p = at_floor();
  p.algorithm = 0;
  REQUIRE(policy_code(p) == Code::format);
  p = at_floor();
  p.salt.pop_back();  // 15 bytes
  REQUIRE(policy_code(p) == Code::format);
  p = at_floor();
  p.salt.push_back('x');  // 17 bytes
  REQUIRE(policy_code(p) == Code::format);
}

TEST_CASE("the policy's ceiling is enforced", "[crypto][pwhash]") {
  Argon2idParams p = at_floor();
  p.opslimit = kArgonMaxOps;
  p.memlimit_bytes = kArgonMaxMemBytes;
  REQUIRE(policy_code(p) == Code::ok);
  p.opslimit = kArgonMaxOps + 1;
  REQUIRE(policy_code(p) == Code::limit);
  p = at_floor();
  p.memlimit_bytes = kArgonMaxMemBytes + 1;
  REQUIRE(policy_code(p) == Code::limit);
  p = at_floor();
  p.opslimit = 0xffffffffull;
  REQUIRE(policy_code(p) == Code::limit);
  p = at_floor();
  p.memlimit_bytes = 4ull << 30;
  REQUIRE(policy_code(p) == Code::limit);
  p.opslimit = ~uint64_t{0};
  p.memlimit_bytes = ~uint64_t{0};
  REQUIRE(policy_code(p) == Code::limit);
}

TEST_CASE("hashing refuses policy violations before doing any work", "[crypto][pwhash]") {
  // Each of these would take seconds to hours (or gigabytes) if it reached Argon2id.
  Argon2idParams many_passes = at_floor();
  many_passes.opslimit = 0xffffffffull;
  Argon2idParams huge_memory = at_floor();
  huge_memory.memlimit_bytes = 4ull << 30;
  for (const Argon2idParams& p : {many_passes, huge_memory}) {
    const auto [code, took] = timed_derive(p);
    REQUIRE(code == Code::limit);
    REQUIRE(took.count() < 100);
  }
  Argon2idParams weak = at_floor();
  weak.opslimit = 2;
  weak.memlimit_bytes = 32ull << 20;
  REQUIRE(timed_derive(weak).first == Code::format);
}

TEST_CASE("Argon2id derives a deterministic key per passphrase and salt", "[crypto][pwhash]") {
  const Argon2idParams p = new_argon2id_params(kArgonMinOps, kArgonMinMemBytes);
  REQUIRE(p.salt.size() == kArgonSaltBytes);
  REQUIRE(p.algorithm == kArgonAlgorithmId);
  const SecretBuffer k1 = derive_key_from_passphrase(std::string("passphrase"), p);
  const SecretBuffer k2 = derive_key_from_passphrase(std::string("passphrase"), p);
  const SecretBuffer k3 = derive_key_from_passphrase(std::string("passphrasE"), p);
  REQUIRE(k1.size() == 32);
  REQUIRE(equal_constant_time(k1.view(), k2.view()));
  REQUIRE_FALSE(equal_constant_time(k1.view(), k3.view()));
  // A fresh salt per set of parameters.
  REQUIRE(new_argon2id_params(kArgonMinOps, kArgonMinMemBytes).salt != p.salt);
  // New parameters are held to the same policy as parameters read from a file.
  REQUIRE_THROWS_AS(new_argon2id_params(2, kArgonMinMemBytes), Error);
  REQUIRE_THROWS_AS(new_argon2id_params(kArgonMinOps, 2ull << 30), Error);
}
