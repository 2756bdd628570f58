/* SPDX-License-Identifier: Apache-2.0 */
// Shared by the sharing tests: one owner and three agencies (created once per process at the
// minimum Argon2id cost: the tests need their keys, not their passphrases), helpers that share,
// save and export through the code under test, and a way to open what an agency receives.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "crypto/pwhash.h"
#include "format/byte_source.h"
#include "format/container_reader.h"
#include "identity/identity.h"
#include "io/file_system.h"
#include "model/record.h"
#include "record/record_fixture.h"
#include "share/agency_view.h"
#include "share/bundle.h"
#include "share/end_grants.h"
#include "share/issue_grant.h"

namespace kartla::sharetest {

using testing::TempDir;
using testing::read_plain;
using testing::write_plain;

// 2026-01-01T00:00:00Z: every grant and read in these tests uses explicit times.
inline constexpr int64_t kNow = 1767225600;

inline identity::Identity make_identity(format::CardKind kind, const char* name, const char* org, uint32_t role) {
  identity::NewIdentity options;
  options.kind = kind;
  options.name = name;
  options.organisation_number = org;
  options.role = role;
  options.kdf_opslimit = crypto::kArgonMinOps;
  options.kdf_memlimit_bytes = crypto::kArgonMinMemBytes;
  options.created_at = kNow - 86400;
  return identity::Identity::create(options, std::string("test passphrase")).identity;
}

inline const identity::Identity& owner() {
  static const identity::Identity id = make_identity(format::CardKind::owner, "", "", 0);
  return id;
}
// Role numbers: agency_role.h (1 municipal labour unit, 2 employment service, 7 employer).
inline const identity::Identity& agency_a() {
  static const identity::Identity id = make_identity(format::CardKind::agency, "Landskrona kommun", "212000-1140", 1);
  return id;
}
inline const identity::Identity& agency_b() {
  static const identity::Identity id = make_identity(format::CardKind::agency, "Exempelbolaget AB", "556036-0793", 7);
  return id;
}
inline const identity::Identity& agency_c() {
  static const identity::Identity id = make_identity(format::CardKind::agency, "Työvoimatoimisto", "0209602-6", 2);
  return id;
}

inline model::OwnerKeys owner_keys() { return {owner().signing_keys(), owner().box_keys()}; }
inline const model::SectionInfo& section(const char* name) { return model::section_by_name(name); }

// The entry of a section in a file, found the way its grantees find it: by its slot tag.
inline const format::ContainerSection* entry_in(const format::VerifiedContainer& c, const model::Record& record,
                                                const char* name) {
  return c.find_slot(record.slot_tag(section(name)));
}

// Valid content of any section type, carrying `text` in its first string field.
inline std::string content(const char* name, const std::string& text) {
  return testing::sample_content(section(name), text);
}

// A new record holding each section with the given text.
inline model::Record new_record(const std::map<std::string, std::string>& sections) {
  model::Record r = model::Record::create(owner_keys());
  for (const auto& [name, text] : sections) r.write_section(section(name.c_str()), content(name.c_str(), text));
  return r;
}

inline share::IssuedGrant share_with(model::Record& record, const identity::Identity& agency,
                                     const std::vector<std::string>& sections,
                                     const std::string& purpose = "kartläggning inför praktik", int64_t expires_at = 0,
                                     int64_t now = kNow, const std::string& art9_basis = std::string()) {
  share::ShareRequest request;
  request.agency_card_file = agency.card_file();
  request.sections = sections;
  request.purpose = purpose;
  request.now = now;
  request.expires_at = expires_at;
  request.gdpr_art9_basis = art9_basis;
  return share::share_sections(record, request);
}

// What kartla_record_save does: end the grants expired at `now`, then save.
inline void save_at(model::Record& record, const std::string& path, int64_t now = kNow,
                    const io::FileSystem& fs = io::real_file_system()) {
  share::expire_grants(record, now);
  record.save(path, fs);
}

// For the tests that save hundreds of files and test what is in them, not their durability:
// fsync is what makes a save slow.
class NoSyncFileSystem final : public io::FileSystem {
 public:
  int fsync(int) const override { return 0; }
};

inline const io::FileSystem& no_sync() {
  static const NoSyncFileSystem fs;
  return fs;
}

// Exports the bundle of one grant (the record must be saved) and returns its bytes.
inline std::string bundle_of(const model::Record& record, const std::string& grant_id_hex, const TempDir& dir,
                             const std::string& name = "bundle.kartla",
                             const io::FileSystem& fs = io::real_file_system(), int64_t now = kNow) {
  const std::string path = dir.file(name);
  share::export_grant_bundle(record, grant_id_hex, now, path, fs);
  return read_plain(path);
}

inline std::shared_ptr<const format::ByteSource> source_of(std::string bytes) {
  return std::make_shared<format::OwnedMemorySource>(std::move(bytes));
}

inline share::AgencyView view_as(const identity::Identity& agency, const std::string& bytes) {
  return share::AgencyView::open(source_of(bytes), agency.box_keys(), agency.signing_keys().public_key);
}

inline std::string read_text(const share::AgencyView& view, const char* name, int64_t now = kNow) {
  return view.read_section(section(name), now).view().to_string();
}

// The error code `f` throws, or Code::ok if it returns: a test then fails on the comparison and
// says which code it got instead.
inline Code code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return Code::ok;
}

inline std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace kartla::sharetest
