// SPDX-License-Identifier: Apache-2.0
// The passphrase key for an agent (kartla/experimental/agent.h, docs/AGENT.md).
#include <cstring>

#include "capi/guard.h"
#include "capi/handles.h"

using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::put_secret;
using kartla::capi::require_empty;
using kartla::capi::require_output;
using kartla::identity::Identity;

extern "C" {

kartla_status kartla_identity_passphrase_key_tag(const uint8_t* file, size_t file_len, kartla_buffer* out) {
  return guarded([&] {
    require_empty(out, "out");
    const kartla::crypto::Digest tag = Identity::passphrase_key_tag(input_bytes(file, file_len, "file"));
    put_secret(out, kartla::crypto::SecretBuffer::copy_of({tag.data(), tag.size()}));
  });
}

kartla_status kartla_identity_open_insecure_export_key(const uint8_t* file, size_t file_len,
                                                       const uint8_t* passphrase, size_t passphrase_len,
                                                       kartla_identity** out, kartla_buffer* passphrase_key) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    require_empty(passphrase_key, "passphrase_key");
    Identity::UnlockedWithKey unlocked = Identity::unlock_with_passphrase_insecure_export_key(
        input_bytes(file, file_len, "file"), input_bytes(passphrase, passphrase_len, "passphrase"));
    auto* handle = new kartla_identity{std::move(unlocked.identity)};
    put_secret(passphrase_key, std::move(unlocked.passphrase_key));
    *out = handle;
  });
}

kartla_status kartla_identity_open_with_passphrase_key(const uint8_t* file, size_t file_len, const uint8_t* key,
                                                       size_t key_len, kartla_identity** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    *out = new kartla_identity{
        Identity::unlock_with_passphrase_key(input_bytes(file, file_len, "file"), input_bytes(key, key_len, "key"))};
  });
}

kartla_status kartla_buffer_copy(const uint8_t* data, size_t len, kartla_buffer* out) {
  return guarded([&] {
    require_empty(out, "out");
    put_secret(out, kartla::crypto::SecretBuffer::copy_of(input_bytes(data, len, "data")));
  });
}

}  // extern "C"
