// SPDX-License-Identifier: Apache-2.0
#include "share/followup_report.h"

#include <algorithm>
#include <map>
#include <optional>

#include "base/error.h"
#include "model/section_registry.h"
#include "model/validation/section_check.h"
#include "share/agency_view.h"

namespace kartla::share {
namespace {

const model::SectionInfo& followup_section() { return model::section_by_name("programme_followup"); }

// Why a bundle cannot be counted, from the error that stopped it. Errors that say nothing about
// the bundle (memory, a bug) are not a reason to skip it: they end the report.
std::string reason_for(const Error& e) {
  switch (e.code()) {
    case Code::io: return "unreadable";
    case Code::expired: return "expired";
    case Code::not_shared:
    case Code::not_found: return "not-shared";
    case Code::format:
    case Code::limit:
    case Code::version:
    case Code::signature:
    case Code::integrity:
    case Code::auth:
    case Code::rollback: return "unverifiable";
    default: throw e;
  }
}

struct Counted {
  size_t index;
  std::string owner;  // the owner's signing key: one person is counted once
  uint64_t sequence;
  v1::ProgrammeFollowup entry;
};

// The grant that lets this agency read the section must carry the follow-up basis (SPEC §7.8):
// a bundle shared under consent or another basis was not shared for this report.
bool basis_allows_report(const AgencyView& view) {
  for (const GrantedSectionInfo& g : view.granted())
    if (g.info != nullptr && g.info->id == followup_section().id && g.current)
      return g.gdpr_art6_basis == "6.1.c" || g.gdpr_art6_basis == "6.1.e";
  return false;
}

// Reads one bundle's follow-up entry, or says why it cannot be counted.
std::optional<Counted> read_one(size_t index, const BundleOpener& open_bundle, const crypto::BoxKeyPair& agency,
                                const std::string& agency_signing_key, int64_t now,
                                std::vector<SkippedBundle>& skipped) {
  const auto skip = [&](std::string reason, std::string detail) {
    skipped.push_back({static_cast<uint32_t>(index), std::move(reason), std::move(detail)});
    return std::nullopt;
  };
  try {
    const AgencyView view = AgencyView::open(open_bundle(index), agency, agency_signing_key);
    const crypto::SecretBuffer plain = view.read_section(followup_section(), now);
    const std::vector<model::Violation> violations = model::check_section_bytes_content(followup_section(), plain.view());
    if (!violations.empty())
      return skip("invalid-content", model::describe_violation(followup_section(), violations.front()));
    if (!basis_allows_report(view))
      return skip("wrong-basis", "the grant does not name GDPR Art. 6(1)(c) or 6(1)(e)");
    Counted counted{index, view.container().manifest.owner_signing_key, view.container().manifest.sequence, {}};
    if (!counted.entry.ParseFromArray(plain.data(), static_cast<int>(plain.size())))
      fail(Code::internal, "validated follow-up content did not parse");
    return counted;
  } catch (const Error& e) {
    return skip(reason_for(e), e.what());
  }
}

}  // namespace

FollowupReport followup_report(size_t count, const BundleOpener& open_bundle, const crypto::BoxKeyPair& agency,
                               const std::string& agency_signing_key, int64_t now) {
  if (count == 0) fail(Code::invalid_argument, "name the bundles shared for the follow-up");
  if (count > kMaxFollowupBundles)
    fail(Code::limit, "a follow-up report reads at most %s bundles", {std::to_string(kMaxFollowupBundles)});
  FollowupReport report;
  std::vector<Counted> read;
  for (size_t i = 0; i < count; ++i)
    if (auto one = read_one(i, open_bundle, agency, agency_signing_key, now, report.skipped)) read.push_back(std::move(*one));

  // One person, one count: of several bundles from one owner, the newest version counts.
  std::map<std::string, size_t> newest;
  for (size_t i = 0; i < read.size(); ++i) {
    const auto it = newest.find(read[i].owner);
    if (it == newest.end() || read[it->second].sequence < read[i].sequence) newest[read[i].owner] = i;
  }
  std::vector<v1::ProgrammeFollowup> entries;
  const Counted* first = nullptr;
  for (size_t i = 0; i < read.size(); ++i) {
    const Counted& c = read[i];
    if (newest[c.owner] != i) {
      report.skipped.push_back({static_cast<uint32_t>(c.index), "duplicate", "another bundle of the same participant counts"});
      continue;
    }
    // One report is about one programme: the first counted entry names it.
    if (first != nullptr && (c.entry.programme_name() != first->entry.programme_name() ||
                             c.entry.funding_ref() != first->entry.funding_ref())) {
      report.skipped.push_back({static_cast<uint32_t>(c.index), "other-programme",
                                "the entry is about another programme than the first one counted"});
      continue;
    }
    if (first == nullptr) first = &c;
    entries.push_back(c.entry);
  }
  std::sort(report.skipped.begin(), report.skipped.end(),
            [](const SkippedBundle& a, const SkippedBundle& b) { return a.index < b.index; });
  if (entries.size() < kFollowupMinimumGroup) {
    std::map<std::string, size_t> why;
    for (const SkippedBundle& s : report.skipped) ++why[s.reason];
    std::string reasons;
    for (const auto& [reason, n] : why) reasons += (reasons.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
    const std::string minimum = std::to_string(kFollowupMinimumGroup);
    if (reasons.empty())
      fail(Code::limit,
           "follow-up figures need at least %1$s participants, so that no one can be picked out; %2$s of %3$s "
           "bundles can be counted", {minimum, std::to_string(entries.size()), std::to_string(count)});
    fail(Code::limit,
         "follow-up figures need at least %1$s participants, so that no one can be picked out; %2$s of %3$s "
         "bundles can be counted (skipped: %4$s)",
         {minimum, std::to_string(entries.size()), std::to_string(count), reasons});
  }
  report.figures = tally_followup(entries);
  return report;
}

}  // namespace kartla::share
