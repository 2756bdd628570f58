/* SPDX-License-Identifier: Apache-2.0 */
// Internal: small comparisons and predicates on the shared value types, used by several checks.
#pragma once

#include <string>
#include "kartla/v1/types.pb.h"

namespace google::protobuf {
class Timestamp;
}

namespace kartla::model {

bool is_empty(const v1::PartialDate& d);
// Compares at the precision both dates share: 2019-08 vs 2019-08-15 compare equal.
// Negative when a is before b.
int compare_partial(const v1::PartialDate& a, const v1::PartialDate& b);
std::string to_text(const v1::PartialDate& d);  // "2019-08", "2019-08-15", "2019"

bool is_empty(const google::protobuf::Timestamp& t);
bool is_before(const google::protobuf::Timestamp& a, const google::protobuf::Timestamp& b);

// True when the reference names an organisation by id or at least by name.
bool names_an_org(const v1::OrgRef& org);

}  // namespace kartla::model
