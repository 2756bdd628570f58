/* SPDX-License-Identifier: Apache-2.0 */
// Shared by the owner-record tests: the owner identity (created once per process: Argon2id is the
// slow part, and these tests need its keys, not its passphrase), sample section content, a scratch
// folder, and whole-file helpers that do not go through the code under test.
#pragma once

#include <fcntl.h>
#include <ftw.h>
#include <stdlib.h>
#include <unistd.h>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <cerrno>
#include <memory>
#include <stdexcept>
#include <string>

#include "crypto/pwhash.h"
#include "format/byte_source.h"
#include "identity/identity.h"
#include "model/record.h"
#include "model/section_registry.h"

namespace kartla::testing {

inline identity::Identity make_identity(const char* passphrase) {
  identity::NewIdentity options;
  options.kdf_opslimit = crypto::kArgonMinOps;
  options.kdf_memlimit_bytes = crypto::kArgonMinMemBytes;
  return identity::Identity::create(options, std::string(passphrase)).identity;
}

inline const identity::Identity& owner_identity() {
  static const identity::Identity id = make_identity("owner passphrase");
  return id;
}

inline const identity::Identity& stranger_identity() {
  static const identity::Identity id = make_identity("stranger passphrase");
  return id;
}

inline model::OwnerKeys keys_of(const identity::Identity& id) { return {id.signing_keys(), id.box_keys()}; }
inline model::OwnerKeys owner_keys() { return keys_of(owner_identity()); }

inline const model::SectionInfo& section(const char* name) { return model::section_by_name(name); }

// Content for any section, whatever its schema: the first string field reachable within a few
// levels of nesting is set to `text`. Valid protobuf of the section's type, so write_section takes it.
inline bool set_first_string(google::protobuf::Message& m, const std::string& text, int depth) {
  using google::protobuf::FieldDescriptor;
  const auto* d = m.GetDescriptor();
  const auto* r = m.GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->type() != FieldDescriptor::TYPE_STRING) continue;
    if (f->is_repeated())
      r->AddString(&m, f, text);
    else
      r->SetString(&m, f, text);
    return true;
  }
  if (depth == 0) return false;
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (f->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    google::protobuf::Message* sub = f->is_repeated() ? r->AddMessage(&m, f) : r->MutableMessage(&m, f);
    if (set_first_string(*sub, text, depth - 1)) return true;
    if (f->is_repeated())
      r->RemoveLast(&m, f);
    else
      r->ClearField(&m, f);
  }
  return false;
}

inline std::string sample_content(const model::SectionInfo& info, const std::string& text) {
  auto message = model::new_section_message(info);
  if (!set_first_string(*message, text, 3)) throw std::logic_error("no string field in " + std::string(info.name));
  return message->SerializeAsString();
}

inline std::shared_ptr<const format::ByteSource> memory_source(std::string bytes) {
  return std::make_shared<format::OwnedMemorySource>(std::move(bytes));
}

inline model::Record open_bytes(const std::string& bytes, const model::OwnerKeys& keys = owner_keys()) {
  return model::Record::open(memory_source(bytes), keys);
}

inline std::string read_section_text(const model::Record& r, const char* name) {
  return r.read_section(section(name)).view().to_string();
}

class TempDir {
 public:
  TempDir() {
    const char* base = getenv("TMPDIR");
    std::string templ = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/kartla-record-test-XXXXXX";
    if (mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
  }
  ~TempDir() {
    nftw(path_.c_str(), [](const char* p, const struct stat*, int, struct FTW*) { return ::remove(p); }, 16,
         FTW_DEPTH | FTW_PHYS);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::string read_plain(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + path);
  std::string out;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error("cannot read " + path);
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

inline void write_plain(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + path);
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0) throw std::runtime_error("cannot write " + path);
    done += static_cast<size_t>(n);
  }
  ::close(fd);
}

// A saved record with two small sections, as bytes: the fixture of the hostile-input tests.
// Saved twice, so the manifest also carries a previous-manifest hash.
inline std::string small_record_file(const std::string& profile_text = "Aino",
                                     const std::string& notes_text = "met on Monday") {
  TempDir dir;
  const std::string path = dir.file("small.kartla");
  model::Record r = model::Record::create(owner_keys());
  r.write_section(section("profile"), sample_content(section("profile"), profile_text));
  r.write_section(section("notes"), sample_content(section("notes"), notes_text));
  r.save(path);
  r.save(path);
  return read_plain(path);
}

}  // namespace kartla::testing
