// SPDX-License-Identifier: Apache-2.0
#include "options.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace bench {
namespace {

constexpr const char* kUsage =
    "usage: kartla_bench [--smoke] [--sizes 1K,1M,64M] [--reps 200,20,5] [--only save|read|threads|bundle|documents]\n"
    "                    [--kartla-only] [--no-peak] [--dir DIR] [--keep]\n"
    "Measures saving a record holding one section and reading that section back, through the\n"
    "Kartla C ABI and with libsodium directly, and prints the median times and their ratio.\n"
    "  --smoke        tiny sizes and 3 repetitions: checks that the benchmark runs\n"
    "  --sizes LIST   section sizes (suffix K = KiB, M = MiB)\n"
    "  --reps LIST    repetitions per size (default 200 up to 16 KiB, 20 up to 4 MiB, else 5)\n"
    "  --only OP      run only the saves, the reads (owner and agency), the two-thread reads\n"
    "                 (64 KiB and 1 MiB), the bundle opens (10 KiB and 100 MiB records) or the\n"
    "                 document reads (a 64 MiB document to a file and into a callback)\n"
    "  --kartla-only  skip the raw libsodium baseline (for profiling Kartla alone)\n"
    "  --no-peak      skip the peak-memory measurement at the largest size\n"
    "  --dir DIR      write record files in DIR (default: a new folder under $TMPDIR or /tmp)\n"
    "  --keep         leave the record files in place\n";

[[noreturn]] void usage(const char* problem) {
  if (problem != nullptr) std::fprintf(stderr, "kartla_bench: %s\n", problem);
  std::fputs(kUsage, problem != nullptr ? stderr : stdout);
  std::exit(problem != nullptr ? 2 : 0);
}

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(item);
  return out;
}

size_t parse_size(const std::string& text) {
  char* end = nullptr;
  const unsigned long long n = std::strtoull(text.c_str(), &end, 10);
  size_t unit = 1;
  if (*end == 'K' || *end == 'k') unit = size_t{1} << 10, ++end;
  else if (*end == 'M' || *end == 'm') unit = size_t{1} << 20, ++end;
  if (n == 0 || end == text.c_str() || *end != '\0') usage(("bad size: " + text).c_str());
  return static_cast<size_t>(n) * unit;
}

int default_reps(size_t size) {
  if (size <= (size_t{16} << 10)) return 200;
  if (size <= (size_t{4} << 20)) return 20;
  return 5;
}

}  // namespace

Options parse_options(int argc, char** argv) {
  Options o;
  std::string sizes = "1K,1M,64M";
  std::string reps;
  o.thread_sizes = {size_t{64} << 10, size_t{1} << 20};
  o.thread_ops = 400;
  o.bundle_small = size_t{10} << 10;
  o.bundle_large = size_t{100} << 20;
  o.document_size = size_t{64} << 20;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage((arg + " needs a value").c_str());
      return argv[++i];
    };
    if (arg == "--help" || arg == "-h") usage(nullptr);
    else if (arg == "--smoke") {
      sizes = "1K,64K", reps = "3,3";
      o.thread_sizes = {size_t{64} << 10};
      o.thread_ops = 4;
      o.bundle_large = size_t{1} << 20;
      o.document_size = size_t{1} << 20;
    }
    else if (arg == "--sizes") sizes = value();
    else if (arg == "--reps") reps = value();
    else if (arg == "--dir") o.dir = value();
    else if (arg == "--keep") o.keep = true;
    else if (arg == "--no-peak") o.peak = false;
    else if (arg == "--kartla-only") o.run_raw = false;
    else if (arg == "--only") {
      const std::string op = value();
      if (op != "save" && op != "read" && op != "threads" && op != "bundle" && op != "documents")
        usage("--only takes save, read, threads, bundle or documents");
      o.run_save = op == "save";
      o.run_read = op == "read";
      o.run_threads = op == "threads";
      o.run_bundle = op == "bundle";
      o.run_documents = op == "documents";
    } else {
      usage(("unknown argument: " + arg).c_str());
    }
  }
  for (const auto& s : split(sizes)) o.sizes.push_back(parse_size(s));
  if (o.sizes.empty()) usage("no sizes");
  if (reps.empty()) {
    for (size_t s : o.sizes) o.reps.push_back(default_reps(s));
  } else {
    for (const auto& r : split(reps)) {
      const int n = std::atoi(r.c_str());
      if (n <= 0) usage(("bad repetition count: " + r).c_str());
      o.reps.push_back(n);
    }
    if (o.reps.size() != o.sizes.size()) usage("--reps needs one count per size");
  }
  return o;
}

std::string size_label(size_t bytes) {
  char text[32];
  if (bytes % (size_t{1} << 20) == 0) std::snprintf(text, sizeof text, "%zu MiB", bytes >> 20);
  else if (bytes % (size_t{1} << 10) == 0) std::snprintf(text, sizeof text, "%zu KiB", bytes >> 10);
  else std::snprintf(text, sizeof text, "%zu B", bytes);
  return text;
}

}  // namespace bench
