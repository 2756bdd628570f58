/* SPDX-License-Identifier: Apache-2.0 */
// Round-trip fuzzing of the signed types (age's FuzzMalleability; STYLE.md 11): whatever a reader
// accepts must be exactly what the writer makes of what was read. Otherwise two byte strings carry
// one signed meaning, and a signature or hash over "the same" statement could differ. A mismatch,
// or a writer refusing what the reader accepted, aborts the target.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "base/bytes.h"
#include "base/error.h"
#include "format/signed_envelope.h"

namespace kartla::fuzzing {

// What `parse` returns, or nullopt if it refused the input with a kartla::Error (the normal case
// for a mutated input). Anything else it throws escapes: a crash for the fuzzer.
template <typename Parse>
auto accepted(Parse&& parse) -> std::optional<decltype(parse())> {
  try {
    return parse();
  } catch (const Error&) {
    return std::nullopt;
  }
}

inline void require_same_bytes(const std::string& written, ByteView read, const char* what) {
  if (written != read.as_string_view()) {
    std::fprintf(stderr, "round trip: %s was accepted but is written back as other bytes\n", what);
    std::abort();
  }
}

// The envelope alone (no signature checked): decode, encode, same bytes.
inline void envelope_round_trip(format::SignedType type, ByteView bytes) {
  const auto envelope = accepted([&] { return format::decode_envelope(type, bytes); });
  if (envelope)
    require_same_bytes(format::encode_envelope(type, envelope->body, envelope->signature), bytes, "a signed envelope");
}

}  // namespace kartla::fuzzing
