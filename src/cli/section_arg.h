// The --section option, checked against the library's section list before any passphrase is
// asked for or any file is touched.
#pragma once

#include <string>

#include "args.h"

namespace kartla::cli {

// The value of --section; a usage Failure listing the valid names if it is not one of them.
std::string section_option(const Args& args);

}  // namespace kartla::cli
