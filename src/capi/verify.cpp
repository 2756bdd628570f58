// SPDX-License-Identifier: Apache-2.0
#include <memory>

#include "capi/encode_result.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "format/file_source.h"
#include "kartla/v1/results.pb.h"

using kartla::Code;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;

extern "C" {

kartla_status kartla_verification_open_file(const char* path, kartla_verification** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    const kartla::format::FileSource source(input_text(path, "path"));
    *out = new kartla_verification{kartla::model::verify_container(source)};
  });
}

kartla_status kartla_verification_open(const uint8_t* bytes, size_t len, kartla_verification** out) {
  if (out != nullptr) *out = nullptr;
  return guarded([&] {
    require_output(out, "out");
    const kartla::format::MemorySource source(input_bytes(bytes, len, "bytes"));
    *out = new kartla_verification{kartla::model::verify_container(source)};
  });
}

kartla_status kartla_verification_sequence(const kartla_verification* v, uint64_t* out) {
  if (out != nullptr) *out = 0;
  return guarded([&] {
    require_output(v, "verification");
    require_output(out, "out");
    *out = v->report.sequence;
  });
}

kartla_status kartla_verification_record_id(const kartla_verification* v, kartla_buffer* out) {
  return guarded([&] {
    require_output(v, "verification");
    require_empty(out, "out");
    put_text(out, v->report.record_id_hex);
  });
}

kartla_status kartla_verification_owner_fingerprint(const kartla_verification* v, kartla_buffer* out) {
  return guarded([&] {
    require_output(v, "verification");
    require_empty(out, "out");
    put_text(out, v->report.owner_fingerprint);
  });
}

kartla_status kartla_verification_previous_hash(const kartla_verification* v, kartla_buffer* out) {
  return guarded([&] {
    require_output(v, "verification");
    require_empty(out, "out");
    put_text(out, v->report.previous_manifest_hash_hex);
  });
}

kartla_status kartla_verification_report(const kartla_verification* v, kartla_encoding encoding, kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_output(v, "verification");
    require_empty(out, "out");
    const kartla::model::VerificationReport& r = v->report;
    kartla::v1::VerificationReport result;
    result.set_record_id(r.record_id_hex);
    result.set_owner_fingerprint(r.owner_fingerprint);
    result.set_sequence(r.sequence);
    result.set_previous_manifest_hash(r.previous_manifest_hash_hex);
    result.set_kind(r.is_full_record() ? "record" : "bundle");
    result.set_sections_listed(static_cast<uint32_t>(r.sections_listed));
    result.set_sections_present(static_cast<uint32_t>(r.sections_present));
    result.set_section_bytes(r.section_bytes);
    result.set_grants_listed(static_cast<uint32_t>(r.grants_listed));
    result.set_grants_present(static_cast<uint32_t>(r.grants_present));
    result.set_file_bytes(r.file_bytes);
    kartla::capi::emit(result, encoding, out);
  });
}

kartla_status kartla_verification_check_last_seen(const kartla_verification* v, uint64_t last_seen) {
  return guarded([&] {
    require_output(v, "verification");
    if (v->report.sequence < last_seen)
      fail(Code::rollback, "this copy is older than one already seen: sequence %1$s < %2$s",
           {std::to_string(v->report.sequence), std::to_string(last_seen)});
  });
}

void kartla_verification_free(kartla_verification* v) { delete v; }

}  // extern "C"
