// Text from other people's files (an agency's name on its card, an owner's purpose in a grant)
// shown in human-readable output: a hostile card or grant must not be able to send escape
// sequences to the reader's terminal (move the cursor, rewrite earlier lines, set the title).
#pragma once

#include <string>
#include <string_view>

namespace kartla::cli {

// `text` with every C0 and C1 control character and DEL replaced by '?'. --json output needs no
// such care: JSON escapes control characters.
std::string printable(std::string_view text);

}  // namespace kartla::cli
