// SPDX-License-Identifier: Apache-2.0
// kartla.hpp must compile on its own as strict C++17 with every warning an error: integrators
// include it into code built with their own warning flags.
#include <kartla/kartla.hpp>
#include <kartla/kartla.hpp>

int headertest();

int headertest() {
  kartla::buffer buffer;
  return static_cast<int>(buffer.size());
}
