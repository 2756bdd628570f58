// SPDX-License-Identifier: Apache-2.0
// kartla.h must compile on its own as strict C++ (libgit2 tests/headertest): included first,
// twice, every warning an error.
#include <kartla/kartla.h>
#include <kartla/kartla.h>

#include <type_traits>

static_assert(std::is_standard_layout<kartla_buffer>::value, "kartla_buffer crosses the ABI");

int headertest();

int headertest() {
  kartla_buffer buffer = KARTLA_BUFFER_INIT;
  (void)buffer;
  return static_cast<int>(KARTLA_OK);
}
