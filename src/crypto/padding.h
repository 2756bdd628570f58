/* SPDX-License-Identifier: Apache-2.0 */
// Length hiding for everything encrypted in a record (docs/SPEC.md §5.4): a plaintext is padded
// with ISO/IEC 7816-4 padding (as libsodium's sodium_pad: one 0x80 byte, then zeros) to a length
// chosen by Padmé (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and
// Communication with PURBs", PETS 2019), with a floor of 1 KiB. A finder of the file then sees
// only a coarse size bucket: less than 1/2^S above the content (6.25 % up to 64 KiB, 3.125 % from
// there to 4 GiB), and every content of 1023 bytes or less looks the same.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kartla::crypto {

inline constexpr size_t kPaddingFloor = 1024;

// The padded length of `n` bytes of content: kPaddingFloor if n + 1 <= kPaddingFloor, else
// Padmé(n + 1). Always > n (the 0x80 marker is always present).
uint64_t padded_size(uint64_t n);

// True if `size` is a length padded_size can produce (a reader checks this without a key).
bool is_padded_size(uint64_t size);

// Writes the padding into buf[n .. padded_size(n)); `buf` must hold padded_size(n) bytes.
void pad_in_place(uint8_t* buf, size_t n);

// The content length of a padded buffer. Error(format) unless the padding is exactly what
// pad_in_place writes for that length (canonical: one content, one padded form).
size_t unpadded_size(const uint8_t* buf, size_t padded);

}  // namespace kartla::crypto
