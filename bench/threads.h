/* SPDX-License-Identifier: Apache-2.0 */
// Two threads reading a section at once next to one thread doing the same reads alone: what an
// application serving many reads (an agency system) gets from a second core. Each thread opens its
// own record (a kartla_record is for one thread at a time) before timing starts.
#pragma once

#include <string>

#include "kartla_side.h"

namespace bench {

struct Scaling {
  double one_thread_ms = 0;   // median wall time of one thread doing 2 x ops reads
  double two_threads_ms = 0;  // median wall time of two threads doing ops reads each, at once
  double speedup() const { return one_thread_ms / two_threads_ms; }  // 2.0 is perfect
};

// into = false: kartla_record_section (a secure buffer from the library) + kartla_buffer_free;
// into = true: kartla_record_section_into the thread's own buffer, the control without any
// allocation. `rounds` alternate one thread and two.
Scaling measure_scaling(const KartlaOwner& owner, const std::string& path, int ops, bool into, int rounds);

}  // namespace bench
