// SPDX-License-Identifier: Apache-2.0
#include <ctime>
#include <memory>

#include "capi/guard.h"
#include "capi/new_identity.h"
#include "capi/handles.h"
#include "crypto/pwhash.h"
#include "format/card_codec.h"
#include "format/fingerprint.h"
#include "format/limits.h"
#include "io/atomic_writer.h"
#include "io/input_file.h"

using kartla::Code;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;
using kartla::identity::Identity;

namespace {

kartla_identity* wrap(Identity identity) { return new kartla_identity{std::move(identity)}; }

std::string read_identity_file(const char* path) {
  return kartla::io::read_all_bounded(input_text(path, "path"), kartla::format::kMaxSmallFileBytes);
}

// Only "no such file" means absent; any other failure to look is an error, not permission to write.
bool exists(const std::string& path) {
  return kartla::io::InputFile::open_if_exists(path, UINT64_MAX).has_value();
}

}  // namespace

extern "C" {

void kartla_identity_options_init(kartla_identity_options* options) {
  if (options == nullptr) return;
  *options = kartla_identity_options{KARTLA_IDENTITY_OPTIONS_VERSION, 0, 0, 0};
}

kartla_status kartla_identity_new(const kartla_identity_options* options, const uint8_t* passphrase,
                                  size_t passphrase_len, kartla_identity** out, kartla_buffer* recovery_code) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    require_empty(recovery_code, "recovery_code");
    kartla::identity::NewIdentity params;
    kartla::capi::apply_identity_options(options, params);
    kartla::capi::create_identity_for_caller(params, passphrase, passphrase_len, out, recovery_code);
  });
}

kartla_status kartla_identity_open(const uint8_t* file, size_t file_len, const uint8_t* passphrase,
                                   size_t passphrase_len, kartla_identity** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    *out = wrap(Identity::unlock_with_passphrase(input_bytes(file, file_len, "file"),
                                                 input_bytes(passphrase, passphrase_len, "passphrase")));
  });
}

kartla_status kartla_identity_open_file(const char* path, const uint8_t* passphrase, size_t passphrase_len,
                                        kartla_identity** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    const std::string file = read_identity_file(path);
    *out = wrap(Identity::unlock_with_passphrase(file, input_bytes(passphrase, passphrase_len, "passphrase")));
  });
}

kartla_status kartla_identity_recover(const uint8_t* file, size_t file_len, const uint8_t* recovery_code,
                                      size_t code_len, kartla_identity** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    *out = wrap(Identity::unlock_with_recovery_code(input_bytes(file, file_len, "file"),
                                                    input_bytes(recovery_code, code_len, "recovery_code")));
  });
}

kartla_status kartla_identity_recover_file(const char* path, const uint8_t* recovery_code, size_t code_len,
                                           kartla_identity** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    const std::string file = read_identity_file(path);
    *out = wrap(Identity::unlock_with_recovery_code(file, input_bytes(recovery_code, code_len, "recovery_code")));
  });
}

kartla_status kartla_identity_set_passphrase(kartla_identity* identity, const uint8_t* passphrase,
                                             size_t passphrase_len) {
  return guarded([&] {
    require_output(identity, "identity");
    identity->identity.set_passphrase(input_bytes(passphrase, passphrase_len, "passphrase"));
  });
}

kartla_status kartla_identity_set_passphrase_with_options(kartla_identity* identity,
                                                          const kartla_identity_options* options,
                                                          const uint8_t* passphrase, size_t passphrase_len) {
  return guarded([&] {
    require_output(identity, "identity");
    kartla::identity::NewIdentity cost;
    kartla::capi::apply_identity_options(options, cost);
    const kartla::ByteView new_passphrase = input_bytes(passphrase, passphrase_len, "passphrase");
    const uint64_t ops = cost.kdf_opslimit ? cost.kdf_opslimit : kartla::crypto::kArgonDefaultOps;
    const uint64_t mem = cost.kdf_memlimit_bytes ? cost.kdf_memlimit_bytes : kartla::crypto::kArgonDefaultMemBytes;
    try {
      (void)kartla::crypto::new_argon2id_params(ops, mem);  // the policy's floor and ceiling, before any work
    } catch (const kartla::Error& e) {
      // Nothing was parsed: a cost outside the policy is the caller's argument, as at creation
      // (while an over-long passphrase stays E_LIMIT, as in kartla_identity_set_passphrase).
      fail(Code::invalid_argument, e);
    }
    identity->identity.set_passphrase(new_passphrase, ops, mem);
  });
}

kartla_status kartla_identity_use_state_folder(kartla_identity* identity, const char* folder) {
  return guarded([&] {
    require_output(identity, "identity");
    std::string hex;
    for (char c : identity->identity.fingerprint())
      if (c != ' ') hex.push_back(c);
    identity->identity.seen_versions()->use_state_folder(input_text(folder, "folder"), hex);
  });
}

kartla_status kartla_identity_save(const kartla_identity* identity, const char* path, uint32_t flags) {
  return guarded([&] {
    require_output(identity, "identity");
    const std::string target = input_text(path, "path");
    if ((flags & ~KARTLA_SAVE_CREATE_ONLY) != 0) fail(Code::invalid_argument, "unknown save flags");
    if ((flags & KARTLA_SAVE_CREATE_ONLY) != 0 && exists(target))
      fail(Code::invalid_argument, "refusing to overwrite %s: it already exists", {target});
    kartla::io::write_file_atomically(target, identity->identity.file_bytes());
  });
}

kartla_status kartla_identity_file_bytes(const kartla_identity* identity, kartla_buffer* out) {
  return guarded([&] {
    require_output(identity, "identity");
    require_empty(out, "out");
    put_text(out, identity->identity.file_bytes());
  });
}

kartla_status kartla_identity_card(const kartla_identity* identity, kartla_buffer* out) {
  return guarded([&] {
    require_output(identity, "identity");
    require_empty(out, "out");
    put_text(out, identity->identity.card_file());
  });
}

kartla_status kartla_identity_fingerprint(const kartla_identity* identity, kartla_buffer* out) {
  return guarded([&] {
    require_output(identity, "identity");
    require_empty(out, "out");
    put_text(out, identity->identity.fingerprint());
  });
}

void kartla_identity_free(kartla_identity* identity) { delete identity; }

kartla_status kartla_card_fingerprint(const uint8_t* card, size_t card_len, kartla_buffer* out) {
  return guarded([&] {
    require_empty(out, "out");
    const auto signed_card = kartla::format::decode_card_file(input_bytes(card, card_len, "card"));
    put_text(out, kartla::format::fingerprint(signed_card.card.signing_key, signed_card.card.encryption_key));
  });
}

}  // extern "C"
