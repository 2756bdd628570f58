// SPDX-License-Identifier: Apache-2.0
// UnfilledBytes (base/bytes.h): large buffers come from large_pages.h, small ones from the heap;
// both must hold every byte written, survive moves and free what they took.
#include <catch2/catch.hpp>

#include <cstdint>
#include <utility>

#include "base/bytes.h"

using kartla::UnfilledBytes;
namespace large_pages = kartla::large_pages;

namespace {

void fill(UnfilledBytes& b, uint8_t seed) {
  for (size_t i = 0; i < b.size(); ++i) b.data()[i] = static_cast<uint8_t>(i * 31 + seed);
}

bool holds(const UnfilledBytes& b, uint8_t seed) {
  for (size_t i = 0; i < b.size(); ++i)
    if (b.data()[i] != static_cast<uint8_t>(i * 31 + seed)) return false;
  return true;
}

}  // namespace

TEST_CASE("UnfilledBytes holds every byte at sizes around the large-page threshold", "[base][unfilled]") {
  for (const size_t size : {size_t{0}, size_t{1}, size_t{4096}, large_pages::kLargePageThreshold - 1,
                            large_pages::kLargePageThreshold, large_pages::kLargePageThreshold + 1,
                            large_pages::kHugePage * 3 + 12345}) {
    INFO("size " << size);
    UnfilledBytes b(size);
    REQUIRE(b.size() == size);
    REQUIRE((b.data() == nullptr) == (size == 0));
    // Only aligned 2 MiB ranges can be huge pages: the point of the large allocation.
    if (large_pages::uses_pages(size)) REQUIRE(reinterpret_cast<uintptr_t>(b.data()) % large_pages::kHugePage == 0);
    fill(b, 7);
    REQUIRE(holds(b, 7));

    UnfilledBytes moved(std::move(b));
    REQUIRE(b.size() == 0);
    REQUIRE(b.data() == nullptr);
    REQUIRE(moved.size() == size);
    REQUIRE(holds(moved, 7));

    UnfilledBytes other(large_pages::kLargePageThreshold + 7);
    fill(other, 9);
    other = std::move(moved);  // releases what `other` held, takes `moved`'s
    REQUIRE(other.size() == size);
    REQUIRE(holds(other, 7));
  }
}
