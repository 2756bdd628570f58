/* SPDX-License-Identifier: Apache-2.0 */
// The opaque handle types of kartla.h.
#pragma once

#include <memory>

#include "identity/identity.h"
#include "model/record.h"
#include "model/verify.h"

struct kartla_identity {
  kartla::identity::Identity identity;
};

struct kartla_record {
  kartla::model::Record record;
  int64_t clock = 0;  // kartla_record_set_clock; 0 = the system clock
  // The owner's memory of versions seen (SPEC §8.1): checked on open, told of every save.
  std::shared_ptr<kartla::identity::SeenVersions> seen;
};

struct kartla_verification {
  kartla::model::VerificationReport report;
};

#include "share/agency_view.h"

#include <ctime>

namespace kartla::capi {
// The time a record's owner operations use (kartla_record_set_clock).
inline int64_t record_now(const kartla_record& record) {
  return record.clock != 0 ? record.clock : static_cast<int64_t>(std::time(nullptr));
}
}  // namespace kartla::capi

struct kartla_share {
  kartla::share::AgencyView view;
};
