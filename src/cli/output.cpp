// SPDX-License-Identifier: Apache-2.0
// What the CLI prints (output.h): the JSON printer laid out as the library lays out its own
// documents, the library's results parsed, and text for people: other people's strings made safe,
// GDPR bases in words, and the trust-list and provenance reports several commands print.
#include "output.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver.h>
#include <google/protobuf/util/type_resolver_util.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

#include "args.h"
#include "display_width.h"
#include "json_times.h"
#include "messages.h"

namespace kartla::cli {
namespace {

constexpr const char* kTypeUrlPrefix = "type.googleapis.com";

google::protobuf::util::TypeResolver& resolver() {
  static const std::unique_ptr<google::protobuf::util::TypeResolver> instance(
      google::protobuf::util::NewTypeResolverForDescriptorPool(kTypeUrlPrefix,
                                                               google::protobuf::DescriptorPool::generated_pool()));
  return *instance;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Protobuf 3.21's printer indents one space per level; the CLI's JSON documents (and their
// golden files in tests/cli) are laid out with two spaces per level, one member or element per
// line, ": " after each key, empty containers as {} and [], and a final newline. This changes
// only whitespace outside strings (strings are copied as they are, escapes included).
std::string laid_out(std::string_view in) {
  std::string out;
  out.reserve(2 * in.size() + 16);  // never reallocated: no copy of a secret is left behind
  size_t depth = 0;
  const auto newline = [&] {
    out += '\n';
    out.append(2 * depth, ' ');
  };
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (is_space(c)) continue;
    if (c == '"') {  // copied as it is, escapes included
      const size_t start = i;
      for (++i; i < in.size() && in[i] != '"'; ++i)
        if (in[i] == '\\') ++i;
      out.append(in.substr(start, i - start + 1));
    } else if (c == '{' || c == '[') {
      size_t next = i + 1;
      while (next < in.size() && is_space(in[next])) ++next;
      out += c;
      if (next < in.size() && (in[next] == '}' || in[next] == ']')) {
        out += in[next];
        i = next;
      } else {
        ++depth;
        newline();
      }
    } else if (c == '}' || c == ']') {
      if (depth > 0) --depth;
      newline();
      out += c;
    } else if (c == ',') {
      out += ',';
      newline();
    } else if (c == ':') {
      out += ": ";
    } else {
      out += c;  // numbers, true, false, null
    }
  }
  return out + "\n";
}

bool is_valid_utf8(std::string_view text) {
  uint32_t code = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t len = detail::utf8_sequence(text, i, &code);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

// Calls `visit` with each string field's value (repeated ones and those of nested messages, map
// entries included); `visit` returns the value to keep, or nullopt to leave it unchanged.
template <typename Visit>
void for_each_string(google::protobuf::Message* message, Visit visit) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Reflection* reflection = message->GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(*message, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->type() == FieldDescriptor::TYPE_STRING) {
      if (field->is_repeated()) {
        for (int i = 0; i < reflection->FieldSize(*message, field); ++i)
          if (auto fixed = visit(reflection->GetRepeatedString(*message, field, i)))
            reflection->SetRepeatedString(message, field, i, *fixed);
      } else if (auto fixed = visit(reflection->GetString(*message, field))) {
        reflection->SetString(message, field, *fixed);
      }
    } else if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
      if (field->is_repeated()) {
        for (int i = 0; i < reflection->FieldSize(*message, field); ++i)
          for_each_string(reflection->MutableRepeatedMessage(message, field, i), visit);
      } else {
        for_each_string(reflection->MutableMessage(message, field), visit);
      }
    }
  }
}

// File names come from the command line as bytes; a name that is not UTF-8 would make invalid
// JSON (protobuf drops the bytes it cannot print).
bool holds_invalid_utf8(const google::protobuf::Message& message) {
  bool found = false;
  // Visiting needs a mutable message but changes nothing here.
  for_each_string(const_cast<google::protobuf::Message*>(&message), [&](const std::string& value) {
    found = found || !is_valid_utf8(value);
    return std::optional<std::string>();
  });
  return found;
}

void repair_utf8(google::protobuf::Message* message) {
  for_each_string(message, [](const std::string& value) -> std::optional<std::string> {
    if (is_valid_utf8(value)) return std::nullopt;
    return valid_utf8(value);
  });
}

[[noreturn]] void cannot_print(const google::protobuf::Message& message) {
  throw Failure(Exit::internal, fill(T("cannot print a %s as JSON"), {message.GetDescriptor()->name()}));
}

// Deterministic serialization (map entries in key order), then protobuf's JSON printer.
void print(const google::protobuf::Message& given, bool whitespace, std::string* bytes, std::string* json) {
  // Times as RFC 3339, absent when unset (json_times.h).
  const std::unique_ptr<google::protobuf::Message> timed = with_rfc3339_times(given);
  const google::protobuf::Message& message = timed ? *timed : given;
  {
    google::protobuf::io::StringOutputStream stream(bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    if (!message.SerializeToCodedStream(&coded)) cannot_print(message);
  }
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.always_print_primitive_fields = true;
  options.add_whitespace = whitespace;
  const std::string type_url = std::string(kTypeUrlPrefix) + "/" + message.GetDescriptor()->full_name();
  if (!google::protobuf::util::BinaryToJsonString(timed ? &rfc3339_resolver() : &resolver(), type_url, *bytes, json,
                                                  options)
           .ok())
    cannot_print(message);
  if (whitespace) {
    std::string text = laid_out(*json);
    json->swap(text);
    wipe(text.data(), text.capacity());
  }
}

void wipe_string(std::string* text) {
  wipe(text->data(), text->capacity());
  text->clear();
}

std::string until_text(const v1::ListedAgency& a) {
  return a.valid_until() == 0 ? std::string(T("the list's expiry")) : format_utc(a.valid_until());
}

// "Name (org NNNNNN-NNNN, role R)" for an issuer or listed agency.
std::string who(const std::string& name, const std::string& organisation_number, const std::string& role) {
  std::string text = printable(name);
  std::string detail;
  if (!organisation_number.empty()) detail = fill(T("org %s"), {printable(organisation_number)});
  if (!role.empty()) detail += (detail.empty() ? "" : ", ") + fill(T("role %s"), {printable(role)});
  return detail.empty() ? text : text + " (" + detail + ")";
}

std::string attestation_line(const v1::AttestationReport& report) {
  const std::string& verdict = report.verdict();
  std::string line = "      " + verdict;
  // The role shown is the one the trust list vouches for, never the card's own claim.
  if (report.has_listed()) {
    line += " " + fill(T("by %s"), {who(report.listed().name(), report.listed().organisation_number(), report.listed().role())});
  } else if (report.has_issuer()) {
    line += " " + fill(T("by %s"), {who(report.issuer().name(), report.issuer().organisation_number(), "")});
  }
  // A name is what its issuer chose to call itself; the fingerprint is what tells two apart.
  const std::string& fingerprint =
      report.has_listed() ? report.listed().fingerprint() : report.has_issuer() ? report.issuer().fingerprint() : "";
  if (!fingerprint.empty()) line += ", " + fill(T("fingerprint %s"), {printable(fingerprint)});
  if (report.has_claim() && report.claim().kind() != v1::AttestationClaim::KIND_UNSPECIFIED)
    line += ", " + fill(T("attested: %s"), {claim_text(report.claim())});
  if (verdict != "trusted") line += ": " + printable(report.message());
  return line + "\n";
}

}  // namespace

// What was attested, in words: "validated, level OCN nivå 2, method OCN validation, on
// 2022-05-20, 5 credits, assessor OCN-bedömare", so a reader sees the claim itself and not
// only its kind. Code labels come from the library's code systems, in the run's language.
std::string claim_text(const v1::AttestationClaim& c) {
  std::string out;
  switch (c.kind()) {
    case v1::AttestationClaim::VALIDATED: out = T("validated"); break;
    case v1::AttestationClaim::COMPLETED: out = T("completed"); break;
    case v1::AttestationClaim::ASSESSED: out = T("assessed by a professional"); break;
    case v1::AttestationClaim::CONTRIBUTED: out = T("written by the agency"); break;
    case v1::AttestationClaim::CONFIRMED: out = T("confirmed as correct"); break;
    default: out = printable(v1::AttestationClaim::Kind_Name(c.kind())); break;
  }
  const auto add = [&out](const std::string& part) { out += ", " + part; };
  if (!c.level_code().empty()) {
    const char* label = kartla_code_label(language().c_str(), c.level_system().c_str(), c.level_code().c_str());
    // "level 3 (seqf)": the label in words, and which framework's level it is.
    add(label != nullptr ? std::string(label) + " (" + printable(c.level_system()) + ")"
                         : fill(T("level %s"), {printable(c.level_system() + " " + c.level_code())}));
  }
  if (!c.method().empty()) {
    const char* label = kartla_code_label(language().c_str(), "kartla-method", c.method().c_str());
    add(fill(T("method %s"), {label != nullptr ? std::string(label) : printable(c.method())}));
  }
  if (!c.date().empty()) add(fill(T("on %s"), {printable(c.date())}));
  if (c.credits_hundredths() != 0) {
    const uint32_t h = c.credits_hundredths();
    std::string number = std::to_string(h / 100);
    if (h % 100 != 0) number += (h % 10 == 0 ? "." + std::to_string(h % 100 / 10) : "." + std::to_string(h % 100 + 100).substr(1));
    add(fill(TN("%s credit", "%s credits", h == 100 ? 1 : 2), {number}));
  }
  if (!c.assessor_role().empty()) add(fill(T("assessor %s"), {printable(c.assessor_role())}));
  if (!c.text().empty()) out += ": " + printable(c.text());
  return out;
}

void warn(const std::string& message) {
  const std::string line = "kartla: warning: " + terminal_safe(one_line(message)) + "\n";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

std::string json_text(const google::protobuf::Message& message) {
  std::string bytes;
  std::string json;
  if (holds_invalid_utf8(message)) {
    // Protobuf would drop the invalid bytes (and log to stderr); U+FFFD keeps their place.
    const std::unique_ptr<google::protobuf::Message> fixed(message.New());
    fixed->CopyFrom(message);
    repair_utf8(fixed.get());
    print(*fixed, true, &bytes, &json);
  } else {
    print(message, true, &bytes, &json);
  }
  return json;
}

Secret secret_json_text(const google::protobuf::Message& message) {
  std::string bytes;
  std::string json;
  try {
    print(message, true, &bytes, &json);
  } catch (...) {
    wipe_string(&bytes);
    wipe_string(&json);
    throw;
  }
  Secret out(json);
  wipe_string(&bytes);
  wipe_string(&json);
  return out;
}

std::string json_member_text(const google::protobuf::Message& message) {
  const google::protobuf::Descriptor* type = message.GetDescriptor();
  if (type->field_count() != 1 || !type->field(0)->is_repeated()) cannot_print(message);
  // Printed compactly, the message is {"<field>":<value>} (its one member, always present); the
  // value is the document, in the printer's order, laid out like every other.
  std::string bytes;
  std::string json;
  print(message, false, &bytes, &json);
  const std::string head = "{\"" + type->field(0)->name() + "\":";
  if (json.size() < head.size() + 1 || json.compare(0, head.size(), head) != 0 || json.back() != '}')
    cannot_print(message);
  return laid_out(std::string_view(json).substr(head.size(), json.size() - head.size() - 1));
}

Secret laid_out_json(std::string_view json) {
  std::string text = laid_out(json);  // one allocation, never grown: no stale copy
  Secret out(text);
  wipe_string(&text);
  return out;
}

void read_json_object(std::string_view json, google::protobuf::Struct* object) {
  if (!google::protobuf::util::JsonStringToMessage(google::protobuf::StringPiece(json.data(), json.size()), object)
           .ok())
    throw Failure(Exit::internal, T("the library returned JSON the CLI cannot read"));
}

void parse_result(std::string_view bytes, google::protobuf::Message* message) {
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !message->ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    throw Failure(Exit::internal,
                  fill(T("the library returned a %s the CLI cannot read"), {message->GetDescriptor()->name()}));
}

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

namespace detail {

size_t utf8_sequence(std::string_view text, size_t i, uint32_t* code) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    *code = lead;
    return 1;
  }
  size_t len = 0;
  unsigned char low = 0x80;  // the range of the second byte (RFC 3629 §4: no overlong forms,
  unsigned char high = 0xbf; // no surrogates, nothing above U+10FFFF)
  if (lead >= 0xc2 && lead <= 0xdf) {
    len = 2;
    *code = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    len = 3;
    *code = lead & 0x0f;
    if (lead == 0xe0) low = 0xa0;
    if (lead == 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    len = 4;
    *code = lead & 0x07;
    if (lead == 0xf0) low = 0x90;
    if (lead == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const unsigned char c = byte(i + k);
    if (k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xbf)) return 0;
    *code = (*code << 6) | (c & 0x3f);
  }
  return len;
}

bool unsafe_on_a_terminal(uint32_t code) {
  if (code < 0x20) return code != '\n' && code != '\t';
  return code == 0x7f || (code >= 0x80 && code <= 0x9f) || code == 0x061c || code == 0x200e || code == 0x200f ||
         (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

std::string json_escape(uint32_t code) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xf];
  return out;
}

}  // namespace detail

std::string valid_utf8(std::string_view text) {
  std::string out;
  uint32_t code = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t len = detail::utf8_sequence(text, i, &code);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      i += 1;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  for_each_terminal_safe_piece(text, [&](std::string_view piece) { out.append(piece); });
  return out;
}

std::string gdpr_basis_label(const std::string& code) {
  // The labels are the code systems' (gdpr-art6, gdpr-art9), from the library in the run's
  // language: one list, in src/codes, for the views and for this.
  const char* system = code.rfind("9.", 0) == 0 ? "gdpr-art9" : "gdpr-art6";
  const char* label = kartla_code_label(language().c_str(), system, code.c_str());
  if (label == nullptr) return fill(T("GDPR Art. %s"), {printable(code)});
  return fill(T("GDPR Art. %s (%s)"), {code, label});
}

std::string one_line(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return text;
}

// Columns, not bytes: a translated label ("ägarens fingeravtryck:") or a name in Arabic or
// Tigrinya (whose marks take no column) lines up as its English does.
std::string padded(std::string_view text, size_t width) {
  std::string out(text);
  const size_t length = display_width(text);
  out.append(width > length ? width - length : 1, ' ');
  return out;
}

std::string aligned(const std::vector<Row>& rows, size_t width, std::string_view indent) {
  for (const Row& row : rows) width = std::max(width, display_width(row.first) + 2);
  std::string out;
  for (const Row& row : rows) out += std::string(indent) + padded(row.first, width) + row.second + "\n";
  return out;
}

std::string unpinned_root_warning(const std::string& root_name) {
  return fill(T("  WARNING: the root \"%s\" is not pinned (--trust-root ROOT.card): anyone can make a root of that name.\n"
                "  Compare its fingerprint with the one the real root published before trusting this.\n"),
              {printable(root_name)});
}

std::string trust_list_report(const v1::TrustListDescription& list, bool root_pinned) {
  std::string text = fill(T("Trust list %1$s signed by %2$s (%3$s)"),
                          {std::to_string(list.sequence()), printable(list.root().name()), list.root().fingerprint()}) +
                     "\n";
  if (!root_pinned) text += unpinned_root_warning(list.root().name());
  text += "  " + fill(T("issued %1$s, expires %2$s"), {format_utc(list.issued_at()), format_utc(list.expires_at())}) + "\n";
  const auto agencies = static_cast<uint64_t>(list.agencies_size());
  text += "  " + fill(TN("%s agency vouched for", "%s agencies vouched for", agencies), {std::to_string(agencies)}) + "\n";
  for (const v1::ListedAgency& a : list.agencies()) {
    text += "    " + who(a.name(), a.organisation_number(), a.role()) + ", " +
            fill(T("%1$s to %2$s"), {format_utc(a.valid_from()), until_text(a)}) + "\n" + "      " +
            fill(T("fingerprint %s"), {a.fingerprint()}) + "\n";
  }
  return text;
}

std::string provenance_report(const v1::ProvenanceReport& provenance, bool root_pinned) {
  std::string text = fill(T("Section %s:"), {provenance.section()}) + " ";
  if (provenance.has_trust_list()) {
    const v1::TrustListSummary& list = provenance.trust_list();
    text += fill(T("trust list %1$s by %2$s (root fingerprint %3$s)"),
                 {std::to_string(list.sequence()), printable(list.root()), printable(list.root_fingerprint())}) +
            "\n";
    if (!root_pinned) text += unpinned_root_warning(list.root());
  } else {
    text += std::string(T("no trust list (no issuer is trusted)")) + "\n";
  }
  if (provenance.entries_size() == 0) text += "  " + std::string(T("(no entries)")) + "\n";
  for (const v1::EntryProvenance& e : provenance.entries()) {
    text += "  " + printable(e.entry_id()) + ": " + e.provenance() + "\n";
    for (const v1::AttestationReport& report : e.attestations()) text += attestation_line(report);
  }
  if (provenance.unmatched_size() != 0) {
    text += "  " + fill(T("attestations naming no entry here: %s"), {std::to_string(provenance.unmatched_size())}) + "\n";
    for (const v1::AttestationReport& report : provenance.unmatched()) text += attestation_line(report);
  }
  return text;
}

}  // namespace kartla::cli
