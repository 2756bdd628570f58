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

#include <climits>
#include <memory>

#include "args.h"
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

[[noreturn]] void cannot_print(const google::protobuf::Message& message) {
  throw Failure(Exit::internal, "cannot print a " + message.GetDescriptor()->name() + " as JSON");
}

// Deterministic serialization (map entries in key order), then protobuf's JSON printer.
void print(const google::protobuf::Message& message, bool whitespace, std::string* bytes, std::string* json) {
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
  if (!google::protobuf::util::BinaryToJsonString(&resolver(), type_url, *bytes, json, options).ok())
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
  return a.valid_until() == 0 ? std::string("the list's expiry") : format_utc(a.valid_until());
}

// "Name (org NNNNNN-NNNN, role R)" for an issuer or listed agency.
std::string who(const std::string& name, const std::string& organisation_number, const std::string& role) {
  std::string text = printable(name);
  std::string detail;
  if (!organisation_number.empty()) detail = "org " + printable(organisation_number);
  if (!role.empty()) detail += (detail.empty() ? "" : ", ") + std::string("role ") + printable(role);
  return detail.empty() ? text : text + " (" + detail + ")";
}

std::string attestation_line(const v1::AttestationReport& report) {
  const std::string& verdict = report.verdict();
  std::string line = "      " + verdict;
  // The role shown is the one the trust list vouches for, never the card's own claim.
  if (report.has_listed()) {
    line += " by " + who(report.listed().name(), report.listed().organisation_number(), report.listed().role());
  } else if (report.has_issuer()) {
    line += " by " + who(report.issuer().name(), report.issuer().organisation_number(), "");
  }
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

std::string json_text(const google::protobuf::Message& message) {
  std::string bytes;
  std::string json;
  print(message, true, &bytes, &json);
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

void read_json_object(std::string_view json, google::protobuf::Struct* object) {
  if (!google::protobuf::util::JsonStringToMessage(google::protobuf::StringPiece(json.data(), json.size()), object)
           .ok())
    throw Failure(Exit::internal, "the library returned JSON the CLI cannot read");
}

void parse_result(std::string_view bytes, google::protobuf::Message* message) {
  if (bytes.size() > static_cast<size_t>(INT_MAX) ||
      !message->ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    throw Failure(Exit::internal, "the library returned a " + message->GetDescriptor()->name() +
                                      " the CLI cannot read");
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

std::string padded(std::string_view text, size_t width) {
  std::string out(text);
  out.append(width > out.size() ? width - out.size() : 1, ' ');
  return out;
}

std::string trust_list_report(const v1::TrustListDescription& list) {
  std::string text = "Trust list " + std::to_string(list.sequence()) + " signed by " + printable(list.root().name()) +
                     " (" + list.root().fingerprint() + ")\n";
  text += "  issued " + format_utc(list.issued_at()) + ", expires " + format_utc(list.expires_at()) + "\n";
  text += "  " + std::to_string(list.agencies_size()) + " agencies vouched for\n";
  for (const v1::ListedAgency& a : list.agencies()) {
    text += "    " + who(a.name(), a.organisation_number(), a.role()) + ", " + format_utc(a.valid_from()) + " to " +
            until_text(a) + "\n" + "      fingerprint " + a.fingerprint() + "\n";
  }
  return text;
}

std::string provenance_report(const v1::ProvenanceReport& provenance) {
  std::string text = "Section " + provenance.section() + ": ";
  text += provenance.has_trust_list() ? "trust list " + std::to_string(provenance.trust_list().sequence()) + " by " +
                                            printable(provenance.trust_list().root()) + "\n"
                                      : std::string("no trust list (no issuer is trusted)\n");
  if (provenance.entries_size() == 0) text += "  (no entries)\n";
  for (const v1::EntryProvenance& e : provenance.entries()) {
    text += "  " + printable(e.entry_id()) + ": " + e.provenance() + "\n";
    for (const v1::AttestationReport& report : e.attestations()) text += attestation_line(report);
  }
  if (provenance.unmatched_size() != 0) {
    text += "  attestations naming no entry here: " + std::to_string(provenance.unmatched_size()) + "\n";
    for (const v1::AttestationReport& report : provenance.unmatched()) text += attestation_line(report);
  }
  return text;
}

}  // namespace kartla::cli
