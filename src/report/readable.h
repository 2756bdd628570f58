// Any section as text for a person to read: field names in words, coded values with their
// registry labels, dates as dates, and every entry's provenance marked ("Source: [validated by
// ...]"), instead of protobuf JSON. Driven by the schema (reflection), so a field added to a
// section appears without a change here; the shared value types have their own wording
// (labels.h).
#pragma once

#include <string>

#include "model/section_registry.h"
#include "report/steps.h"
#include "report/view_options.h"

namespace google::protobuf {
class Message;
}

namespace kartla::report {

// The section's heading and content; `step_models` labels programme steps (may be empty).
std::string section_text(const model::SectionInfo& info, const google::protobuf::Message& section,
                         const InstrumentDefinitions& step_models, const ViewOptions& options);

}  // namespace kartla::report
