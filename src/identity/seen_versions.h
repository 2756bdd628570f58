/* SPDX-License-Identifier: Apache-2.0 */
// What an owner remembers of the records it has opened and saved: per record id, the highest
// sequence and that version's manifest hash (docs/SPEC.md §8.1). An older authentic copy put back
// on the stick is then its own error (rollback) instead of being read and silently extended, and
// two different versions with one sequence (a fork) are recognised.
//
// The marks live in the identity file (they travel with it) and, when a state folder is set, in a
// file there that stays on this computer: replacing both the record and the identity file on the
// stick with older copies is still caught on a computer that saw the newer ones.
//
// Thread safety: one SeenVersions may be used from several threads (a mutex guards it).
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "crypto/secret_buffer.h"
#include "format/seen_marks_codec.h"
#include "io/file_system.h"

namespace kartla::identity {

enum class VersionSeen {
  unknown,  // no version of this record seen: nothing to compare
  same,     // the very version last seen
  newer,    // a later sequence than any seen
  older,    // an earlier sequence than one seen: a rollback
  fork,     // the sequence seen, but another manifest: two versions claim one place in history
};

class SeenVersions {
 public:
  // `data_key` and `signed_card` seal the marks (SPEC §8.1); `sealed` is the identity file's
  // field, empty for none. Error(integrity/format/limit) if it does not open.
  SeenVersions(const crypto::SecretBuffer& data_key, std::string signed_card, std::string signing_key,
               const std::string& sealed);

  // Keeps the marks also in `<folder>/<fingerprint hex>.seen` (created 0600 when first written)
  // and merges what that file already holds. Error(io) if the folder cannot be read,
  // Error(integrity) if the file there is not this identity's.
  void use_state_folder(const std::string& folder, const std::string& fingerprint_hex,
                        const io::FileSystem& fs = io::real_file_system());

  VersionSeen compare(const std::string& record_id, uint64_t sequence, const std::string& manifest_hash) const;
  std::optional<format::SeenMark> mark(const std::string& record_id) const;

  // Remembers a version if it is later than the one remembered, and writes the state file. A
  // failure to write it is not an error of the caller's operation (that has happened): the
  // previous mark stays, which is safe (a lagging mark never refuses a genuine newer copy).
  void remember(const std::string& record_id, uint64_t sequence, const std::string& manifest_hash);

  // The sealed marks for the identity file (empty if none were ever remembered). The same bytes
  // until a mark changes (sealing draws a fresh nonce, so an unchanged identity file must not be
  // sealed again: callers compare file bytes to know whether to save).
  std::string sealed() const;

 private:
  bool merge_locked(const format::SeenMarkMap& marks);  // true if a mark changed
  void write_state_file_locked() const;

  mutable std::mutex mutex_;
  crypto::SecretBuffer data_key_;
  std::string signed_card_;
  std::string signing_key_;
  format::SeenMarkMap marks_;
  mutable std::string sealed_;  // marks_ sealed, or empty when it must be sealed again
  std::string state_path_;
  const io::FileSystem* fs_ = nullptr;
};

}  // namespace kartla::identity
