/* SPDX-License-Identifier: Apache-2.0 */
// Turning a failed syscall into a kartla::Error whose message a person can act on: it names the
// file, what we were doing, and the operating system's own words.
#pragma once

#include <string>

#include "base/error.h"

namespace kartla::io {

// strerror() may share a static buffer between threads; this does not.
std::string errno_text(int err);

// Throws Error(code, msgid) with `path` as its %1$s and strerror(err) as its %2$s: msgid is a
// catalogue message (xgettext extracts fail_os's third argument), "could not open %1$s: %2$s".
[[noreturn]] void fail_os(Code code, int err, const char* msgid, const std::string& path);

}  // namespace kartla::io
