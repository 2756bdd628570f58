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

// "GDPR Art. 6.1.a (consent)": a basis code with the label of its code system (gdpr-art6 and
// gdpr-art9, src/model/code_systems.cpp), so a person reads it in words; a code this CLI does not
// know is shown as it is.
std::string gdpr_basis_label(const std::string& code);

}  // namespace kartla::cli
