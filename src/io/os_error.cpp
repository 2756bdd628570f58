// SPDX-License-Identifier: Apache-2.0
#include "io/os_error.h"

#include <string.h>

namespace kartla::io {
namespace {

// glibc with _GNU_SOURCE gives the GNU strerror_r (returns the text), other libcs the XSI one
// (fills the buffer, returns 0); overloading on the return type accepts either.
[[maybe_unused]] const char* strerror_result(int rc, const char* buffer) {
  return rc == 0 ? buffer : nullptr;
}
[[maybe_unused]] const char* strerror_result(const char* text, const char*) { return text; }

}  // namespace

std::string errno_text(int err) {
  char buffer[256] = {};
  const char* text = strerror_result(strerror_r(err, buffer, sizeof buffer), buffer);
  if (text == nullptr || *text == '\0') return "error " + std::to_string(err);
  return text;
}

void fail_os(Code code, int err, const char* msgid, const std::string& path) {
  throw Error(code, msgid, {path, errno_text(err)});
}

}  // namespace kartla::io
