/* SPDX-License-Identifier: Apache-2.0 */
// What the CLI prints, and how it fails. Errors the CLI raises itself (Failure, with the exit
// code of its class), the one JSON writer (every JSON document is a typed message printed by
// protobuf), the library's structured results read as typed messages, and the text of other
// people's files made safe for a terminal, with the human-readable reports several commands share.
#pragma once

#include <google/protobuf/message.h>
#include <google/protobuf/struct.pb.h>

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  io = 6,             // the operating system refused a read or write
  older_copy = 7,     // authentic, but older than the sequence given with --last-seen
  busy = 8,           // another program is saving the record or saved it since: try again
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

// One line on stderr, `kartla: warning: MESSAGE`: something the person should change, which does
// not stop the command.
void warn(const std::string& message);

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

// A JSON document printed elsewhere (by the library) laid out as json_text lays out its own,
// in wiped memory: it may be a section's plaintext.
Secret laid_out_json(std::string_view json);

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

// Everything the CLI prints passes through here (write_stdout, the error line, prompts): section
// content an agency wrote through an accepted contribution, names on cards and file names reach
// the reader's terminal in human text and in JSON alike. `emit` receives `text` in pieces, with
// each C0 control but newline and tab, DEL, each C1 control (U+0080..U+009F; U+009B is a
// one-character CSI) and each bidirectional formatting character (U+061C, U+200E, U+200F,
// U+202A..U+202E, U+2066..U+2069, which reorder what a person reads: "Trojan Source") replaced by
// its JSON escape `\uXXXX` (inside a JSON string the same character, and to a person a visible
// mark that something was there), and each byte that is not part of valid UTF-8 (a file name
// from another system) by U+FFFD, so that JSON output stays valid JSON. No copy of `text` is made:
// it may be section plaintext.
template <typename Emit>
void for_each_terminal_safe_piece(std::string_view text, Emit emit);
std::string terminal_safe(std::string_view text);
// `text` with each byte that is not part of valid UTF-8 replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

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

// `text` padded with spaces to `width` terminal columns (display_width.h: combining marks take
// none, wide characters two; at least one space after it): the left column of a table.
std::string padded(std::string_view text, size_t width);

// Rows "label  value", one a line after `indent`, with the values in one column: at `width`
// characters, or further right when a label (a translation) is longer, so that a language with
// longer words still reads as a table.
using Row = std::pair<std::string, std::string>;
std::string aligned(const std::vector<Row>& rows, size_t width, std::string_view indent = "");

// "a, b, c".
template <typename Items>
std::string joined(const Items& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// A trust root names itself, so a home-made root called "Tillitsrot" vouching for a fake
// "Landskrona stad" reads like the real one: every report shows the root's and each issuer's
// fingerprint, and warns when the root was not pinned with --trust-root (`root_pinned` false).

// "Trust list 3 by ROOT (fingerprint), expires ...; N agencies: ..." for people.
std::string trust_list_report(const v1::TrustListDescription& list, bool root_pinned);
// One line per entry: its id and provenance, with the issuer's name, role, organisation number and
// fingerprint (or why an attestation does not hold), from kartla_record_provenance's report.
std::string provenance_report(const v1::ProvenanceReport& provenance, bool root_pinned);

// --- implementation of for_each_terminal_safe_piece --------------------------------------------

namespace detail {
// The length of the valid UTF-8 sequence at text[i] (1..4), or 0 if the byte there does not
// start one; the code point in *code.
size_t utf8_sequence(std::string_view text, size_t i, uint32_t* code);
// Must this code point be escaped (see for_each_terminal_safe_piece)?
bool unsafe_on_a_terminal(uint32_t code);
// "\u009b".
std::string json_escape(uint32_t code);
}  // namespace detail

template <typename Emit>
void for_each_terminal_safe_piece(std::string_view text, Emit emit) {
  size_t clean_from = 0;
  size_t i = 0;
  while (i < text.size()) {
    uint32_t code = 0;
    const size_t len = detail::utf8_sequence(text, i, &code);
    if (len != 0 && !detail::unsafe_on_a_terminal(code)) {
      i += len;
      continue;
    }
    if (i > clean_from) emit(text.substr(clean_from, i - clean_from));
    if (len == 0) {
      emit(std::string_view("\xEF\xBF\xBD"));
      i += 1;
    } else {
      const std::string escape = detail::json_escape(code);
      emit(std::string_view(escape));
      i += len;
    }
    clean_from = i;
  }
  if (text.size() > clean_from) emit(text.substr(clean_from));
}

}  // namespace kartla::cli
