/* SPDX-License-Identifier: Apache-2.0 */
// The SHA-256 of a large streamed document, computed on a second thread while the caller goes on
// decrypting and writing. libsodium's SHA-256 is portable C: for a 64 MiB document it costs more
// than reading, authenticating, decrypting and writing it together (bench/README.md, the
// documents row), and every streamed read checks it before anything counts (docs/SPEC.md §5.6).
// On a second core it costs no wall-clock time; the CPU time is the same.
//
// The thread lives only inside one read: it starts once the first 256 KiB have arrived (a small
// document is hashed on the caller's thread, as before) and is joined by finish() or by the
// destructor, so a library call never leaves a thread behind. If no thread can be started (a
// process limit, a sandbox, WebAssembly without threads), the hash is computed on the caller's
// thread and the result is the same.
#pragma once

#include <memory>

#include "crypto/sha256.h"

namespace kartla::crypto {

class Sha256InBackground {
 public:
  Sha256InBackground();
  // Joins the thread if finish() was not reached (an error part-way): what it held is wiped.
  ~Sha256InBackground();
  Sha256InBackground(const Sha256InBackground&) = delete;
  Sha256InBackground& operator=(const Sha256InBackground&) = delete;

  // Copies `data` into one of a few 256 KiB secure buffers the thread hashes from, so the
  // caller may reuse its own buffer at once; waits only when the thread is that far behind.
  void update(ByteView data);
  Sha256 finish();

  // Whether a second thread did the hashing (for the tests; the digest is the same either way).
  bool used_a_thread() const;

 private:
  struct Shared;
  std::unique_ptr<Shared> shared_;
};

}  // namespace kartla::crypto
