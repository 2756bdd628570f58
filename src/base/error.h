/* SPDX-License-Identifier: Apache-2.0 */
// The one error type every layer throws. The C ABI catches it at the boundary and turns its
// code into a kartla_status (the numeric values are the same and must never change).
#pragma once

#include <exception>
#include <string>
#include <utility>

namespace kartla {

enum class Code : int {
  ok = 0,
  invalid_argument = 1,  // caller misuse: NULL, bad length, unknown section name
  format = 2,            // malformed, truncated, trailing data, non-canonical encoding
  limit = 3,             // input larger than a documented limit
  version = 4,           // a format version this library does not read
  signature = 5,         // a signature does not verify, or is by an unexpected key
  integrity = 6,         // ciphertext hash, key commitment or AEAD check failed
  auth = 7,              // wrong passphrase, recovery code, or key
  not_shared = 8,        // this reader holds no grant for the section
  expired = 9,           // a grant, attestation or list is past its validity
  rollback = 10,         // an older copy than one already seen
  not_found = 11,        // the section is not in the record
  schema = 12,           // content does not match the section schema or its rules
  io = 13,               // the operating system refused a read or write
  busy = 14,             // another writer holds the record's lock
  no_memory = 15,
  crypto = 16,           // libsodium could not initialise or the RNG failed
  internal = 17,
};

class Error : public std::exception {
 public:
  Error(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  Code code() const noexcept { return code_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  Code code_;
  std::string message_;
};

[[noreturn]] inline void fail(Code code, std::string message) {
  throw Error(code, std::move(message));
}

}  // namespace kartla
