// Uses the installed kartla.hpp: it must compile on its own against the installed kartla.h and
// turn a failing status into a typed kartla::error. Prints one line per check; exits 1 on a miss.
#include <kartla/kartla.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

namespace {

int misses = 0;

void expect(bool ok, const char* what) {
  std::printf("%s: %s\n", ok ? "ok" : "MISS", what);
  if (!ok) ++misses;
}

}  // namespace

int main() {
  const auto names = kartla::section_names();
  expect(names.size() == kartla_section_count() && !names.empty(), "section_names lists every section");
  expect(std::find(names.begin(), names.end(), "profile") != names.end(), "profile is a section");

  try {
    kartla::verification::of_bytes("not a kartla file");
    expect(false, "garbage bytes are refused");
  } catch (const kartla::error& e) {
    expect(e.status() == KARTLA_E_FORMAT, "garbage bytes are refused with E_FORMAT");
    expect(std::string(e.status_name()) == "E_FORMAT" && e.what()[0] != '\0', "the error carries name and message");
  }
  return misses == 0 ? 0 : 1;
}
