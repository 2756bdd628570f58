/* SPDX-License-Identifier: Apache-2.0 */
// Kartla's side of the benchmark, through the public C ABI of libkartla.so: what an application
// or binding calls, so the numbers include the ABI layer (argument checks, buffer hand-over).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kartla/kartla.h"

namespace bench {

// Throws std::runtime_error naming the call, the status and kartla_last_error() unless KARTLA_OK.
void check(kartla_status status, const char* call);

// Identities of the benchmark unlock with Argon2id at the minimum cost (64 MiB, 3 passes).
kartla_identity_options cheapest_unlock();
inline constexpr uint8_t kPassphrase[] = "benchmark passphrase";

// The owner identity, unlocked once (Argon2id at the minimum cost, 64 MiB) before any timing:
// Argon2id is paid when a person unlocks their identity, not on every read.
class KartlaOwner {
 public:
  explicit KartlaOwner(const std::string& dir);
  ~KartlaOwner();
  KartlaOwner(const KartlaOwner&) = delete;
  KartlaOwner& operator=(const KartlaOwner&) = delete;
  const kartla_identity* get() const { return identity_; }

 private:
  kartla_identity* identity_ = nullptr;
};

// A save: kartla_record_new, kartla_record_set_section (schema check, seal), kartla_record_save
// (lock, sign, atomic write with both fsyncs), kartla_record_free. `path` must not exist.
void kartla_save(const KartlaOwner& owner, const std::vector<uint8_t>& section, const std::string& path);

// A read: kartla_record_open_file (header, signature, owner's key unwrap),
// kartla_record_section (body read, key commitment, hash, AEAD), kartla_buffer_free (wipe),
// kartla_record_free. Returns the first and last plaintext byte XOR'd; `check` (optional) is
// compared with the plaintext.
int kartla_read(const KartlaOwner& owner, const std::string& path, const std::vector<uint8_t>* check);

// The capacity kartla_record_section_into needs for the section saved at `path`
// (kartla_record_section_size: its padded length, docs/SPEC.md §5.4, at least the content's).
size_t kartla_read_capacity(const KartlaOwner& owner, const std::string& path);

// The same read with kartla_record_section_into, into `buffer` (reused across repetitions,
// as the raw `+io` column reuses its buffer; sized by kartla_read_capacity before timing): no
// allocation on Kartla's side either.
int kartla_read_into(const KartlaOwner& owner, const std::string& path, std::vector<uint8_t>& buffer,
                     const std::vector<uint8_t>* check);

}  // namespace bench
