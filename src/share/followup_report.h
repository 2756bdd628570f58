/* SPDX-License-Identifier: Apache-2.0 */
// The project owner's follow-up report: verifies each bundle its participants shared with it for
// the programme's report, reads only their `programme_followup` sections, and returns the
// aggregate figures and, for every bundle it could not count, why (docs/SPEC.md §7.8).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "crypto/box.h"
#include "format/byte_source.h"
#include "share/followup_figures.h"

namespace kartla::share {

// A caller can name every bundle of a programme (STEGA plans 90 participants, Stepstone had 235);
// the bound caps the work one call can be made to do.
inline constexpr size_t kMaxFollowupBundles = 10000;

struct SkippedBundle {
  uint32_t index = 0;  // position in the list the caller gave
  // "unverifiable", "unreadable", "expired", "not-shared", "invalid-content", "wrong-basis",
  // "duplicate" or "other-programme" (docs/SPEC.md §7.8).
  std::string reason;
  std::string detail;  // the error's own words
};

struct FollowupReport {
  FollowupFigures figures;
  std::vector<SkippedBundle> skipped;
};

// Throws Error(invalid_argument) for no bundle, Error(limit) for more than kMaxFollowupBundles or
// when fewer than kFollowupMinimumGroup participants can be counted (the message says how many
// bundles were skipped and why). Errors that are not about one bundle (no memory) propagate.
// `open_bundle(i)` opens the i-th of `count` bundles; an Error(io) it throws skips that bundle
// as "unreadable".
using BundleOpener = std::function<std::shared_ptr<const format::ByteSource>(size_t index)>;
FollowupReport followup_report(size_t count, const BundleOpener& open_bundle, const crypto::BoxKeyPair& agency,
                               const std::string& agency_signing_key, int64_t now);

}  // namespace kartla::share
