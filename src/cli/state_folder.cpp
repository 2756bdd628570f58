#include "state_folder.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "files.h"
#include "cli_files.pb.h"
#include "json_output.h"
#include "own_json_files.h"

namespace kartla::cli {
namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : std::string();
}

// mkdir -p with mode 0700 for the folders it creates; false if it cannot.
bool make_private_folder(const std::string& path) {
  for (size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    const std::string part = path.substr(0, slash);
    if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
    if (slash == std::string::npos) return true;
  }
}

std::string trust_file() {
  const std::string folder = state_folder();
  return folder.empty() ? std::string() : folder + "/trust-lists.json";
}

// {"<root fingerprint>": sequence, ...}; a missing or unreadable file remembers nothing (it is a
// convenience of this computer, not a signed statement).
TrustMarksFile read_trust_marks(const std::string& path) {
  TrustMarksFile marks;
  std::ifstream in(path);
  if (!in) return marks;
  std::stringstream text;
  text << in.rdbuf();
  // The file is the map itself; the message holds it as its one member.
  if (!parse_own_json_member(text.str(), &marks)) marks.Clear();
  return marks;
}

}  // namespace

std::string state_folder() {
  std::string folder;
  if (std::string dir = env("KARTLA_STATE_DIR"); !dir.empty())
    folder = dir;
  else if (std::string xdg = env("XDG_STATE_HOME"); !xdg.empty())
    folder = xdg + "/kartla";
  else if (std::string home = env("HOME"); !home.empty())
    folder = home + "/.local/state/kartla";
  return !folder.empty() && make_private_folder(folder) ? folder : std::string();
}

uint64_t remembered_trust_sequence(const std::string& root_fingerprint) {
  const std::string path = trust_file();
  if (path.empty()) return 0;
  const TrustMarksFile marks = read_trust_marks(path);
  const auto it = marks.sequences().find(root_fingerprint);
  return it == marks.sequences().end() ? 0 : it->second;
}

void remember_trust_sequence(const std::string& root_fingerprint, uint64_t sequence) {
  const std::string path = trust_file();
  if (path.empty() || sequence <= remembered_trust_sequence(root_fingerprint)) return;
  TrustMarksFile marks = read_trust_marks(path);
  (*marks.mutable_sequences())[root_fingerprint] = sequence;
  // In fingerprint order (json_text prints map entries in key order), so the file does not
  // change when nothing did.
  const std::string out = json_member_text(marks);
  try {
    write_file_atomically(path, out, true, kPrivateFile);
  } catch (...) {
    // Remembering is a convenience: the verification itself has succeeded.
  }
}

}  // namespace kartla::cli
