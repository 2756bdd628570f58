/* SPDX-License-Identifier: Apache-2.0 */
// Two costs of the machine itself that explain most of the gap between Kartla and raw libsodium:
// one secure allocation (sodium_malloc + sodium_free: mmap, mprotect, mlock, munlock, munmap) and
// one first touch of a fresh 4 KiB page. Both vary tenfold between bare metal and some VMs.
#pragma once

namespace bench {

struct Calibration {
  double secure_alloc_us = 0;  // sodium_malloc(32) + sodium_free, CPU time, median
  double page_fault_us = 0;    // first write to a fresh anonymous page, CPU time, median
};

Calibration calibrate();

}  // namespace bench
