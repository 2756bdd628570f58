// SPDX-License-Identifier: Apache-2.0
#include "identity/seen_versions.h"

#include <algorithm>

#include "base/error.h"
#include "format/limits.h"
#include "io/atomic_writer.h"
#include "io/input_file.h"

namespace kartla::identity {

SeenVersions::SeenVersions(const crypto::SecretBuffer& data_key, std::string signed_card, std::string signing_key,
                           const std::string& sealed)
    : data_key_(crypto::SecretBuffer::copy_of(data_key.view())),
      signed_card_(std::move(signed_card)),
      signing_key_(std::move(signing_key)) {
  if (!sealed.empty()) {
    marks_ = format::open_seen_marks(data_key_, signed_card_, sealed);
    sealed_ = sealed;  // unchanged until a mark changes
  }
}

void SeenVersions::use_state_folder(const std::string& folder, const std::string& fingerprint_hex,
                                    const io::FileSystem& fs) {
  const std::string path = folder + "/" + fingerprint_hex + ".seen";
  std::optional<io::InputFile> file = io::InputFile::open_if_exists(path, format::kMaxSmallFileBytes + 12, fs);
  format::SeenMarkMap found;
  if (file) {
    std::string bytes(static_cast<size_t>(file->size()), '\0');
    file->read_exact(0, reinterpret_cast<uint8_t*>(bytes.data()), bytes.size());
    found = format::open_seen_marks(data_key_, signed_card_, format::decode_seen_file(bytes, signing_key_));
  }
  std::lock_guard<std::mutex> lock(mutex_);
  state_path_ = path;
  fs_ = &fs;
  if (merge_locked(found)) sealed_.clear();
  // The file gets what the identity file knew too, so the two agree from here on; a file that
  // already holds exactly these marks is left alone.
  const bool same = found.size() == marks_.size() &&
                    std::equal(found.begin(), found.end(), marks_.begin(), [](const auto& a, const auto& b) {
                      return a.first == b.first && a.second.sequence == b.second.sequence &&
                             a.second.manifest_hash == b.second.manifest_hash;
                    });
  if (!same) write_state_file_locked();
}

VersionSeen SeenVersions::compare(const std::string& record_id, uint64_t sequence,
                                  const std::string& manifest_hash) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = marks_.find(record_id);
  if (it == marks_.end()) return VersionSeen::unknown;
  if (sequence > it->second.sequence) return VersionSeen::newer;
  if (sequence < it->second.sequence) return VersionSeen::older;
  return manifest_hash == it->second.manifest_hash ? VersionSeen::same : VersionSeen::fork;
}

std::optional<format::SeenMark> SeenVersions::mark(const std::string& record_id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = marks_.find(record_id);
  if (it == marks_.end()) return std::nullopt;
  return it->second;
}

void SeenVersions::remember(const std::string& record_id, uint64_t sequence, const std::string& manifest_hash) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = marks_.find(record_id);
  if (it != marks_.end() && it->second.sequence >= sequence) return;
  if (it == marks_.end() && marks_.size() >= format::kMaxSeenMarks)
    fail(Code::limit, "this identity already remembers 512 records; no more can be protected against rollback");
  marks_[record_id] = format::SeenMark{sequence, manifest_hash};
  sealed_.clear();
  try {
    write_state_file_locked();
  } catch (const Error&) {
    // See the header: a lagging state file is safe, and the operation itself has happened.
  }
}

std::string SeenVersions::sealed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (marks_.empty()) return std::string();
  if (sealed_.empty()) sealed_ = format::seal_seen_marks(data_key_, signed_card_, marks_);
  return sealed_;
}

bool SeenVersions::merge_locked(const format::SeenMarkMap& marks) {
  bool changed = false;
  for (const auto& [id, mark] : marks) {
    auto it = marks_.find(id);
    // The higher sequence wins; on a tie the mark already held stays (a fork is then reported
    // for the other version when it is opened).
    if (it == marks_.end() || mark.sequence > it->second.sequence) {
      marks_[id] = mark;
      changed = true;
    }
  }
  if (marks_.size() > format::kMaxSeenMarks) fail(Code::limit, "more records remembered than the limit of 512");
  return changed;
}

void SeenVersions::write_state_file_locked() const {
  if (state_path_.empty() || marks_.empty()) return;
  if (sealed_.empty()) sealed_ = format::seal_seen_marks(data_key_, signed_card_, marks_);
  io::write_file_atomically(state_path_, format::encode_seen_file(signing_key_, sealed_), *fs_);
}

}  // namespace kartla::identity
