#include "display_text.h"

namespace kartla::cli {

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) {
      out += '?';
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      out += '?';  // U+0080..U+009F, the C1 controls (U+009B is a one-character CSI)
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string gdpr_basis_label(const std::string& code) {
  static const char* const kLabels[][2] = {
      {"6.1.a", "consent"},
      {"6.1.b", "contract"},
      {"6.1.c", "legal obligation"},
      {"6.1.d", "vital interests"},
      {"6.1.e", "public task or official authority"},
      {"6.1.f", "legitimate interests"},
      {"9.2.a", "explicit consent"},
      {"9.2.b", "employment, social security and social protection law"},
      {"9.2.c", "vital interests"},
      {"9.2.d", "not-for-profit body"},
      {"9.2.e", "made public by the data subject"},
      {"9.2.f", "legal claims"},
      {"9.2.g", "substantial public interest"},
      {"9.2.h", "health or social care"},
      {"9.2.i", "public health"},
      {"9.2.j", "archiving, research or statistics"},
  };
  for (const auto& entry : kLabels)
    if (code == entry[0]) return "GDPR Art. " + code + " (" + entry[1] + ")";
  return "GDPR Art. " + printable(code);
}

}  // namespace kartla::cli
