// SPDX-License-Identifier: Apache-2.0
// `kartla document add|get|list|remove`: the owner's documents (certificates, validation reports,
// CVs) as files. The bytes go in from a file or standard input and come out to a file or standard
// output exactly as they were, never through JSON or base64; `list` shows metadata and sizes.
#include "documents.h"

#include <cctype>
#include <string>

#include "commands.h"
#include "files.h"
#include "kartla/v1/documents.pb.h"
#include "info_text.h"
#include "messages.h"
#include "output.h"
#include "owner.h"

namespace kartla::cli {
namespace {

// The library refuses a documents section over the section size limit (docs/SPEC.md §9); reading
// one byte more than that lets it say so in its own words.
constexpr size_t kDocumentReadLimit = size_t{256} << 20;

// "ocn_certificate" on the command line, "OCN_CERTIFICATE" as the schema names it.
std::string kind_name(const std::string& given) {
  std::string out = given;
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string base_name(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string saved(const char* pattern, const std::string& path, const std::string& id, const kartla::record& record) {
  return fill(pattern, {path, id, std::to_string(record.sequence())}) + "\n";
}

std::string listing_text(const std::string& path, const v1::Documents& listing) {
  if (listing.entries_size() == 0) return fill(T("%s holds no documents."), {path}) + "\n";
  std::string out;
  for (const v1::DocumentEntry& d : listing.entries()) {
    const std::string size = std::to_string(d.size_bytes());
    out += printable(d.id()) + "  " + v1::DocumentEntry::Kind_Name(d.kind()) + "  " + printable(d.media_type()) + "  " +
           fill(TN("%s byte", "%s bytes", d.size_bytes()), {size}) + "  " + printable(d.title()) + "\n";
  }
  return out;
}

}  // namespace

std::string documents_json(const kartla::record& record) {
  return json_text(parse_result<v1::Documents>(kartla::documents(record, KARTLA_ENCODING_PROTOBUF).view()));
}

std::string documents_json(const kartla::share& share, int64_t at) {
  return json_text(parse_result<v1::Documents>(kartla::documents(share, at, KARTLA_ENCODING_PROTOBUF).view()));
}

void refuse_documents_listing(std::string_view json, const std::string& from) {
  v1::Documents given;
  if (!parse_own_json(json, &given)) return;  // the library says what is wrong with it
  for (const v1::DocumentEntry& entry : given.entries()) {
    if (entry.content_case() != v1::DocumentEntry::CONTENT_NOT_SET || entry.size_bytes() == 0) continue;
    usage_error(fill(T("%1$s: document %2$s has a size but no content: a listing of documents cannot be set back "
                       "(it would drop their bytes); add a document with 'kartla document add'"),
                     {from, printable(entry.id())}));
  }
}

std::string document_output(const Args& args) {
  const std::string out = args.required("--out");
  check_output(out, args.flag("--force"));
  return out;
}

std::string document_written(const std::string& id, const std::string& out) {
  return fill(T("Document %1$s written to %2$s (not encrypted)."), {id, out}) + "\n";
}

Exit run_document_add(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const std::string file = args.required("--file");
  if (file != "-") check_readable(file);
  kartla::document_options options;
  options.title = args.value("--title").value_or(file == "-" ? std::string() : base_name(file));
  options.kind = kind_name(args.value("--kind").value_or(""));
  options.media_type = args.value("--media-type").value_or("");
  options.health_data = args.flag("--health-data");

  OwnedRecord owned = open_record_with_owner(path, args);
  // A regular file the library reads itself, once, straight into the new section (issue 17: no
  // copy of a large file in memory). Standard input, a pipe or a device has no size to go by and
  // is read here first.
  std::string id;
  if (file != "-" && is_regular_file(file)) {
    id = kartla::add_document_file(owned.record, file, options);
  } else {
    const Secret content = read_input(file, kDocumentReadLimit);
    id = kartla::add_document(owned.record, content.view(), options);
  }
  owned.save(path);
  inform(saved(T("%1$s: document %2$s added (sequence %3$s)"), path, id, owned.record));
  return Exit::ok;
}

Exit run_document_get(const Args& args) {
  args.expect_positionals({"REC.kartla", "ID"});
  const std::string& path = args.positional(0);
  const std::string& id = args.positional(1);
  const std::string out = document_output(args);
  const OwnedRecord owned = open_record_with_owner(path, args);
  write_document(out, owned.record, id, args.flag("--force"));
  return Exit::ok;
}

Exit run_document_list(const Args& args) {
  args.expect_positionals({"REC.kartla"});
  const std::string& path = args.positional(0);
  const OwnedRecord owned = open_record_with_owner(path, args);
  if (args.flag("--json")) {
    write_stdout(documents_json(owned.record));
    return Exit::ok;
  }
  const auto listing = parse_result<v1::Documents>(kartla::documents(owned.record, KARTLA_ENCODING_PROTOBUF).view());
  write_stdout(listing_text(path, listing));
  return Exit::ok;
}

Exit run_document_remove(const Args& args) {
  args.expect_positionals({"REC.kartla", "ID"});
  const std::string& path = args.positional(0);
  const std::string& id = args.positional(1);
  OwnedRecord owned = open_record_with_owner(path, args);
  kartla::remove_document(owned.record, id);
  owned.save(path);
  inform(saved(T("%1$s: document %2$s removed (sequence %3$s)"), path, id, owned.record));
  return Exit::ok;
}

}  // namespace kartla::cli
