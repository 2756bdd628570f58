// SPDX-License-Identifier: Apache-2.0
// kartla/experimental/followup.h: a programme's follow-up figures (docs/SPEC.md §7.8).
#include <ctime>
#include <memory>

#include "capi/encode_result.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "format/file_source.h"
#include "kartla/v1/results.pb.h"
#include "share/followup_report.h"

using kartla::Code;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;

static_assert(KARTLA_FOLLOWUP_MINIMUM_GROUP == kartla::share::kFollowupMinimumGroup);
static_assert(KARTLA_FOLLOWUP_MAX_BUNDLES == kartla::share::kMaxFollowupBundles);

namespace {

void put_cells(const std::vector<kartla::share::FollowupCell>& cells,
               google::protobuf::RepeatedPtrField<kartla::v1::FollowupCell>* out) {
  for (const auto& cell : cells) {
    kartla::v1::FollowupCell* c = out->Add();
    c->set_key(cell.key);
    c->set_count(cell.count);
    c->set_suppressed(cell.suppressed);
    c->set_per_mille(cell.per_mille);
  }
}

kartla::v1::FollowupReport to_result(const kartla::share::FollowupReport& report) {
  const kartla::share::FollowupFigures& f = report.figures;
  kartla::v1::FollowupReport r;
  r.set_programme_name(f.programme_name);
  r.set_funding_ref(f.funding_ref);
  r.set_minimum_group(kartla::share::kFollowupMinimumGroup);
  r.set_participants(f.participants);
  put_cells(f.by_gender, r.mutable_by_gender());
  put_cells(f.by_highest_phase, r.mutable_by_highest_phase());
  put_cells(f.by_status, r.mutable_by_status());
  put_cells(f.at_exit, r.mutable_at_exit());
  put_cells(f.six_months_after_exit, r.mutable_six_months_after_exit());
  for (const auto& s : report.skipped) {
    kartla::v1::SkippedBundle* b = r.add_skipped();
    b->set_index(s.index);
    b->set_reason(s.reason);
    b->set_detail(s.detail);
  }
  return r;
}

}  // namespace

extern "C" {

uint32_t kartla_followup_minimum_group(void) { return kartla::share::kFollowupMinimumGroup; }

size_t kartla_followup_max_bundles(void) { return kartla::share::kMaxFollowupBundles; }

kartla_status kartla_followup_report(const kartla_identity* agency, const char* const* bundle_paths,
                                     size_t bundle_count, int64_t now, kartla_encoding encoding,
                                     kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_output(agency, "agency");
    require_empty(out, "out");
    if (bundle_count != 0 && bundle_paths == nullptr) fail(Code::invalid_argument, "bundle_paths is NULL");
    // Bounded before any path is copied: a count no programme has must not size an allocation.
    if (bundle_count > kartla::share::kMaxFollowupBundles)
      fail(Code::limit, "a follow-up report reads at most %s bundles",
           {std::to_string(kartla::share::kMaxFollowupBundles)});
    std::vector<std::string> paths;
    for (size_t i = 0; i < bundle_count; ++i) paths.push_back(input_text(bundle_paths[i], "bundle_paths[i]"));
    const auto open_bundle = [&paths](size_t i) -> std::shared_ptr<const kartla::format::ByteSource> {
      return std::make_shared<kartla::format::FileSource>(paths[i]);
    };
    const auto report = kartla::share::followup_report(
        paths.size(), open_bundle, agency->identity.box_keys(), agency->identity.signing_keys().public_key,
        now != 0 ? now : static_cast<int64_t>(std::time(nullptr)));
    kartla::capi::emit(to_result(report), encoding, out);
  });
}

}  // extern "C"
