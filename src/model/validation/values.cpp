// SPDX-License-Identifier: Apache-2.0
#include "model/validation/values.h"

#include <google/protobuf/timestamp.pb.h>

#include "kartla/v1/types.pb.h"

namespace kartla::model {

bool is_empty(const v1::PartialDate& d) { return d.year() == 0 && d.month() == 0 && d.day() == 0; }

int compare_partial(const v1::PartialDate& a, const v1::PartialDate& b) {
  if (a.year() != b.year()) return a.year() < b.year() ? -1 : 1;
  if (a.month() == 0 || b.month() == 0) return 0;
  if (a.month() != b.month()) return a.month() < b.month() ? -1 : 1;
  if (a.day() == 0 || b.day() == 0) return 0;
  if (a.day() != b.day()) return a.day() < b.day() ? -1 : 1;
  return 0;
}

std::string to_text(const v1::PartialDate& d) {
  auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  std::string s = std::to_string(d.year());
  if (d.month() != 0) s += "-" + two(d.month());
  if (d.day() != 0) s += "-" + two(d.day());
  return s;
}

bool is_empty(const google::protobuf::Timestamp& t) { return t.seconds() == 0 && t.nanos() == 0; }

bool is_before(const google::protobuf::Timestamp& a, const google::protobuf::Timestamp& b) {
  if (a.seconds() != b.seconds()) return a.seconds() < b.seconds();
  return a.nanos() < b.nanos();
}

bool names_an_org(const v1::OrgRef& org) {
  return org.id_case() != v1::OrgRef::ID_NOT_SET || !org.name().empty();
}

}  // namespace kartla::model
