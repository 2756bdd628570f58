#include "capi/guard.h"
#include "model/section_registry.h"

extern "C" {

size_t kartla_section_count(void) { return kartla::model::all_sections().size(); }

const char* kartla_section_name(size_t index) {
  const auto& sections = kartla::model::all_sections();
  // Registry names are string literals, so .data() is NUL-terminated and static.
  return index < sections.size() ? sections[index].name.data() : nullptr;
}

kartla_status kartla_section_is_special_category(const char* section, int* out) {
  if (out != nullptr) *out = 0;
  return kartla::capi::guarded([&] {
    kartla::capi::require_output(out, "out");
    *out = kartla::model::section_by_name(kartla::capi::input_text(section, "section")).special_category ? 1 : 0;
  });
}

}  // extern "C"
