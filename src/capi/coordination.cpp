// SPDX-License-Identifier: Apache-2.0
// kartla/experimental/coordination.h: the case-conference bundle (docs/SPEC.md §7.7).
#include "capi/guard.h"
#include "capi/handles.h"
#include "share/case_bundle.h"

using kartla::Code;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_text;
using kartla::capi::require_output;

extern "C" {

kartla_status kartla_record_export_case_bundle(const kartla_record* record, const char* const* grant_ids,
                                               size_t grant_count, const char* out_path) {
  return guarded([&] {
    require_output(record, "record");
    if (grant_count != 0 && grant_ids == nullptr) fail(Code::invalid_argument, "grant_ids is NULL");
    // Bounded before anything is copied: a count no meeting has must not size an allocation.
    if (grant_count > kartla::share::kMaxCaseGrants)
      fail(Code::invalid_argument, "a case-conference bundle holds at most 16 grants");
    std::vector<std::string> ids;
    for (size_t i = 0; i < grant_count; ++i) ids.push_back(input_text(grant_ids[i], "grant_ids[i]"));
    kartla::share::export_case_bundle(record->record, ids, kartla::capi::record_now(*record),
                                      input_text(out_path, "out_path"));
  });
}

}  // extern "C"
