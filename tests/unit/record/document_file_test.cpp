// SPDX-License-Identifier: Apache-2.0
// A document added straight from its file (model/document_file.h, issue 17): the same section,
// byte for byte, as add_document makes from the same bytes; the same refusals; the record
// unchanged on every failure; a file that is missing, not a regular file, too large or that
// changes size while it is read refused with a typed error.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <google/protobuf/util/message_differencer.h>

#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "base/error.h"
#include "format/limits.h"
#include "format/section_crypto.h"
#include "kartla/v1/documents.pb.h"
#include "model/document_file.h"
#include "model/documents.h"
#include "record_fixture.h"

using namespace kartla;
using namespace kartla::testing;
using model::Record;

namespace {

const model::SectionInfo& documents() { return section("documents"); }

std::string binary_file(size_t size, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out(size, '\0');
  for (char& c : out) c = static_cast<char>(rng() & 0xff);
  return out;
}

model::DocumentDetails details(const std::string& title = "Betyg", const std::string& kind = "GRADE") {
  model::DocumentDetails d;
  d.title = title;
  d.kind = kind;
  d.media_type = "application/pdf";
  d.added_at = 1767225600;
  return d;
}

// The documents section's plaintext with the (random) id `from` written as `to`: ids have one
// length, so this changes nothing else.
std::string documents_text(const Record& r, const std::string& from = "", const std::string& to = "") {
  std::string text = read_section_text(r, "documents");
  if (!from.empty()) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    text.replace(at, from.size(), to);
  }
  return text;
}

// What every entry needs besides itself (assertion-required).
void self_reported(v1::DocumentEntry& e) {
  e.mutable_assertion()->set_source(v1::Assertion::SELF_REPORTED);
  e.mutable_assertion()->mutable_asserted_at()->set_seconds(1767225600);
}

struct Failure {
  Code code = Code::ok;
  std::string message;
};

Failure failure_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return {e.code(), e.what()};
  }
  return {};
}

// What a failed add must leave: every section as it was, and nothing to save that was not before.
struct Snapshot {
  std::vector<std::pair<uint32_t, uint64_t>> sections;
  std::string documents;
  bool unsaved = false;
  explicit Snapshot(const Record& r) : unsaved(r.has_unsaved_changes()) {
    for (const auto& s : r.sections()) sections.emplace_back(s.id, s.ciphertext_length);
    if (r.has_section(section("documents"))) documents = read_section_text(r, "documents");
  }
  bool operator==(const Snapshot& o) const {
    return sections == o.sections && documents == o.documents && unsaved == o.unsaved;
  }
};

// A record saved with `old_documents` as its documents section (none if empty), opened twice: one
// copy for each way of adding, each reading the old section from the file.
struct TwoCopies {
  TempDir dir;
  std::string record_bytes;
  explicit TwoCopies(const std::string& old_documents) {
    Record r = Record::create(owner_keys());
    r.write_section(section("profile"), sample_content(section("profile"), "Aino"));
    if (!old_documents.empty()) r.write_section(documents(), old_documents);
    r.save(dir.file("r.kartla"));
    record_bytes = read_plain(dir.file("r.kartla"));
  }
  Record open() const { return open_bytes(record_bytes); }
};

// Adds `content` both ways to copies of one record and checks that the sections are identical
// once the ids are made the same.
void check_same_both_ways(const TwoCopies& copies, const std::string& content, const model::DocumentDetails& d) {
  const std::string file = copies.dir.file("document.bin");
  write_plain(file, content);
  Record in_memory = copies.open();
  Record from_file = copies.open();
  const std::string id_memory = model::add_document(in_memory, ByteView(content), d);
  const std::string id_file = model::add_document_file(from_file, file, d);
  REQUIRE(id_file.size() == id_memory.size());
  CHECK(id_file != id_memory);
  CHECK(documents_text(from_file, id_file, id_memory) == documents_text(in_memory));
  // And it reads back as the file.
  CHECK(model::document_content(from_file.read_section(documents()).view(), id_file).view().to_string() == content);
}

// A documents section with one entry and the attestations field (100) and a field of a newer
// schema (field 50) after it, as bytes: the new entry must go in before those.
std::string section_with_trailing_fields(const std::string& first_content) {
  v1::Documents docs;
  v1::DocumentEntry& e = *docs.add_entries();
  e.set_id("doc-00000000000000aa");
  e.set_kind(v1::DocumentEntry::DIPLOMA);
  e.set_title("Examen");
  e.set_media_type("text/plain");
  e.set_size_bytes(first_content.size());
  e.set_sha256(std::string(32, '\x11'));
  e.set_inline_content(first_content);
  self_reported(e);
  std::string bytes = docs.SerializeAsString();
  bytes += std::string("\xA2\x06\x03" "abc", 6);  // field 100 (attestations), 3 bytes
  bytes += std::string("\x92\x03\x02" "zz", 5);   // field 50, unknown here, 2 bytes
  return bytes;
}

}  // namespace

TEST_CASE("a document from a file makes the section add_document makes, byte for byte", "[record][document_file]") {
  SECTION("into a record without documents, files of several sizes") {
    const TwoCopies copies("");
    for (size_t size : {size_t{0}, size_t{1}, size_t{127}, size_t{128}, size_t{5000}, (size_t{3} << 20) + 17}) {
      INFO("size " << size);
      check_same_both_ways(copies, binary_file(size, static_cast<uint32_t>(size)), details());
    }
  }
  SECTION("with every detail set, and with none") {
    const TwoCopies copies("");
    model::DocumentDetails all = details("Läkarintyg", "MEDICAL_STATEMENT");
    all.health_data = true;
    check_same_both_ways(copies, binary_file(2000, 3), all);
    check_same_both_ways(copies, binary_file(2000, 4), model::DocumentDetails{});
  }
  SECTION("into a record that holds a document, saved") {
    const TwoCopies copies("");
    Record r = copies.open();
    model::add_document(r, ByteView(binary_file(1u << 20, 9)), details("Första"));
    r.save(copies.dir.file("r.kartla"));
    TwoCopies with_one("");
    with_one.record_bytes = read_plain(copies.dir.file("r.kartla"));
    check_same_both_ways(with_one, binary_file(70000, 10), details("Andra"));
  }
  SECTION("behind the last entry, before the attestations and fields of a newer schema") {
    const TwoCopies copies(section_with_trailing_fields("hello"));
    check_same_both_ways(copies, binary_file(3000, 11), details());
  }
  SECTION("into a documents section written since the last save (read from memory)") {
    const std::string old = section_with_trailing_fields("unsaved");
    Record a = Record::create(owner_keys());
    Record b = Record::create(owner_keys());
    a.write_section(documents(), old);
    b.write_section(documents(), old);
    TempDir dir;
    const std::string content = binary_file(4000, 12);
    write_plain(dir.file("d"), content);
    const std::string id_a = model::add_document(a, ByteView(content), details());
    const std::string id_b = model::add_document_file(b, dir.file("d"), details());
    CHECK(documents_text(b, id_b, id_a) == documents_text(a));
  }
}

TEST_CASE("a documents section not in field order: the file path's is the same message", "[record][document_file]") {
  // Written by another program: entries on both sides of a field of a newer schema. add_document
  // re-serializes it in field order; the file path keeps the old bytes and puts the new entry
  // behind the last entry. Both parse to the same message.
  v1::Documents first, second;
  for (v1::Documents* docs : {&first, &second}) {
    v1::DocumentEntry& e = *docs->add_entries();
    e.set_id(docs == &first ? "doc-0000000000000001" : "doc-0000000000000002");
    e.set_kind(v1::DocumentEntry::OTHER);
    e.set_size_bytes(1);
    e.set_sha256(std::string(32, '\x22'));
    e.set_inline_content("x");
    self_reported(e);
  }
  const std::string old = first.SerializeAsString() + std::string("\x92\x03\x02" "zz", 5) + second.SerializeAsString();
  const TwoCopies copies(old);
  const std::string content = binary_file(3000, 13);
  write_plain(copies.dir.file("d"), content);
  Record in_memory = copies.open();
  Record from_file = copies.open();
  const std::string id_memory = model::add_document(in_memory, ByteView(content), details());
  const std::string id_file = model::add_document_file(from_file, copies.dir.file("d"), details());
  v1::Documents a, b;
  REQUIRE(a.ParseFromString(documents_text(in_memory)));
  REQUIRE(b.ParseFromString(documents_text(from_file, id_file, id_memory)));
  REQUIRE(b.entries_size() == 3);
  CHECK(b.entries(2).id() == id_memory);
  CHECK(google::protobuf::util::MessageDifferencer::Equals(a, b));
}

TEST_CASE("what add_document refuses, the file path refuses alike, and the record stays as it was",
          "[record][document_file]") {
  struct Case {
    const char* what;
    std::string old_documents;
    model::DocumentDetails details;
  };
  auto with = [](const char* kind, const char* media_type) {
    model::DocumentDetails d = details("t", kind);
    d.media_type = media_type;
    return d;
  };
  // Old entries a write through Record::write_section may hold (it parses, the rules are the
  // callers'): a size that is not the content's, either way round, and a SHA-256 of a wrong length.
  auto old_entry = [](uint64_t size_bytes, const std::string& content, size_t sha256_length) {
    v1::Documents docs;
    v1::DocumentEntry& e = *docs.add_entries();
    e.set_id("doc-00000000000000bb");
    e.set_kind(v1::DocumentEntry::OTHER);
    e.set_size_bytes(size_bytes);
    e.set_sha256(std::string(sha256_length, '\x33'));
    e.set_inline_content(content);
    self_reported(e);
    return docs.SerializeAsString();
  };
  v1::Documents strange;
  v1::DocumentEntry& e = *strange.add_entries();
  e.set_id("doc-00000000000000cc");
  e.set_kind(static_cast<v1::DocumentEntry::Kind>(99));
  self_reported(e);
  const std::string unknown_kind = strange.SerializeAsString();
  const std::vector<Case> cases = {
      {"an unknown kind", "", with("NO_SUCH_KIND", "text/plain")},
      {"a medical statement without health_data", "", with("MEDICAL_STATEMENT", "text/plain")},
      {"a malformed media type", "", with("OTHER", "not a media type")},
      {"an old entry whose size_bytes is above its content's", old_entry(9, "abc", 32), details()},
      {"an old entry whose size_bytes is 0 and its content is not", old_entry(0, "abc", 32), details()},
      {"an old entry whose size_bytes is below its content's", old_entry(2, "abc", 32), details()},
      {"an old entry with a short SHA-256", old_entry(3, "abc", 5), details()},
      {"two old entries with one id", old_entry(3, "abc", 32) + old_entry(3, "abc", 32), details()},
      {"an old entry of a kind this schema does not know", unknown_kind, details()},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    const TwoCopies copies(c.old_documents);
    const std::string content = binary_file(1500, 14);
    write_plain(copies.dir.file("d"), content);
    Record in_memory = copies.open();
    Record from_file = copies.open();
    const Snapshot before(from_file);
    const Failure expected = failure_of([&] { model::add_document(in_memory, ByteView(content), c.details); });
    const Failure got = failure_of([&] { model::add_document_file(from_file, copies.dir.file("d"), c.details); });
    REQUIRE(expected.code != Code::ok);
    CHECK(got.code == expected.code);
    CHECK(got.message == expected.message);
    CHECK(Snapshot(from_file) == before);
  }
}

namespace {

// `value` as a varint of at least `bytes` bytes: the minimal encoding padded with zero groups.
std::string varint_of_size(uint64_t value, int bytes) {
  std::string out;
  do {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  } while (value != 0 || static_cast<int>(out.size()) < bytes);
  out.back() = static_cast<char>(out.back() & 0x7f);
  return out;
}

enum class LongAt { nowhere, entry_tag, entry_length, title_length, content_length, attestation_length };

// One entry and one attestation, with the tag or length at `where` in 6 bytes: protobuf's parser
// reads a tag or a length in at most 5, its CodedInputStream in up to 10.
std::string section_written_long(LongAt where) {
  auto var = [&](LongAt here, uint64_t value) { return varint_of_size(value, where == here ? 6 : 1); };
  v1::Documents docs;
  v1::DocumentEntry& e = *docs.add_entries();
  e.set_id("doc-00000000000000dd");
  e.set_kind(v1::DocumentEntry::OTHER);
  e.set_size_bytes(3);
  e.set_sha256(std::string(32, '\x44'));
  self_reported(e);
  const std::string title = "Intyg";
  std::string entry = e.SerializeAsString();
  entry += "\x1a" + var(LongAt::title_length, title.size()) + title;
  entry += "\x4a" + var(LongAt::content_length, 3) + "abc";
  return var(LongAt::entry_tag, 0x0a) + var(LongAt::entry_length, entry.size()) + entry + "\xa2\x06" +
         var(LongAt::attestation_length, 3) + "sig";
}

}  // namespace

// A section no parse accepts cannot be read by anyone, but the file path used to walk it with
// CodedInputStream alone and would have put the new document into it.
TEST_CASE("an old section with a tag or length longer than protobuf's parser reads is refused both ways alike",
          "[record][document_file]") {
  for (LongAt where : {LongAt::nowhere, LongAt::entry_tag, LongAt::entry_length, LongAt::title_length,
                       LongAt::content_length, LongAt::attestation_length}) {
    INFO("long at " << static_cast<int>(where));
    const std::string old = section_written_long(where);
    TempDir dir;
    {
      Record r = Record::create(owner_keys());
      format::UnsealedBody body(old.size());
      std::memcpy(body.writable(0, old.size()), old.data(), old.size());
      r.write_unparsed_section(documents(), std::move(body), old.size());
      r.save(dir.file("r.kartla"));
    }
    const std::string record_bytes = read_plain(dir.file("r.kartla"));
    const std::string content = binary_file(700, 15);
    write_plain(dir.file("d"), content);
    Record in_memory = open_bytes(record_bytes);
    Record from_file = open_bytes(record_bytes);
    const Snapshot before(from_file);
    const Failure expected = failure_of([&] { model::add_document(in_memory, ByteView(content), details()); });
    const Failure got = failure_of([&] { model::add_document_file(from_file, dir.file("d"), details()); });
    CHECK(got.code == expected.code);
    CHECK(got.message == expected.message);
    if (where == LongAt::nowhere) {
      CHECK(got.code == Code::ok);  // the same section written short is taken both ways
    } else {
      CHECK(got.code == Code::schema);
      CHECK(Snapshot(from_file) == before);
    }
  }
}

TEST_CASE("a file that cannot be a document is refused with a typed error, the record unchanged",
          "[record][document_file]") {
  TempDir dir;
  Record r = Record::create(owner_keys());
  model::add_document(r, ByteView(std::string("first")), details());
  const Snapshot before(r);
  SECTION("missing") {
    const Failure f = failure_of([&] { model::add_document_file(r, dir.file("nowhere.pdf"), details()); });
    CHECK(f.code == Code::io);
    CHECK(f.message.find("nowhere.pdf") != std::string::npos);
  }
  SECTION("a directory") {
    CHECK(failure_of([&] { model::add_document_file(r, dir.path(), details()); }).code == Code::invalid_argument);
  }
  SECTION("a FIFO (opened without waiting for a writer)") {
    REQUIRE(::mkfifo(dir.file("pipe").c_str(), 0600) == 0);
    CHECK(failure_of([&] { model::add_document_file(r, dir.file("pipe"), details()); }).code == Code::invalid_argument);
  }
  SECTION("larger than a section may be: refused from its size, with add_document's words") {
    const std::string big = dir.file("big");
    write_plain(big, "");
    REQUIRE(::truncate(big.c_str(), static_cast<off_t>(format::kMaxSectionPlaintext) + 1) == 0);  // sparse
    const Failure f = failure_of([&] { model::add_document_file(r, big, details()); });
    CHECK(f.code == Code::limit);
    CHECK(f.message == "a document of " + std::to_string(format::kMaxSectionPlaintext + 1) +
                           " bytes exceeds the section size limit (" + std::to_string(format::kMaxSectionPlaintext) +
                           " bytes)");
  }
  SECTION("one that fits, in a section that would not") {
    const std::string big = dir.file("big");
    write_plain(big, "");
    REQUIRE(::truncate(big.c_str(), static_cast<off_t>(format::kMaxSectionPlaintext)) == 0);  // sparse
    const Failure f = failure_of([&] { model::add_document_file(r, big, details()); });
    CHECK(f.code == Code::limit);
    CHECK(f.message == "section content is larger than 256 MiB");
  }
  CHECK(Snapshot(r) == before);
}

namespace {

// Passes everything to the OS; at the first pread, first makes the file `resize_to` bytes long
// (someone writing to it, or cutting it short, while it is read).
class ResizingFileSystem final : public io::FileSystem {
 public:
  ResizingFileSystem(std::string path, off_t resize_to) : path_(std::move(path)), resize_to_(resize_to) {}
  ssize_t pread(int fd, void* data, size_t size, off_t offset) const override {
    if (!resized_) {
      resized_ = true;
      if (::truncate(path_.c_str(), resize_to_) != 0) return -1;
    }
    return FileSystem::pread(fd, data, size, offset);
  }

 private:
  std::string path_;
  off_t resize_to_;
  mutable bool resized_ = false;
};

}  // namespace

TEST_CASE("a file that changes size while it is read is refused, the record unchanged", "[record][document_file]") {
  TempDir dir;
  const std::string file = dir.file("changing.bin");
  constexpr off_t kSize = off_t{3} << 20;
  Record r = Record::create(owner_keys());
  model::add_document(r, ByteView(std::string("first")), details());
  const Snapshot before(r);
  for (off_t resize_to : {off_t{0}, off_t{100}, kSize - 1, kSize + 1, kSize * 2}) {
    INFO("from 3 MiB to " << resize_to);
    write_plain(file, binary_file(static_cast<size_t>(kSize), 15));
    const ResizingFileSystem fs(file, resize_to);
    const Failure f = failure_of([&] { model::add_document_file(r, file, details(), fs); });
    CHECK(f.code == Code::format);
    CHECK(f.message == file + " changed size while it was read");
    CHECK(Snapshot(r) == before);
  }
  // The same size again: read as it is, so the refusals above are of the change of size.
  write_plain(file, binary_file(static_cast<size_t>(kSize), 15));
  const ResizingFileSystem same(file, kSize);
  const std::string id = model::add_document_file(r, file, details(), same);
  CHECK(model::document_content(r.read_section(documents()).view(), id).view().to_string() ==
        binary_file(static_cast<size_t>(kSize), 15));
}

// Random sequences of adds (each document added to one record from memory and to the other from
// its file), removals, refused adds, saves and reopenings: after every step the two documents
// sections are the same bytes once the ids are mapped, and a refused add changes neither.
TEST_CASE("over random adds, removals, refusals and saves, both ways of adding keep the same section",
          "[record][document_file][property]") {
  std::mt19937 rng(20261207);
  const char* const kinds[] = {"GRADE", "DIPLOMA", "OTHER", "MEDICAL_STATEMENT"};
  int refused = 0, removed = 0, saved = 0;
  for (int run = 0; run < 12; ++run) {
    TempDir dir;
    Record in_memory = Record::create(owner_keys());
    Record from_file = Record::create(owner_keys());
    std::vector<std::pair<std::string, std::string>> ids;  // (in memory, from file)
    for (int step = 0; step < 10; ++step) {
      INFO("run " << run << " step " << step);
      const auto op = rng() % 5;
      if (op <= 2) {
        const size_t size = rng() % 4 == 0 ? rng() % (300u << 10) : rng() % 3000;
        const std::string content = binary_file(size, static_cast<uint32_t>(rng()));
        const std::string file = dir.file("d" + std::to_string(step));
        write_plain(file, content);
        model::DocumentDetails d = details("Dokument " + std::to_string(step), kinds[rng() % 4]);
        d.health_data = rng() % 2 == 0;  // a medical statement without it is refused, both ways
        const Snapshot before_memory(in_memory), before_file(from_file);
        std::string id_memory, id_file;
        const Failure memory = failure_of([&] { id_memory = model::add_document(in_memory, ByteView(content), d); });
        const Failure file_way = failure_of([&] { id_file = model::add_document_file(from_file, file, d); });
        REQUIRE(memory.code == file_way.code);
        CHECK(memory.message == file_way.message);
        if (memory.code != Code::ok) {
          ++refused;
          CHECK(Snapshot(in_memory) == before_memory);
          CHECK(Snapshot(from_file) == before_file);
        } else {
          ids.emplace_back(id_memory, id_file);
        }
      } else if (op == 3 && !ids.empty()) {
        const size_t which = rng() % ids.size();
        model::remove_document(in_memory, ids[which].first);
        model::remove_document(from_file, ids[which].second);
        ids.erase(ids.begin() + static_cast<std::ptrdiff_t>(which));
        ++removed;
      } else {
        ++saved;
        in_memory.save(dir.file("m.kartla"));
        from_file.save(dir.file("f.kartla"));
        if (rng() % 2 == 0) {
          in_memory = open_bytes(read_plain(dir.file("m.kartla")));
          from_file = open_bytes(read_plain(dir.file("f.kartla")));
        }
      }
      if (!in_memory.has_section(documents())) {
        CHECK_FALSE(from_file.has_section(documents()));
        continue;
      }
      std::string text = read_section_text(from_file, "documents");
      for (const auto& [memory_id, file_id] : ids) {
        const size_t at = text.find(file_id);
        REQUIRE(at != std::string::npos);
        text.replace(at, file_id.size(), memory_id);
      }
      CHECK(text == read_section_text(in_memory, "documents"));
    }
  }
  // The sequences did reach each kind of step.
  CHECK(refused > 0);
  CHECK(removed > 0);
  CHECK(saved > 0);
}
