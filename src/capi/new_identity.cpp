// SPDX-License-Identifier: Apache-2.0
#include "capi/new_identity.h"

#include <ctime>
#include <memory>

#include "capi/guard.h"
#include "capi/handles.h"

namespace kartla::capi {

void apply_identity_options(const kartla_identity_options* options, identity::NewIdentity& params) {
  kartla_identity_options defaults;
  kartla_identity_options_init(&defaults);
  const kartla_identity_options& opts = options ? *options : defaults;
  if (opts.version != KARTLA_IDENTITY_OPTIONS_VERSION)
    fail(Code::invalid_argument, "options.version is not KARTLA_IDENTITY_OPTIONS_VERSION");
  params.kdf_opslimit = opts.kdf_opslimit;
  params.kdf_memlimit_bytes = uint64_t{opts.kdf_memlimit_mib} << 20;
  params.created_at = opts.created_at != 0 ? opts.created_at : static_cast<int64_t>(std::time(nullptr));
}

void create_identity_for_caller(const identity::NewIdentity& params, const uint8_t* passphrase, size_t passphrase_len,
                                kartla_identity** out, kartla_buffer* recovery_code) {
  auto created = [&] {
    try {
      return identity::Identity::create(params, input_bytes(passphrase, passphrase_len, "passphrase"));
    } catch (const Error& e) {
      if (e.code() == Code::format || e.code() == Code::limit) fail(Code::invalid_argument, e);
      throw;
    }
  }();
  auto handle = std::make_unique<kartla_identity>(kartla_identity{std::move(created.identity)});
  put_text(recovery_code, created.recovery_code.view());
  *out = handle.release();
}

}  // namespace kartla::capi
