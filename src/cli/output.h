// What the CLI prints, and how it fails. Errors the CLI raises itself (Failure, with the exit
// code of its class), the one JSON writer (every JSON document is a typed message printed by
// protobuf), the library's structured results read as typed messages, and the text of other
// people's files made safe for a terminal, with the human-readable reports several commands share.
#pragma once

#include <google/protobuf/message.h>
#include <google/protobuf/struct.pb.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "kartla/kartla.h"
#include "kartla/v1/results.pb.h"
#include "secrets.h"

namespace kartla::cli {

// --- exit codes and failures ---------------------------------------------------------------

// The CLI's exit codes: one per group of the library's error classes (docs/SPEC.md §11), documented
// in `kartla --help` and the README. main.cpp maps each library status to one of them.
enum class Exit : int {
  ok = 0,
  internal = 1,       // a bug, out of memory, or something unexpected
  usage = 2,          // bad arguments, unknown section, content not matching the schema
  not_available = 3,  // section not in the record, not shared with you, or expired
  verification = 4,   // the file is malformed, tampered with, too large or of another version
  auth = 5,           // wrong passphrase, wrong recovery code, or not this identity's record
  io = 6,             // the operating system refused a read or write, or the file is busy
  older_copy = 7,     // authentic, but older than the sequence given with --last-seen
};

// Errors the CLI raises itself (as opposed to kartla::error from the library). main() turns
// each into one `kartla: error:` line and its exit code.
class Failure : public std::runtime_error {
 public:
  Failure(Exit code, const std::string& message) : std::runtime_error(message), code_(code) {}
  Exit code() const noexcept { return code_; }

 private:
  Exit code_;
};

[[noreturn]] inline void usage_error(const std::string& message) { throw Failure(Exit::usage, message); }
[[noreturn]] inline void io_error(const std::string& message) { throw Failure(Exit::io, message); }

// --- JSON ----------------------------------------------------------------------------------

// The one JSON writer of the CLI: every JSON document it prints, and every JSON file it writes,
// is a typed message (the library's kartla.v1 results, cli_output.proto, cli_files.proto)
// printed by protobuf's JSON printer with the options the library uses for its own results
// (src/capi/encode_result.cpp): the .proto field names, every field present, one member or
// element per line, two spaces per level. Map entries are printed in key order.

// The message as a JSON document, ending in a newline.
std::string json_text(const google::protobuf::Message& message);

// The same for a message holding a secret (a recovery code): every copy the CLI makes is wiped.
Secret secret_json_text(const google::protobuf::Message& message);

// A message whose only field is repeated or a map, printed as the JSON array or object of that
// field: a document that is a list (`kartla sections --json`) or a map (the trust-list marks).
std::string json_member_text(const google::protobuf::Message& message);

// A JSON object the library printed (a section's content), read to be embedded in a document
// the CLI prints; an internal Failure if it is not a JSON object (a bug).
void read_json_object(std::string_view json, google::protobuf::Struct* object);

// --- the library's results -----------------------------------------------------------------

// The library's structured results on the command line: asked for as protobuf bytes
// (KARTLA_ENCODING_PROTOBUF) and read with the classes generated from the published schema
// (proto/kartla/v1/results.proto, package kartla.v1, linked as kartla_proto_public), so the CLI
// reads every result as any binding does, with no JSON parsing of its own. For --json a result is
// printed by json_text, the library's own JSON of it.

// Parses a result the library returned; an internal Failure if it does not parse (a bug).
void parse_result(std::string_view bytes, google::protobuf::Message* message);

template <typename Message>
Message parse_result(std::string_view bytes) {
  Message message;
  parse_result(bytes, &message);
  return message;
}

// --- text for people -----------------------------------------------------------------------

// Text from other people's files (an agency's name on its card, an owner's purpose in a grant)
// shown in human-readable output: a hostile card or grant must not be able to send escape
// sequences to the reader's terminal (move the cursor, rewrite earlier lines, set the title).
// `text` with every C0 and C1 control character and DEL replaced by '?'. --json output needs no
// such care: JSON escapes control characters.
std::string printable(std::string_view text);

// `text` with every C0 control character and DEL replaced by a space: a message that must stay
// one line (an error, a validation finding).
std::string one_line(std::string text);

// "GDPR Art. 6.1.a (consent)": a basis code with the label of its code system (gdpr-art6 and
// gdpr-art9, src/codes/code_systems.cpp), so a person reads it in words; a code this CLI does not
// know is shown as it is.
std::string gdpr_basis_label(const std::string& code);
// What an attestation or contribution claims, in words and in the run's language: "validated,
// level 3 (seqf), method OCN validation, on 2025-11-20, 7.5 credits, assessor OCN-bedömare".
std::string claim_text(const kartla::v1::AttestationClaim& claim);

// `text` padded with spaces to `width` (at least one space after it): the left column of a table.
std::string padded(std::string_view text, size_t width);

// "a, b, c".
template <typename Items>
std::string joined(const Items& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// "Trust list 3 by ROOT (fingerprint), expires ...; N agencies: ..." for people.
std::string trust_list_report(const v1::TrustListDescription& list);
// One line per entry: its id and provenance, with the issuer's name, role and organisation number
// (or why an attestation does not hold), from kartla_record_provenance's report.
std::string provenance_report(const v1::ProvenanceReport& provenance);

}  // namespace kartla::cli
