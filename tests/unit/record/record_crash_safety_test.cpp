// SPDX-License-Identifier: Apache-2.0
// docs/THREATS.md T34-T36 for Record::save: every system call a save makes is failed in turn, and after
// each failure the record on disk is exactly the old version (byte for byte) or, only once the
// rename has happened, exactly the new one; it opens and verifies; no temporary file is left;
// and the same Record can then be saved successfully. A save killed midway leaves a temporary
// file; the next save removes it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>

#include "base/error.h"
#include "format/byte_source.h"
#include "format/file_source.h"
#include "model/verify.h"
#include "faulty_file_system.h"
#include "record_fixture.h"

using namespace kartla;
using namespace kartla::testing;
using model::Record;

namespace {

struct Attempt {
  bool saved = false;
  bool renamed = false;
  Code code = Code::ok;
  std::string message;
  std::vector<Op> calls;
  std::string on_disk;  // the record file right after the attempt
  std::string problem;  // empty if the invariant held
};

class CrashBench {
 public:
  CrashBench() : path_(dir_.file("rec.kartla")), old_bytes_(small_record_file()) {}

  const std::string& path() const { return path_; }
  const std::string& old_bytes() const { return old_bytes_; }
  static std::string new_profile() { return sample_content(section("profile"), "edited during the save"); }

  // Puts the old version in place, opens it through the faulty file system, edits a section and
  // saves with `arm` deciding which call fails; then checks the disk.
  template <typename Arm>
  Attempt save_with(Arm arm) {
    write_plain(path_, old_bytes_);
    fs_.disarm();
    Record r = Record::open(std::make_shared<format::FileSource>(path_, fs_), owner_keys());
    r.write_section(section("profile"), new_profile());
    arm(fs_);
    Attempt a;
    try {
      r.save(path_, fs_);
      a.saved = true;
    } catch (const Error& e) {
      a.code = e.code();
      a.message = e.what();
    }
    a.renamed = fs_.renamed();
    a.calls = fs_.calls();
    fs_.disarm();
    a.on_disk = read_plain(path_);
    a.problem = check_disk(a);
    if (a.problem.empty() && !a.saved) {
      // A failed save leaves the Record usable: saving again, with nothing failing, works. That
      // holds after a failed folder flush too, whose message tells the person to save again
      // (the new version is then in place, and the Record continues from it).
      try {
        r.save(path_, fs_);
        if (read_section_text(open_bytes(read_plain(path_)), "profile") != new_profile())
          a.problem = "saving again after the failure did not save the edit";
      } catch (const Error& e) {
        a.problem = std::string("saving again after the failure failed: ") + e.what();
      }
    }
    return a;
  }

 private:
  std::string check_disk(const Attempt& a) const {
    for (const std::string& name : list_dir(dir_.path()))
      if (name != "rec.kartla" && name != "rec.kartla.lock") return "left " + name + " behind";
    format::MemorySource source(a.on_disk);
    try {
      (void)model::verify_container(source);
    } catch (const Error& e) {
      return std::string("the file on disk does not verify: ") + e.what();
    }
    if (a.on_disk == old_bytes_) return a.saved ? "save reported success but the old file is in place" : "";
    if (!a.renamed) return "the file changed without a rename";
    try {
      const Record r = open_bytes(a.on_disk);
      if (r.sequence() != 3) return "the new file has sequence " + std::to_string(r.sequence());
      if (read_section_text(r, "profile") != new_profile()) return "the new file lacks the edit";
      if (read_section_text(r, "notes") != sample_content(section("notes"), "met on Monday"))
        return "the new file lost the unchanged section";
    } catch (const Error& e) {
      return std::string("the new file does not open: ") + e.what();
    }
    return "";
  }

  TempDir dir_;
  std::string path_;
  std::string old_bytes_;
  FaultyFileSystem fs_;
};

int error_for(Op op) { return op == Op::write ? ENOSPC : EIO; }

}  // namespace

TEST_CASE("a save that fails at any system call leaves the old or the new record, never neither (THREATS.md T34, T36)",
          "[record][crash]") {
  CrashBench bench;
  const Attempt clean = bench.save_with([](FaultyFileSystem& fs) { fs.arm(-1, 0); });
  REQUIRE(clean.saved);
  REQUIRE(clean.problem.empty());
  REQUIRE(clean.on_disk != bench.old_bytes());

  // Every step docs/THREATS.md T34 names is among the calls a save makes.
  std::map<Op, int> kinds;
  for (Op op : clean.calls) ++kinds[op];
  for (Op op : {Op::open, Op::open_directory, Op::openat, Op::write, Op::fsync, Op::renameat, Op::fsync_dir})
    REQUIRE(kinds[op] > 0);
  const auto rename_at = std::find(clean.calls.begin(), clean.calls.end(), Op::renameat) - clean.calls.begin();
  const auto dir_flush_at = std::find(clean.calls.begin(), clean.calls.end(), Op::fsync_dir) - clean.calls.begin();

  int failed_before_rename = 0;
  for (long i = 0; i < static_cast<long>(clean.calls.size()); ++i) {
    const Op op = clean.calls[static_cast<size_t>(i)];
    const Attempt a = bench.save_with([&](FaultyFileSystem& fs) { fs.arm(i, error_for(op)); });
    INFO("call " << i << " (" << op_name(op) << ") fails: " << (a.saved ? "saved" : a.message));
    CHECK(a.problem.empty());
    INFO(a.problem);
    if (i <= rename_at && !a.saved) {
      // Up to and including the rename, a failed save must leave the old bytes exactly.
      CHECK_FALSE(a.renamed);
      CHECK(a.on_disk == bench.old_bytes());
      CHECK(a.code == Code::io);
      ++failed_before_rename;
    }
    // Once the folder flush has returned, the new version is durable: the save must say so, or the
    // caller would redo (or give up on) a save that happened.
    if (i > dir_flush_at) CHECK(a.saved);
    // Every write, every flush, the rename and the folder flush can only end in failure: nothing
    // may paper over a lost write (docs/THREATS.md T36).
    if (op == Op::write || op == Op::fsync || op == Op::renameat || op == Op::fsync_dir || op == Op::openat ||
        op == Op::open_directory)
      CHECK_FALSE(a.saved);
  }
  CHECK(failed_before_rename >= kinds[Op::write] + 3);
}

TEST_CASE("fsync failing once fails the save, with no rename after it (THREATS.md T36, fsyncgate)", "[record][crash]") {
  CrashBench bench;
  const Attempt a = bench.save_with([](FaultyFileSystem& fs) { fs.fail_first(Op::fsync, EIO, 1); });
  INFO(a.message);
  CHECK_FALSE(a.saved);
  CHECK(a.code == Code::io);
  CHECK_FALSE(a.renamed);
  const auto failed_fsync = std::find(a.calls.begin(), a.calls.end(), Op::fsync);
  REQUIRE(failed_fsync != a.calls.end());
  // A retried fsync may "succeed" after the kernel dropped the data: neither a second fsync nor a
  // rename may follow the failed one.
  CHECK(std::count(failed_fsync, a.calls.end(), Op::renameat) == 0);
  CHECK(std::count(failed_fsync, a.calls.end(), Op::fsync) == 1);
  CHECK(a.on_disk == bench.old_bytes());
  CHECK(a.problem.empty());
}

TEST_CASE("a short disk (ENOSPC on every write) fails the save and keeps the old record", "[record][crash]") {
  CrashBench bench;
  const Attempt a = bench.save_with([](FaultyFileSystem& fs) { fs.fail_first(Op::write, ENOSPC, 1 << 20); });
  CHECK_FALSE(a.saved);
  CHECK(a.code == Code::io);
  CHECK(a.on_disk == bench.old_bytes());
}

TEST_CASE("the temporary file of a killed save is removed by the next save", "[record][crash]") {
  CrashBench bench;
  const Attempt first = bench.save_with([](FaultyFileSystem& fs) { fs.arm(-1, 0); });
  REQUIRE(first.saved);
  // What a save killed between creating and renaming its temporary file leaves (the name
  // AtomicWriter gives it: hidden, after the record's name).
  const std::string folder = bench.path().substr(0, bench.path().rfind('/'));
  const std::string litter = folder + "/.rec.kartla.tmp-4d2-1234-0";
  write_plain(litter, "half a record");
  const std::string unrelated = folder + "/.other.kartla.tmp-4d2-1234-0";
  write_plain(unrelated, "another record's");
  const Attempt second = bench.save_with([](FaultyFileSystem& fs) { fs.arm(-1, 0); });
  CHECK(second.saved);
  const std::set<std::string> names = list_dir(folder);
  CHECK(names.count(".rec.kartla.tmp-4d2-1234-0") == 0);
  CHECK(names.count(".other.kartla.tmp-4d2-1234-0") == 1);
}
