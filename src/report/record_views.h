// The views of an owner's record (what the C ABI's kartla_record_progress_*, _plan_* and
// _show_text return): each reads the sections it needs from the record, decrypting them, and
// renders them. Errors: Error(not_found) when the record lacks the section a view is about.
#pragma once

#include <string>

#include "model/record.h"
#include "report/progress.h"
#include "report/view_options.h"

namespace kartla::report {

// From progress (and work_ability when options.include_work_ability), with goal texts from the
// action plan. Error(not_found) if the record holds none of the sections asked for.
ProgressSummary record_progress(const model::Record& record, const ViewOptions& options);

std::string record_plan_json(const model::Record& record, const ViewOptions& options);
std::string record_plan_text(const model::Record& record, const ViewOptions& options);

// One section (`only`), or every section the record holds when `only` is null.
std::string record_show_text(const model::Record& record, const model::SectionInfo* only, const ViewOptions& options);

}  // namespace kartla::report
