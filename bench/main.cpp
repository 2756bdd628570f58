// SPDX-License-Identifier: Apache-2.0
// kartla_bench: Kartla's save and read of one section next to the raw libsodium cost of the same
// work, at several section sizes, in one run. See bench/README.md for what each column holds.
#include <sodium.h>
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "agency_side.h"
#include "calibrate.h"
#include "documents.h"
#include "kartla_side.h"
#include "options.h"
#include "payload.h"
#include "raw_side.h"
#include "report.h"
#include "threads.h"

namespace bench {
namespace {

volatile int g_sink = 0;  // results of reads land here so no read can be optimised away

double cpu_now_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

Sample time_ms(const std::function<void()>& f) {
  const double cpu_start = cpu_now_ms();
  const auto start = std::chrono::steady_clock::now();
  f();
  const auto wall = std::chrono::steady_clock::now() - start;
  return {std::chrono::duration<double, std::milli>(wall).count(), cpu_now_ms() - cpu_start};
}

std::string make_dir(const Options& o) {
  if (!o.dir.empty()) return o.dir;
  const char* tmp = std::getenv("TMPDIR");
  std::string templ = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/kartla-bench-XXXXXX";
  if (::mkdtemp(templ.data()) == nullptr) throw std::runtime_error("cannot create a folder under " + templ);
  return templ;
}

// Other programs on the machine skew wall-clock times; the run says how busy it was.
std::string load_average() {
  FILE* f = std::fopen("/proc/loadavg", "r");
  if (f == nullptr) return "?";
  char text[64] = "?";
  const int got = std::fscanf(f, "%63s", text);
  std::fclose(f);
  return got == 1 ? text : "?";
}

struct Paths {
  std::string kartla, raw, shared, bundle;
};

void remove_record(const std::string& path) { ::unlink(path.c_str()); }

// Buffers the `crypto` and `+io` baselines reuse, allocated and touched before timing so that they
// measure no allocation and no page faults.
struct CryptoBuffers {
  std::vector<uint8_t> image, plaintext, io_image;
  explicit CryptoBuffers(size_t size)
      : image(size + kRawOverhead, 1), plaintext(size, 1), io_image(size + kRawOverhead, 1) {}
};

class SizeRun {
 public:
  SizeRun(const Options& o, const KartlaOwner& owner, const KartlaAgency& agency, const RawOwner& raw,
          const std::string& dir, size_t size)
      : o_(o), owner_(owner), agency_(agency), raw_(raw), size_(size), payload_(document_section(size)),
        buffers_(size) {
    paths_.kartla = dir + "/kartla-" + std::to_string(size) + ".kartla";
    paths_.raw = dir + "/raw-" + std::to_string(size) + ".bin";
    paths_.shared = dir + "/shared-" + std::to_string(size) + ".kartla";
    paths_.bundle = dir + "/bundle-" + std::to_string(size) + ".kartla";
  }

  // One untimed round trip per side, checking the bytes, which also warms caches and the page
  // cache the way every later repetition finds them.
  void warm_up_and_check() {
    save_kartla();
    kartla_read(owner_, paths_.kartla, &payload_);
    // The caller's buffer holds the padded body's plaintext (docs/SPEC.md §5.4), not only the
    // content: sized as an application sizes it, from kartla_record_section_size.
    into_buffer_.assign(kartla_read_capacity(owner_, paths_.kartla), 1);
    kartla_read_into(owner_, paths_.kartla, into_buffer_, &payload_);
    if (o_.run_read) {
      kartla_share_setup(owner_, agency_, payload_, paths_.shared, paths_.bundle);
      agency_buffer_.assign(agency_read_capacity(agency_, paths_.bundle), 1);
      agency_read_into(agency_, paths_.bundle, agency_buffer_, &payload_);
    }
    if (o_.run_raw) {
      save_raw();
      raw_read_file(raw_, paths_.raw, &payload_, nullptr, 0);
      raw_read_file(raw_, paths_.raw, &payload_, buffers_.io_image.data(), buffers_.io_image.size());
      raw_seal(raw_, payload_.data(), payload_.size(), buffers_.image.data());
      raw_open(raw_, buffers_.image.data(), buffers_.image.size(), buffers_.plaintext.data());
      if (buffers_.plaintext != payload_) throw std::runtime_error("raw crypto round trip differs");
    }
  }

  Row save(int reps) {
    Row row{"save", size_, {}, {}, {}, {}};
    for (int i = 0; i < reps; ++i) {
      // Alternating the order keeps a slow drift (page cache writeback, turbo) from favouring one.
      const bool raw_first = i % 2 == 1;
      if (raw_first) raw_save_reps(row);
      remove_record(paths_.kartla);
      row.kartla.push_back(time_ms([&] { kartla_save(owner_, payload_, paths_.kartla); }));
      if (!raw_first) raw_save_reps(row);
    }
    return row;
  }

  // Three Kartla rows against the same raw samples: into a fresh secure buffer the library owns
  // (kartla_record_section), into the caller's reused buffer (kartla_record_section_into), and
  // the agency's read of the same section from its bundle into the caller's buffer.
  std::vector<Row> read(int reps) {
    Row row{"read", size_, {}, {}, {}, {}};
    Row into{"read>", size_, {}, {}, {}, {}};
    Row agency{"agcy>", size_, {}, {}, {}, {}};
    for (int i = 0; i < reps; ++i) {
      const bool raw_first = i % 2 == 1;
      if (raw_first) raw_read_reps(row);
      row.kartla.push_back(time_ms([&] { g_sink = g_sink + kartla_read(owner_, paths_.kartla, nullptr); }));
      into.kartla.push_back(
          time_ms([&] { g_sink = g_sink + kartla_read_into(owner_, paths_.kartla, into_buffer_, nullptr); }));
      agency.kartla.push_back(
          time_ms([&] { g_sink = g_sink + agency_read_into(agency_, paths_.bundle, agency_buffer_, nullptr); }));
      if (!raw_first) raw_read_reps(row);
    }
    for (Row* r : {&into, &agency}) {
      r->raw_crypto = row.raw_crypto;
      r->raw_io = row.raw_io;
      r->raw_io_alloc = row.raw_io_alloc;
    }
    return {row, into, agency};
  }

  void peaks(std::vector<PeakRow>& out) {
    if (o_.run_read) {
      out.push_back({"read, Kartla", size_, measure_peak_rss([&] { kartla_read(owner_, paths_.kartla, nullptr); })});
      if (o_.run_raw) {
        auto read = [&] { raw_read_file(raw_, paths_.raw, nullptr, nullptr, 0); };
        out.push_back({"read, raw+io", size_, measure_peak_rss(read)});
      }
    }
    if (o_.run_save) {
      remove_record(paths_.kartla);
      out.push_back({"save, Kartla", size_, measure_peak_rss([&] { save_kartla(); })});
      if (o_.run_raw) {
        remove_record(paths_.raw);
        out.push_back({"save, raw+io", size_, measure_peak_rss([&] { save_raw(); })});
      }
    }
  }

  // Also after a failure, so that an aborted run leaves no 64 MiB files behind.
  ~SizeRun() {
    if (o_.keep) return;
    remove_record(paths_.kartla);
    remove_record(paths_.kartla + ".lock");
    remove_record(paths_.raw);
    remove_record(paths_.shared);
    remove_record(paths_.shared + ".lock");
    remove_record(paths_.bundle);
  }
  SizeRun(const SizeRun&) = delete;
  SizeRun& operator=(const SizeRun&) = delete;

 private:
  void save_kartla() {
    remove_record(paths_.kartla);
    kartla_save(owner_, payload_, paths_.kartla);
  }
  void save_raw() {
    remove_record(paths_.raw);
    raw_save_file(raw_, payload_, paths_.raw, nullptr);
  }

  void raw_save_reps(Row& row) {
    if (!o_.run_raw) return;
    row.raw_crypto.push_back(
        time_ms([&] { raw_seal(raw_, payload_.data(), payload_.size(), buffers_.image.data()); }));
    remove_record(paths_.raw);
    row.raw_io.push_back(time_ms([&] { raw_save_file(raw_, payload_, paths_.raw, buffers_.io_image.data()); }));
    remove_record(paths_.raw);
    row.raw_io_alloc.push_back(time_ms([&] { raw_save_file(raw_, payload_, paths_.raw, nullptr); }));
  }

  void raw_read_reps(Row& row) {
    if (!o_.run_raw) return;
    row.raw_crypto.push_back(time_ms([&] {
      raw_open(raw_, buffers_.image.data(), buffers_.image.size(), buffers_.plaintext.data());
      g_sink = g_sink + buffers_.plaintext.back();
    }));
    row.raw_io.push_back(time_ms([&] {
      g_sink = g_sink + raw_read_file(raw_, paths_.raw, nullptr, buffers_.io_image.data(), buffers_.io_image.size());
    }));
    row.raw_io_alloc.push_back(
        time_ms([&] { g_sink = g_sink + raw_read_file(raw_, paths_.raw, nullptr, nullptr, 0); }));
  }

  const Options& o_;
  const KartlaOwner& owner_;
  const KartlaAgency& agency_;
  const RawOwner& raw_;
  size_t size_;
  std::vector<uint8_t> payload_;
  CryptoBuffers buffers_;
  // Sized to kartla_record_section_size in warm_up_and_check, and touched before timing, like the
  // raw buffers.
  std::vector<uint8_t> into_buffer_;
  std::vector<uint8_t> agency_buffer_;  // sized to kartla_share_section_size, likewise
  Paths paths_;
};

struct ThreadRow {
  size_t size = 0;
  int ops = 0;
  Scaling section, into;  // kartla_record_section, and the control kartla_record_section_into
};

std::vector<ThreadRow> measure_threads(const Options& o, const KartlaOwner& owner, const std::string& dir) {
  std::vector<ThreadRow> out;
  for (size_t size : o.thread_sizes) {
    const std::string path = dir + "/threads-" + std::to_string(size) + ".kartla";
    const std::vector<uint8_t> payload = document_section(size);
    remove_record(path);
    kartla_save(owner, payload, path);
    kartla_read(owner, path, &payload);
    // The same bytes per round at every size: fewer reads of a larger section.
    const size_t scaled = static_cast<size_t>(o.thread_ops) * o.thread_sizes.front() / size;
    const int ops = scaled < 4 ? 4 : static_cast<int>(scaled);
    const int rounds = o.thread_ops < 10 ? 1 : 15;  // 2 vCPUs: the median of 7 still moved by 0.2
    try {
      out.push_back({size, ops, measure_scaling(owner, path, ops, false, rounds),
                     measure_scaling(owner, path, ops, true, rounds)});
    } catch (...) {
      remove_record(path);
      remove_record(path + ".lock");
      throw;
    }
    remove_record(path);
    remove_record(path + ".lock");
  }
  return out;
}

struct BundleRow {
  size_t small = 0, large = 0;
  std::vector<Sample> small_samples, large_samples;
};

// Opening a bundle checks its header, the owner's signature and the grant; it reads no body, so
// its cost must not grow with the record. Both bundles share the record's one section.
BundleRow measure_bundle_open(const Options& o, const KartlaOwner& owner, const KartlaAgency& agency,
                              const std::string& dir) {
  BundleRow row{o.bundle_small, o.bundle_large, {}, {}};
  const std::vector<std::string> files = {dir + "/bundle-small.kartla", dir + "/bundle-small.bundle",
                                          dir + "/bundle-large.kartla", dir + "/bundle-large.bundle"};
  struct Cleanup {
    const std::vector<std::string>& files;
    ~Cleanup() {
      for (const auto& f : files) {
        remove_record(f);
        remove_record(f + ".lock");
      }
    }
  } cleanup{files};
  kartla_share_setup(owner, agency, document_section(row.small), files[0], files[1]);
  kartla_share_setup(owner, agency, document_section(row.large), files[2], files[3]);
  const int reps = o.thread_ops < 10 ? 3 : 200;
  for (int i = 0; i < reps; ++i) {
    const bool large_first = i % 2 == 1;
    if (large_first) row.large_samples.push_back(time_ms([&] { agency_open_only(agency, files[3]); }));
    row.small_samples.push_back(time_ms([&] { agency_open_only(agency, files[1]); }));
    if (!large_first) row.large_samples.push_back(time_ms([&] { agency_open_only(agency, files[3]); }));
  }
  return row;
}

std::vector<double> pick(const std::vector<Sample>& samples, bool cpu) {
  std::vector<double> out;
  for (const Sample& s : samples) out.push_back(cpu ? s.cpu_ms : s.wall_ms);
  return out;
}

const Row* find_row(const std::vector<Row>& rows, const std::string& op, size_t size) {
  for (const Row& r : rows)
    if (r.op == op && r.size == size) return &r;
  return nullptr;
}

void print_thread_rows(const std::vector<ThreadRow>& rows) {
  std::printf("\ntwo threads reading at once vs one thread doing the same reads, wall-clock ms (median):\n");
  std::printf("%-28s %7s %5s %10s %10s %8s\n", "call", "size", "reads", "1 thread", "2 threads", "speedup");
  for (const ThreadRow& r : rows) {
    std::printf("%-28s %7s %5d %10.1f %10.1f %7.2fx\n", "kartla_record_section", size_label(r.size).c_str(),
                2 * r.ops, r.section.one_thread_ms, r.section.two_threads_ms, r.section.speedup());
    std::printf("%-28s %7s %5d %10.1f %10.1f %7.2fx\n", "kartla_record_section_into", size_label(r.size).c_str(),
                2 * r.ops, r.into.one_thread_ms, r.into.two_threads_ms, r.into.speedup());
  }
}

void print_bundle_row(const BundleRow& b) {
  std::printf("\nopening a bundle (header, signature, grant; no body read), ms (median of %zu):\n",
              b.small_samples.size());
  for (bool cpu : {false, true}) {
    const double s = median(pick(b.small_samples, cpu)), l = median(pick(b.large_samples, cpu));
    std::printf("  %-5s record %7s: %.3f   record %7s: %.3f   large/small %.3fx\n", cpu ? "cpu" : "wall",
                size_label(b.small).c_str(), s, size_label(b.large).c_str(), l, l / s);
  }
}

const char* verdict(bool met) { return met ? "met" : "not met"; }

// Issue 17's goals that this benchmark measures, each as a ratio, in CPU time and wall-clock time,
// with whether each column meets the goal (the CPU column is the steadier one on a loaded machine).
void print_goals(const std::vector<Row>& rows, const std::vector<ThreadRow>& threads, const BundleRow* bundle,
                 size_t largest) {
  std::printf("\ngoals (issue 17)                                      goal     cpu     wall  verdict (cpu / wall)\n");
  auto ratio_line = [&](const char* what, const char* goal_text, double goal, const char* op,
                        const std::vector<Sample> Row::*raw) {
    const Row* r = find_row(rows, op, largest);
    if (r == nullptr) return;
    const double cpu = median(pick(r->kartla, true)) / median(pick(r->*raw, true));
    const double wall = median(pick(r->kartla, false)) / median(pick(r->*raw, false));
    std::printf("  %-30s %7s  %-10s %6.2fx %7.2fx  %s / %s\n", what, size_label(largest).c_str(), goal_text, cpu, wall,
                verdict(cpu <= goal), verdict(wall <= goal));
  };
  ratio_line("owner save vs raw +io", "<= 1.5x", 1.5, "save", &Row::raw_io);
  ratio_line("agency open+read vs raw +io", "<= 1.15x", 1.15, "agcy>", &Row::raw_io);
  if (bundle != nullptr) {
    const double cpu = median(pick(bundle->large_samples, true)) / median(pick(bundle->small_samples, true));
    const double wall = median(pick(bundle->large_samples, false)) / median(pick(bundle->small_samples, false));
    const auto within = [](double r) { return r >= 0.95 && r <= 1.05; };
    std::printf("  %-30s %7s  %-10s %6.2fx %7.2fx  %s / %s\n", "bundle open, large vs small",
                size_label(bundle->large).c_str(), "1+-0.05x", cpu, wall, verdict(within(cpu)), verdict(within(wall)));
  }
  for (const ThreadRow& t : threads)
    std::printf("  %-30s %7s  %-10s %7s %7.2fx  - / %s  (control, caller's buffer: %.2fx)\n",
                "section, 2 threads vs 1", size_label(t.size).c_str(), ">= 1.8x", "-", t.section.speedup(),
                verdict(t.section.speedup() >= 1.8), t.into.speedup());
  std::printf("  not measured here: CLI open of a document to a file vs raw, CLI peak memory (the documents row),\n"
              "  share + open vs age (bench/cli_vs_age.py)\n");
}

// Removes the folder kartla_bench created (and the identity in it) however the run ends.
struct CreatedDir {
  std::string path;
  bool remove = false;
  ~CreatedDir() {
    if (!remove) return;
    ::unlink((path + "/owner.id").c_str());
    ::rmdir(path.c_str());
  }
};

int run(const Options& o) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  const CreatedDir created{make_dir(o), !o.keep && o.dir.empty()};
  const std::string& dir = created.path;
  std::printf("kartla_bench: Kartla %s (C ABI), libsodium %s, %ld CPUs; files in %s\n", kartla_version(),
              sodium_version_string(), ::sysconf(_SC_NPROCESSORS_ONLN), dir.c_str());
  std::printf("reads find the file in the page cache; saves fsync the file and its folder\n\n");
  std::fflush(stdout);
  const std::string load_start = load_average();

  const KartlaOwner owner(dir);  // Argon2id runs here, once, before any timing
  const KartlaAgency agency;      // and here
  const RawOwner raw = raw_owner_new();
  size_t largest = 0;
  for (size_t s : o.sizes) largest = s > largest ? s : largest;

  std::vector<Row> rows;
  std::vector<PeakRow> peaks;
  for (size_t i = 0; i < o.sizes.size(); ++i) {
    SizeRun size_run(o, owner, agency, raw, dir, o.sizes[i]);
    size_run.warm_up_and_check();
    if (o.run_save) rows.push_back(size_run.save(o.reps[i]));
    if (o.run_read)
      for (Row& row : size_run.read(o.reps[i])) rows.push_back(std::move(row));
    if (o.peak && o.sizes[i] == largest) size_run.peaks(peaks);
  }
  const std::vector<ThreadRow> threads = o.run_threads ? measure_threads(o, owner, dir) : std::vector<ThreadRow>{};
  std::optional<BundleRow> bundle;
  if (o.run_bundle) bundle = measure_bundle_open(o, owner, agency, dir);
  std::printf("wall-clock time, ms (median of N):\n");
  print_table(rows, false);
  std::printf("\nCPU time of the process (user + system), ms (median of N):\n");
  print_table(rows, true);
  if (!threads.empty()) print_thread_rows(threads);
  if (bundle) print_bundle_row(*bundle);
  print_goals(rows, threads, bundle ? &*bundle : nullptr, largest);
  if (o.run_documents) run_documents(owner, raw, dir, o.document_size, o.thread_ops < 10 ? 3 : 5, o.peak);
  std::printf("\nload average: %s at the start, %s at the end\n", load_start.c_str(), load_average().c_str());
  const Calibration cal = calibrate();
  std::printf("this machine: one sodium_malloc + sodium_free costs %.1f us of CPU, one first touch of a "
              "4 KiB page %.2f us\n",
              cal.secure_alloc_us, cal.page_fault_us);
  if (!peaks.empty()) {
    std::printf("\npeak resident memory, one operation in a fresh child (growth = VmHWM - VmRSS before):\n");
    print_peaks(peaks);
  }
  return 0;
}

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
  try {
    return bench::run(bench::parse_options(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kartla_bench: error: %s\n", e.what());
    return 1;
  }
}
