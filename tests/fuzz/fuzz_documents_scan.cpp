// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the three scanners that read a documents section as it streams past, differentially
// against protobuf's own parse of the whole input (what they replace). Aborts if
//  - the documents listing (model/document_listing.h) accepts what protobuf refuses, or lists
//    something other than what protobuf's parse lists;
//  - the health-data scan (share/flag_scan.h) says "no health data" where protobuf's parse finds
//    an entry flagged as health data (saying "yes" for what it cannot read is allowed);
//  - the one-document extractor (model/document_stream.h) hands on bytes, and accepts, for an id
//    whose entry protobuf parses with other content.
// The input is fed in pieces whose sizes come from its first byte, so piece boundaries fall
// everywhere. Only kartla::Error is caught.
#include <google/protobuf/util/message_differencer.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "base/error.h"
#include "format/strict_parse.h"
#include "kartla/v1/documents.pb.h"
#include "model/document_listing.h"
#include "model/document_stream.h"
#include "share/flag_scan.h"

namespace {

using kartla::ByteView;

void feed(kartla::format::ContentSink& sink, ByteView input, size_t piece) {
  for (size_t at = 0; at < input.size; at += piece)
    sink.write({input.data + at, std::min(piece, input.size - at)});
}

class Collect final : public kartla::format::ContentSink {
 public:
  void write(ByteView p) override { bytes.append(reinterpret_cast<const char*>(p.data), p.size); }
  std::string bytes;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kartla;
  if (size == 0) return 0;
  const size_t piece = 1 + data[0] % 97;
  const ByteView input{data + 1, size - 1};

  v1::Documents parsed;
  const bool parses = format::parse_bounded(input, parsed);

  // The listing.
  try {
    model::DocumentListingScan scan;
    feed(scan, input, piece);
    const v1::Documents listed = scan.finish();
    if (!parses) std::abort();
    v1::Documents expected = parsed;
    expected.clear_attestations();
    for (auto& e : *expected.mutable_entries())
      if (e.content_case() == v1::DocumentEntry::kInlineContent) e.clear_inline_content();
    if (!google::protobuf::util::MessageDifferencer::Equals(listed, expected)) std::abort();
  } catch (const Error&) {
  }

  // The health-data flag: never "no" where protobuf sees a flagged entry.
  share::FlagScan flags(v1::Documents::kEntriesFieldNumber, v1::DocumentEntry::kHealthDataFieldNumber);
  feed(flags, input, piece);
  if (parses) {
    bool any = false;
    for (const auto& e : parsed.entries()) any = any || e.health_data();
    if (any && !flags.flagged_or_unreadable()) std::abort();
  }

  // One document: what the extractor accepts is the content protobuf parses for that id.
  if (parses && parsed.entries_size() > 0) {
    const std::string wanted = parsed.entries(0).id();
    Collect out;
    try {
      model::DocumentExtractor extractor(wanted, out);
      feed(extractor, input, piece);
      extractor.finish();
      int matches = 0;
      for (const auto& e : parsed.entries())
        if (e.id() == wanted) ++matches;
      if (matches != 1 || parsed.entries(0).content_case() != v1::DocumentEntry::kInlineContent ||
          out.bytes != parsed.entries(0).inline_content())
        std::abort();
    } catch (const Error&) {
    }
  }
  return 0;
}
