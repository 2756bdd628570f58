// SPDX-License-Identifier: Apache-2.0
// Language entries and SFI studies (docs/MODEL.md, `languages`; rules sfi-*).
#include "kartla/v1/languages.pb.h"
#include "model/validation/quote.h"
#include "model/validation/type_checks.h"

namespace kartla::model {
namespace {

// Skolverket: study path 1 runs courses A–D, path 2 B–D, path 3 C–D. Returns the first course
// of a path, or 0 for an unknown path (already reported by the Coding check).
char first_course_of_path(const v1::Coding& path) {
  if (path.system() != "sfi-studievag") return 0;
  if (path.code() == "1") return 'A';
  if (path.code() == "2") return 'B';
  if (path.code() == "3") return 'C';
  return 0;
}

// The course letter A–D, or 0 when the Coding is not a valid SFI course.
char course_letter(const v1::Coding& course) {
  if (course.system() != "sfi-kurs" || course.code().size() != 1) return 0;
  const char c = course.code()[0];
  return c >= 'A' && c <= 'D' ? c : 0;
}

void check_course_in_path(const v1::Coding& course, char first, const std::string& path,
                          const v1::Coding& study_path, Findings& out) {
  const char letter = course_letter(course);
  if (letter == 0 || first == 0) return;
  if (letter < first) {
    out.report_violation(path, "sfi-course-in-study-path",
                         "course %1$s is not part of study path %2$s (path 1: A–D, 2: B–D, 3: C–D)",
                         {quote(course.code()), quote(study_path.code())});
  }
}

}  // namespace

void check_language_entry(const Visit& v) {
  const auto& e = static_cast<const v1::LanguageEntry&>(v.msg);
  if (!e.has_language()) {
    v.out.report_violation(field_path(v.path, "language"), "language-required", "name the language");
  }
}

void check_sfi_studies(const Visit& v) {
  const auto& s = static_cast<const v1::SfiStudies&>(v.msg);
  const bool has_courses = s.has_current_course() || !s.results().empty();
  if (has_courses && !s.has_study_path()) {
    v.out.report_violation(field_path(v.path, "study_path"), "sfi-study-path-required",
                           "SFI courses belong to a study path (1, 2 or 3)");
  }
  const char first = first_course_of_path(s.study_path());
  check_course_in_path(s.current_course(), first, field_path(v.path, "current_course"),
                       s.study_path(), v.out);
  for (int i = 0; i < s.results_size(); ++i) {
    const v1::SfiCourseResult& r = s.results(i);
    const std::string path = item_path(v.path, "results", i);
    check_course_in_path(r.course(), first, field_path(path, "course"), s.study_path(), v.out);
    // National tests exist for courses B, C and D only (Skolverket).
    if (r.national_test_taken() && course_letter(r.course()) == 'A') {
      v.out.report_violation(field_path(path, "national_test_taken"), "sfi-national-test-course",
                             "there is no national test for SFI course A");
    }
  }
}

}  // namespace kartla::model
