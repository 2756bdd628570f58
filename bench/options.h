/* SPDX-License-Identifier: Apache-2.0 */
// Command-line options of kartla_bench.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace bench {

struct Options {
  std::vector<size_t> sizes;  // section plaintext sizes in bytes
  std::vector<int> reps;      // repetitions per size (same length as sizes)
  std::string dir;            // where record files are written; empty = a fresh temp folder
  bool run_save = true;
  bool run_read = true;       // also the agency's read of the same section from its bundle
  bool run_threads = true;    // kartla_record_section, two threads against one
  bool run_bundle = true;     // opening a bundle of a small record against one of a large record
  bool run_documents = true;  // a document out to a file, streamed and into a callback (documents.h)
  size_t document_size = 0;   // its size
  std::vector<size_t> thread_sizes;  // sizes of the two-thread measurement
  int thread_ops = 0;                // reads per thread per round at the smallest thread size
  size_t bundle_small = 0, bundle_large = 0;  // record sizes of the bundle-open comparison
  bool run_raw = true;        // off to profile Kartla alone
  bool peak = true;           // peak-RSS measurement at the largest size
  bool keep = false;          // keep the files written
};

// Exits the process with usage text on a bad argument (it is a command-line tool, not a library).
Options parse_options(int argc, char** argv);

// "1 KiB", "64 MiB".
std::string size_label(size_t bytes);

}  // namespace bench
