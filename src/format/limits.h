/* SPDX-License-Identifier: Apache-2.0 */
// Every size limit the parsers enforce, in one place (docs/SPEC.md §9). Each is checked before
// the allocation it guards.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kartla::format {

inline constexpr uint32_t kFormatVersion = 1;

inline constexpr size_t kMaxHeaderBytes = 1u << 20;          // record header and manifest
inline constexpr size_t kMaxSections = 64;                   // entries in one manifest
inline constexpr size_t kMaxGrants = 256;                    // also bounds trial unwrapping
inline constexpr uint64_t kMaxSectionPlaintext = 256ull << 20;
// The padded form of the largest section (crypto::padded_size of 256 MiB): 256 MiB + 8 MiB.
inline constexpr uint64_t kMaxPaddedSection = (256ull << 20) + (8ull << 20);
// Section ids 1..64 each own one fixed position in the manifest's slot table (SPEC §5.3).
inline constexpr uint32_t kMaxSectionId = 64;
inline constexpr size_t kSlotTableBytes = kMaxSectionId * 32;
inline constexpr uint64_t kMaxRecordFileBytes = 1ull << 30;
inline constexpr size_t kMaxSmallFileBytes = 64u << 10;      // identity and card files
inline constexpr size_t kMaxNameBytes = 256;                 // names and other short strings
inline constexpr size_t kMaxOrgNumberBytes = 32;
inline constexpr int kMaxNesting = 32;                       // protobuf recursion depth
inline constexpr size_t kMaxAttestationBytes = 64u << 10;    // attestation file payload
inline constexpr size_t kMaxClaimTextBytes = 4096;           // an attestation claim's free text
inline constexpr size_t kMaxEntryIdBytes = 64;               // a section entry's stable id
inline constexpr size_t kMaxTrustListBytes = 1u << 20;       // trust-list file payload
inline constexpr size_t kMaxTrustedAgencies = 1024;          // agencies on one trust list
inline constexpr size_t kMaxContributionBytes = 16u << 20;   // contribution file payload
inline constexpr size_t kMaxReceiptBytes = 64u << 10;        // receipt file payload (SPEC §7.6)

inline constexpr size_t kRecordIdBytes = 16;
inline constexpr size_t kDigestBytes = 32;

}  // namespace kartla::format
