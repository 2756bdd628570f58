/* SPDX-License-Identifier: Apache-2.0 */
// Turning a failed syscall into a kartla::Error whose message a person can act on: it names the
// file, what we were doing, and the operating system's own words.
#pragma once

#include <string>

#include "base/error.h"

namespace kartla::io {

// strerror() may share a static buffer between threads; this does not.
std::string errno_text(int err);

// Throws Error(code, "<doing> <path>: <strerror(err)><consequence>").
[[noreturn]] void fail_os(Code code, int err, const std::string& doing, const std::string& path,
                          const std::string& consequence = "");

}  // namespace kartla::io
