/* SPDX-License-Identifier: Apache-2.0 */
#pragma once

#include <string>

#include "base/bytes.h"

namespace kartla::format {

// The first 16 bytes of H("kartla/v1/fingerprint", signing key || encryption key), as eight
// groups of four lowercase hex digits separated by spaces: short enough to read aloud.
std::string fingerprint(ByteView signing_key, ByteView encryption_key);

}  // namespace kartla::format
