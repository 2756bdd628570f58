// The opaque handle types of kartla.h.
#pragma once

#include "identity/identity.h"
#include "model/record.h"
#include "model/verify.h"

struct kartla_identity {
  kartla::identity::Identity identity;
};

struct kartla_record {
  kartla::model::Record record;
};

struct kartla_verification {
  kartla::model::VerificationReport report;
};

#include "share/agency_view.h"

struct kartla_share {
  kartla::share::AgencyView view;
};
