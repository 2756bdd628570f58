// SPDX-License-Identifier: Apache-2.0
// Issue "Sharing that holds", item 3, through the C ABI: an older authentic copy of the record put
// back in place of the newest is KARTLA_E_ROLLBACK for its owner unless accepted, is then
// continued above every version seen, and a fork (another version with a sequence seen) is
// refused; the marks travel in the identity file and stay in a state folder (docs/SPEC.md §8.1).
#include <catch2/catch.hpp>

#include <ftw.h>
#include <stdlib.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "capi_fixture.h"
#include "kartla/kartla.h"
#include "kartla/kartla.hpp"

namespace {

const std::string kPass = "rollback test passphrase";

using Folder = capi_test::TempDir;
using capi_test::slurp;

void put(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

std::string profile(const std::string& name) {
  return R"({"given_name": ")" + name +
         R"(", "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-01-01T00:00:00Z"}})";
}

kartla_status open_status(const std::string& path, const kartla::identity& owner, uint32_t accept_older = 0,
                          uint64_t last_seen = 0) {
  kartla_record_open_options o;
  kartla_record_open_options_init(&o);
  o.accept_older = accept_older;
  o.last_seen = last_seen;
  kartla_record* raw = nullptr;
  const kartla_status status = kartla_record_open_file_with_options(path.c_str(), owner.get(), &o, &raw);
  kartla_record_free(raw);
  return status;
}

// Versions 1-3 of a record; version 2 kept aside as `old`. Returns the identity file as it was
// when version 2 was current (what an old copy of the identity file on the stick would hold).
struct History {
  Folder dir;
  std::string path = dir.file("r.kartla");
  std::string old_copy, old_identity;
  kartla::identity owner;
  explicit History(kartla::identity id) : owner(std::move(id)) {
    kartla::record r = kartla::record::create(owner);
    r.save(path);
    r.set_section_json("profile", profile("two"));
    r.save(path);
    old_copy = slurp(path);
    old_identity = owner.file_bytes().str();
    r.set_section_json("profile", profile("three"));
    r.save(path);
  }
};

kartla::identity new_owner() {
  const kartla_identity_options o = capi_test::cheap_kdf();
  return std::move(kartla::identity::create(kPass, &o).identity);
}

}  // namespace

TEST_CASE("C ABI: an older copy is a rollback unless accepted, and is continued above every version seen",
          "[capi][rollback]") {
  History h(new_owner());
  put(h.path, h.old_copy);
  CHECK(open_status(h.path, h.owner) == KARTLA_E_ROLLBACK);
  CHECK(std::string(kartla_last_error()).find("sequence 2") != std::string::npos);
  kartla_record* plain = nullptr;
  CHECK(kartla_record_open_file(h.path.c_str(), h.owner.get(), &plain) == KARTLA_E_ROLLBACK);
  CHECK(plain == nullptr);

  kartla_record_open_options o;
  kartla_record_open_options_init(&o);
  o.accept_older = 1;
  kartla::record r = kartla::record::open_file(h.path, h.owner, o);
  CHECK(r.sequence() == 2);
  CHECK(std::string(r.section_json("profile").view()).find("two") != std::string::npos);
  r.set_section_json("profile", profile("four"));
  r.save(h.path);
  CHECK(r.sequence() == 4);  // above 3, the newest seen: never a second version 3
  CHECK(open_status(h.path, h.owner) == KARTLA_OK);
}

TEST_CASE("C ABI: a fork is refused on open and on save", "[capi][rollback]") {
  History h(new_owner());
  const std::string newest = slurp(h.path);
  // Someone continues the old copy elsewhere with an identity that never saw version 3.
  const kartla::identity elsewhere = kartla::identity::open(h.old_identity, kPass);
  put(h.path, h.old_copy);
  {
    kartla::record fork = kartla::record::open_file(h.path, elsewhere);
    fork.set_section_json("profile", profile("fork"));
    fork.save(h.path);
    CHECK(fork.sequence() == 3);
  }
  CHECK(open_status(h.path, h.owner) == KARTLA_E_ROLLBACK);
  CHECK(std::string(kartla_last_error()).find("forks") != std::string::npos);

  // Saving a copy opened before a later version was seen: refused, the file unchanged.
  put(h.path, newest);
  kartla::record stale = kartla::record::open_file(h.path, h.owner);  // version 3, the one seen
  kartla::record ahead = kartla::record::open_file(h.path, h.owner);
  ahead.set_section_json("profile", profile("five"));
  ahead.save(h.path);  // version 4, remembered
  put(h.path, newest);  // version 3 put back under `stale`, so the lost-update check passes
  stale.set_section_json("profile", profile("stale"));
  CHECK(kartla_record_save(stale.get(), h.path.c_str()) == KARTLA_E_ROLLBACK);
  CHECK(slurp(h.path) == newest);
}

TEST_CASE("C ABI: the marks travel in the identity file and stay in the state folder", "[capi][rollback]") {
  Folder state;
  kartla::identity owner = new_owner();
  owner.use_state_folder(state.path());
  History h(std::move(owner));
  put(h.path, h.old_copy);

  // The identity file saved after version 3 remembers it, on any computer.
  const kartla::identity reopened = kartla::identity::open(h.owner.file_bytes().str(), kPass);
  CHECK(open_status(h.path, reopened) == KARTLA_E_ROLLBACK);
  // An identity file as old as the record knows nothing; this computer's state folder does.
  kartla::identity old_file = kartla::identity::open(h.old_identity, kPass);
  CHECK(open_status(h.path, old_file) == KARTLA_OK);
  old_file.use_state_folder(state.path());
  CHECK(open_status(h.path, old_file) == KARTLA_E_ROLLBACK);
  // Another identity's file in the folder is refused, not merged.
  kartla::identity stranger = new_owner();
  stranger.use_state_folder(state.path());
  kartla::record::create(stranger).save(state.file("stranger.kartla"));  // its own file, by its fingerprint
  std::string fingerprint = h.owner.fingerprint();
  std::string hex;
  for (char c : fingerprint)
    if (c != ' ') hex.push_back(c);
  std::string stranger_hex;
  for (char c : stranger.fingerprint())
    if (c != ' ') stranger_hex.push_back(c);
  put(state.file(hex + ".seen"), slurp(state.file(stranger_hex + ".seen")));
  kartla::identity victim = kartla::identity::open(h.old_identity, kPass);
  CHECK(kartla_identity_use_state_folder(victim.get(), state.path().c_str()) == KARTLA_E_INTEGRITY);
  INFO(kartla_last_error());
  CHECK(std::string(kartla_last_error()).find("another identity") != std::string::npos);
}

TEST_CASE("C ABI: a caller's own last-seen sequence is checked like the marks", "[capi][rollback]") {
  History h(new_owner());
  const kartla::identity fresh = new_owner();  // knows nothing of this record: KARTLA_E_AUTH first
  CHECK(open_status(h.path, h.owner, 0, 3) == KARTLA_OK);
  CHECK(open_status(h.path, h.owner, 0, 4) == KARTLA_E_ROLLBACK);
  CHECK(open_status(h.path, h.owner, 1, 4) == KARTLA_OK);
  CHECK(open_status(h.path, fresh) == KARTLA_E_AUTH);
  kartla_record_open_options wrong;
  kartla_record_open_options_init(&wrong);
  wrong.version = KARTLA_RECORD_OPEN_OPTIONS_VERSION + 1;
  kartla_record* raw = nullptr;
  CHECK(kartla_record_open_file_with_options(h.path.c_str(), h.owner.get(), &wrong, &raw) ==
        KARTLA_E_INVALID_ARGUMENT);
  CHECK(raw == nullptr);
}
