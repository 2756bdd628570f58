// SPDX-License-Identifier: Apache-2.0
#include <ctime>
#include <memory>

#include "capi/guard.h"
#include "capi/new_identity.h"
#include "capi/handles.h"
#include "capi/encode_result.h"
#include "format/card_codec.h"
#include "format/fingerprint.h"
#include "identity/agency_role.h"
#include "kartla/v1/results.pb.h"

using kartla::Code;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;

namespace {

const char* kind_name(kartla::format::CardKind kind) {
  switch (kind) {
    case kartla::format::CardKind::owner: return "owner";
    case kartla::format::CardKind::agency: return "agency";
    case kartla::format::CardKind::trust_root: return "trust_root";
  }
  return "unknown";
}

}  // namespace

extern "C" {

void kartla_agency_info_init(kartla_agency_info* info) {
  if (info == nullptr) return;
  *info = kartla_agency_info{KARTLA_AGENCY_INFO_VERSION, nullptr, nullptr, nullptr};
}

size_t kartla_agency_role_count(void) { return kartla::identity::agency_role_count(); }

const char* kartla_agency_role_name(size_t index) {
  return index < kartla::identity::agency_role_count() ? kartla::identity::agency_roles_begin()[index].name.data()
                                                      : nullptr;
}

kartla_status kartla_identity_new_agency(const kartla_agency_info* info, const kartla_identity_options* options,
                                const uint8_t* passphrase, size_t passphrase_len, kartla_identity** out,
                                kartla_buffer* recovery_code) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    require_output(info, "info");
    require_empty(recovery_code, "recovery_code");
    if (info->version != KARTLA_AGENCY_INFO_VERSION)
      fail(Code::invalid_argument, "info.version is not KARTLA_AGENCY_INFO_VERSION");
    kartla::identity::NewIdentity params;
    kartla::capi::apply_identity_options(options, params);
    const std::string role_name = input_text(info->role, "info.role");
    const auto* role = kartla::identity::agency_role_by_name(role_name);
    if (role == nullptr)
      fail(Code::invalid_argument, "unknown agency role '%1$s' (roles: %2$s)",
           {role_name, std::string(kartla::identity::agency_role_names())});
    params.kind = kartla::format::CardKind::agency;
    params.name = input_text(info->name, "info.name");
    params.organisation_number = input_text(info->organisation_number, "info.organisation_number");
    params.role = role->number;
    kartla::capi::create_identity_for_caller(params, passphrase, passphrase_len, out, recovery_code);
  });
}

kartla_status kartla_card_describe(const uint8_t* card, size_t card_len, kartla_encoding encoding,
                                   kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_empty(out, "out");
    const auto signed_card = kartla::format::decode_card_file(input_bytes(card, card_len, "card"));
    const auto& c = signed_card.card;
    const auto* role = kartla::identity::agency_role_by_number(c.role);
    kartla::v1::CardDescription result;
    result.set_kind(kind_name(c.kind));
    result.set_name(c.name);
    result.set_organisation_number(c.organisation_number);
    result.set_role(role ? std::string(role->name) : std::string());
    result.set_created_at(c.created_at);
    result.set_fingerprint(kartla::format::fingerprint(c.signing_key, c.encryption_key));
    kartla::capi::emit(result, encoding, out);
  });
}

}  // extern "C"
