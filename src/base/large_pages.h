/* SPDX-License-Identifier: Apache-2.0 */
// Memory for large public buffers (a section's ciphertext) straight from the kernel, in 2 MiB
// pages where Linux offers them (transparent huge pages on request, `madvise`). A fresh 64 MiB
// heap buffer is 16384 page faults when it is first written, about 31 ms of CPU on a
// paravirtualised guest (bench/README.md); in 2 MiB pages it is 32 faults, about 9 ms. Below
// kLargePageThreshold, on other systems, and in sanitizer builds (so that AddressSanitizer sees
// every buffer) it is plain `new[]`. Never for secrets: nothing here is locked or wiped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define KARTLA_LARGE_PAGES_OFF 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define KARTLA_LARGE_PAGES_OFF 1
#endif
#endif
#if !defined(__linux__) || !defined(MADV_HUGEPAGE)
#define KARTLA_LARGE_PAGES_OFF 1
#endif

namespace kartla::large_pages {

inline constexpr size_t kHugePage = size_t{2} << 20;
// Below this a heap buffer is as cheap: at most one huge page would be saved.
inline constexpr size_t kLargePageThreshold = size_t{4} << 20;

inline bool uses_pages(size_t size) {
#if defined(KARTLA_LARGE_PAGES_OFF)
  (void)size;
  return false;
#else
  return size >= kLargePageThreshold;
#endif
}

inline size_t mapped_length(size_t size) { return (size + kHugePage - 1) / kHugePage * kHugePage; }

// Uninitialised memory for `size` bytes (nullptr for 0); throws std::bad_alloc. Release it with
// release(p, size), with the same size.
inline uint8_t* allocate(size_t size) {
  if (size == 0) return nullptr;
  if (!uses_pages(size)) return new uint8_t[size];
#if defined(KARTLA_LARGE_PAGES_OFF)
  throw std::bad_alloc();
#else
  // Map one huge page more than needed, then unmap the ends so the buffer starts on a 2 MiB
  // boundary: only aligned 2 MiB ranges can be backed by huge pages.
  const size_t length = mapped_length(size);
  if (length < size || length + kHugePage < length) throw std::bad_alloc();
  void* mapped = mmap(nullptr, length + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(mapped);
  const uintptr_t aligned = (start + kHugePage - 1) & ~(uintptr_t{kHugePage} - 1);
  if (aligned > start) munmap(mapped, aligned - start);
  const uintptr_t tail = start + length + kHugePage - (aligned + length);
  if (tail > 0) munmap(reinterpret_cast<void*>(aligned + length), tail);
  // Advice only: where huge pages are off or short, the range is served in 4 KiB pages.
  (void)madvise(reinterpret_cast<void*>(aligned), length, MADV_HUGEPAGE);
  return reinterpret_cast<uint8_t*>(aligned);
#endif
}

inline void release(uint8_t* data, size_t size) noexcept {
  if (data == nullptr) return;
  if (!uses_pages(size)) {
    delete[] data;
    return;
  }
#if !defined(KARTLA_LARGE_PAGES_OFF)
  munmap(data, mapped_length(size));
#endif
}

}  // namespace kartla::large_pages
