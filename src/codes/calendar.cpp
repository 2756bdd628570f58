// SPDX-License-Identifier: Apache-2.0
#include "codes/calendar.h"

namespace kartla::codes {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

bool is_real_date(int year, int month, int day) {
  return day >= 1 && day <= days_in_month(year, month);
}

}  // namespace kartla::codes
