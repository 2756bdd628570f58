#include <memory>

#include "capi/guard.h"
#include "capi/handles.h"
#include "format/file_source.h"

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

kartla_status kartla_verification_json(const kartla_verification* v, kartla_buffer* out) {
  return guarded([&] {
    require_output(v, "verification");
    require_empty(out, "out");
    put_text(out, v->report.to_json());
  });
}

kartla_status kartla_verification_check_last_seen(const kartla_verification* v, uint64_t last_seen) {
  return guarded([&] {
    require_output(v, "verification");
    if (v->report.sequence < last_seen)
      fail(Code::rollback, "this copy is older than one already seen: sequence " + std::to_string(v->report.sequence) +
                               " < " + std::to_string(last_seen));
  });
}

void kartla_verification_free(kartla_verification* v) { delete v; }

}  // extern "C"
