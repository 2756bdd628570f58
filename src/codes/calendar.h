/* SPDX-License-Identifier: Apache-2.0 */
// Gregorian calendar facts used by identifier and date checks.
#pragma once

namespace kartla::codes {

bool is_leap_year(int year);
// 0 when month is outside 1–12.
int days_in_month(int year, int month);
bool is_real_date(int year, int month, int day);

}  // namespace kartla::codes
