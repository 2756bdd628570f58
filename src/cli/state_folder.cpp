#include "state_folder.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "files.h"
#include "json_read.h"
#include "json_text.h"

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
JsonObject read_trust_marks(const std::string& path) {
  std::ifstream in(path);
  if (!in) return JsonObject();
  std::stringstream text;
  text << in.rdbuf();
  try {
    return parse_json_object(text.str());
  } catch (...) {
    return JsonObject();
  }
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
  const double n = number_field(read_trust_marks(path), root_fingerprint, 0);
  return n > 0 ? static_cast<uint64_t>(n) : 0;
}

void remember_trust_sequence(const std::string& root_fingerprint, uint64_t sequence) {
  const std::string path = trust_file();
  if (path.empty() || sequence <= remembered_trust_sequence(root_fingerprint)) return;
  JsonObject marks = read_trust_marks(path);
  (*marks.mutable_fields())[root_fingerprint].set_number_value(static_cast<double>(sequence));
  std::string out = "{";
  bool first = true;
  for (const auto& [fingerprint, value] : marks.fields()) {
    out += (first ? "\n  " : ",\n  ") + json_quote(fingerprint) + ": " +
           std::to_string(static_cast<uint64_t>(value.number_value()));
    first = false;
  }
  out += "\n}\n";
  try {
    write_file_atomically(path, out, true, kPrivateFile);
  } catch (...) {
    // Remembering is a convenience: the verification itself has succeeded.
  }
}

}  // namespace kartla::cli
