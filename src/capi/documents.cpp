// SPDX-License-Identifier: Apache-2.0
// Documents as files (include/kartla/experimental/documents.h): bytes in, bytes out, listings
// without content. The model (model/documents.h) does the work on the documents section.
#include <ctime>
#include <string>

#include "capi/encode_result.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "io/atomic_writer.h"
#include "model/document_file.h"
#include "model/document_listing.h"
#include "model/document_stream.h"
#include "model/documents.h"

using kartla::Code;
using kartla::fail;
using kartla::capi::guarded;
using kartla::capi::input_bytes;
using kartla::capi::input_text;
using kartla::capi::put_secret;
using kartla::capi::put_text;
using kartla::capi::require_empty;
using kartla::capi::require_output;

namespace {

const kartla::model::SectionInfo& documents_section() { return kartla::model::section_by_name("documents"); }

int64_t or_now(int64_t t) { return t != 0 ? t : static_cast<int64_t>(std::time(nullptr)); }

// NULL is "not given"; any text given is taken as it is.
std::string optional_text(const char* text, const char* name) {
  return text == nullptr ? std::string() : input_text(text, name);
}

kartla::model::DocumentDetails details_from(const kartla_document_options* options) {
  kartla_document_options defaults;
  kartla_document_options_init(&defaults);
  const kartla_document_options& o = options != nullptr ? *options : defaults;
  if (o.version != KARTLA_DOCUMENT_OPTIONS_VERSION)
    fail(Code::invalid_argument, "options.version is not KARTLA_DOCUMENT_OPTIONS_VERSION");
  if (o.health_data > 1) fail(Code::invalid_argument, "options.health_data must be 0 or 1");
  kartla::model::DocumentDetails details;
  details.title = optional_text(o.title, "options.title");
  details.kind = optional_text(o.kind, "options.kind");
  details.media_type = optional_text(o.media_type, "options.media_type");
  details.health_data = o.health_data == 1;
  return details;
}

// The document goes to a temporary file that becomes the output only once everything checked
// (AtomicWriter: the temporary file is removed if commit() is never reached).
class FileSink final : public kartla::format::ContentSink {
 public:
  explicit FileSink(kartla::io::AtomicWriter& writer) : writer_(writer) {}
  void write(kartla::ByteView piece) override { writer_.write(piece); }

 private:
  kartla::io::AtomicWriter& writer_;
};

// The caller's callback as the second pass's sink (SPEC §5.6, "Streamed reading into a
// callback"). It sees only bytes the first pass authenticated; if the read fails after it saw
// any, it is told to discard them.
class CallbackSink final : public kartla::format::ContentSink {
 public:
  CallbackSink(kartla_document_callback callback, void* context) : callback_(callback), context_(context) {}
  void write(kartla::ByteView piece) override {
    if (piece.size == 0) return;
    delivered_ = true;
    const int32_t answer = callback_(context_, KARTLA_DOCUMENT_DATA, piece.data, piece.size);
    if (answer != 0)
      fail(Code::io, "the receiver refused the bytes (the callback returned %s)", {std::to_string(answer)});
  }
  void discard_if_delivered() noexcept {
    if (delivered_) static_cast<void>(callback_(context_, KARTLA_DOCUMENT_DISCARD, nullptr, 0));
  }

 private:
  kartla_document_callback callback_;
  void* context_;
  bool delivered_ = false;
};

// Runs a two-pass read into the callback; on any failure after DATA, DISCARD goes last.
template <typename Read>
void into_callback(kartla_document_callback callback, void* context, Read&& read) {
  if (callback == nullptr) fail(Code::invalid_argument, "callback is NULL");
  CallbackSink sink(callback, context);
  try {
    read(sink);
  } catch (...) {
    sink.discard_if_delivered();
    throw;
  }
}

kartla::io::AtomicWriter::Replace replace_mode(int replace) {
  if (replace != 0 && replace != 1) fail(Code::invalid_argument, "replace must be 0 or 1");
  return replace == 1 ? kartla::io::AtomicWriter::Replace::existing : kartla::io::AtomicWriter::Replace::never;
}

}  // namespace

extern "C" {

void kartla_document_options_init(kartla_document_options* options) {
  if (options == nullptr) return;
  *options = kartla_document_options{KARTLA_DOCUMENT_OPTIONS_VERSION, nullptr, nullptr, nullptr, 0};
}

kartla_status kartla_record_add_document(kartla_record* record, const uint8_t* content, size_t len,
                                         const kartla_document_options* options, kartla_buffer* id) {
  return guarded([&] {
    require_output(record, "record");
    require_empty(id, "id");
    const kartla::ByteView bytes = input_bytes(content, len, "content");
    kartla::model::DocumentDetails details = details_from(options);
    details.added_at = kartla::capi::record_now(*record);
    const std::string added = kartla::model::add_document(record->record, bytes, details);
    put_text(id, added);
  });
}

kartla_status kartla_record_add_document_file(kartla_record* record, const char* path,
                                              const kartla_document_options* options, kartla_buffer* id) {
  return guarded([&] {
    require_output(record, "record");
    require_empty(id, "id");
    const std::string file = input_text(path, "path");
    kartla::model::DocumentDetails details = details_from(options);
    details.added_at = kartla::capi::record_now(*record);
    put_text(id, kartla::model::add_document_file(record->record, file, details));
  });
}

kartla_status kartla_record_document(const kartla_record* record, const char* id, kartla_buffer* out) {
  return guarded([&] {
    require_output(record, "record");
    require_empty(out, "out");
    const std::string wanted = input_text(id, "id");
    if (!record->record.has_section(documents_section())) fail(Code::not_found, "the record holds no documents");
    put_secret(out, kartla::model::document_content(record->record.read_section(documents_section()).view(), wanted));
  });
}

kartla_status kartla_record_documents(const kartla_record* record, kartla_encoding encoding, kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_output(record, "record");
    require_empty(out, "out");
    kartla::v1::Documents listing;
    if (record->record.has_section(documents_section())) {
      kartla::model::DocumentListingScan scan;
      record->record.stream_section(documents_section(), scan);
      listing = scan.finish();
    }
    kartla::capi::emit(listing, encoding, out);
  });
}

kartla_status kartla_record_remove_document(kartla_record* record, const char* id) {
  return guarded([&] {
    require_output(record, "record");
    kartla::model::remove_document(record->record, input_text(id, "id"));
  });
}

kartla_status kartla_share_document(const kartla_share* share, const char* id, int64_t at, kartla_buffer* out) {
  return guarded([&] {
    require_output(share, "share");
    require_empty(out, "out");
    const std::string wanted = input_text(id, "id");
    put_secret(out, kartla::model::document_content(share->view.read_section(documents_section(), or_now(at)).view(),
                                                    wanted));
  });
}

kartla_status kartla_record_document_to_file(const kartla_record* record, const char* id, const char* path,
                                             int replace) {
  return guarded([&] {
    require_output(record, "record");
    const std::string wanted = input_text(id, "id");
    const auto mode = replace_mode(replace);
    kartla::io::AtomicWriter writer(input_text(path, "path"));
    FileSink sink(writer);
    kartla::model::stream_document(record->record, wanted, sink);
    writer.commit(mode);
  });
}

kartla_status kartla_share_document_to_file(const kartla_share* share, const char* id, int64_t at, const char* path,
                                            int replace) {
  return guarded([&] {
    require_output(share, "share");
    const std::string wanted = input_text(id, "id");
    const auto mode = replace_mode(replace);
    const std::string target = input_text(path, "path");
    kartla::io::AtomicWriter writer(target);
    FileSink sink(writer);
    kartla::model::DocumentExtractor extractor(wanted, sink);
    share->view.stream_section(documents_section(), or_now(at), extractor);
    extractor.finish();
    writer.commit(mode);
  });
}

kartla_status kartla_record_document_to_callback(const kartla_record* record, const char* id,
                                                 kartla_document_callback callback, void* context) {
  return guarded([&] {
    require_output(record, "record");
    const std::string wanted = input_text(id, "id");
    into_callback(callback, context,
                  [&](CallbackSink& sink) { kartla::model::release_document(record->record, wanted, sink); });
  });
}

kartla_status kartla_share_document_to_callback(const kartla_share* share, const char* id, int64_t at,
                                                kartla_document_callback callback, void* context) {
  return guarded([&] {
    require_output(share, "share");
    const std::string wanted = input_text(id, "id");
    into_callback(callback, context, [&](CallbackSink& sink) {
      kartla::model::DiscardingSink judged_only;
      kartla::model::DocumentExtractor extractor(wanted, judged_only);
      share->view.stream_section_checked(documents_section(), or_now(at), extractor, sink);
    });
  });
}

kartla_status kartla_share_documents(const kartla_share* share, int64_t at, kartla_encoding encoding,
                                     kartla_buffer* out) {
  return guarded([&] {
    kartla::capi::require_encoding(encoding);
    require_output(share, "share");
    require_empty(out, "out");
    kartla::model::DocumentListingScan scan;
    share->view.stream_section(documents_section(), or_now(at), scan);
    kartla::capi::emit(scan.finish(), encoding, out);
  });
}

}  // extern "C"
