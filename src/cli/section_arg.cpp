#include "section_arg.h"

#include "failure.h"
#include "kartla/kartla.hpp"

namespace kartla::cli {

std::string section_option(const Args& args) {
  const std::string name = args.required("--section");
  std::string valid;
  for (const std::string& known : kartla::section_names()) {
    if (known == name) return name;
    valid += (valid.empty() ? "" : ", ") + known;
  }
  usage_error("unknown section '" + name + "'; the sections are: " + valid);
}

}  // namespace kartla::cli
