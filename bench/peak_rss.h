/* SPDX-License-Identifier: Apache-2.0 */
// Peak resident memory of one operation, measured in a forked child so that nothing the parent
// did before (Argon2id's 64 MiB, the payload, earlier runs) counts: the child resets its
// high-water mark (writing 5 to /proc/self/clear_refs sets VmHWM to the current VmRSS), notes its
// VmRSS, runs the operation and reads VmHWM. Linux only.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

namespace bench {

struct PeakRss {
  uint64_t baseline_bytes = 0;  // VmRSS just before the operation
  uint64_t peak_bytes = 0;      // VmHWM during it
  // RssFile after minus before: pages of files (library code) mapped in during the operation.
  // A forked child does not inherit the page tables of file mappings, so this part of the growth
  // is an artefact of measuring in a child, not memory the operation needs.
  uint64_t file_growth_bytes = 0;
  uint64_t growth() const { return peak_bytes > baseline_bytes ? peak_bytes - baseline_bytes : 0; }
};

// nullopt if the kernel cannot reset the high-water mark or the operation failed in the child.
std::optional<PeakRss> measure_peak_rss(const std::function<void()>& operation);

}  // namespace bench
