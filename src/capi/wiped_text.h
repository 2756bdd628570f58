/* SPDX-License-Identifier: Apache-2.0 */
// Text made from section plaintext (a view, a validation report) is plaintext in another form:
// it is wiped before its heap memory is released, and handed out in a wiping kartla_buffer.
#pragma once

#include <string>

#include "capi/guard.h"
#include "crypto/secret_buffer.h"

namespace kartla::capi {

struct WipedText {
  std::string value;
  ~WipedText() { crypto::wipe(value.data(), value.size()); }
};

inline void put_wiped(kartla_buffer* out, std::string text) {
  WipedText owned{std::move(text)};
  put_text(out, owned.value);
}

}  // namespace kartla::capi
