// SPDX-License-Identifier: Apache-2.0
// Identifier checks (docs/MODEL.md, identifier rules; rules se-*, fi-*). Valid cases are real
// published identifiers; invalid cases are built to break one rule each, with
// check characters computed here independently of the library.
#include <catch2/catch.hpp>

#include <string>

#include "codes/identifiers.h"

namespace kartla::codes {
namespace {

// Luhn check digit for a digit string (the test's own implementation).
char luhn_digit(const std::string& digits) {
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    int d = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

// Stored 12-digit Swedish number with a correct check digit: YYYYMMDD + NNN.
std::string swedish(const std::string& yyyymmdd_nnn) {
  return yyyymmdd_nnn + luhn_digit(yyyymmdd_nnn.substr(2));
}

// Henkilötunnus with a correct check character.
std::string hetu(const std::string& ddmmyy, char sign, const std::string& zzz) {
  const long long n = std::stoll(ddmmyy + zzz);
  return ddmmyy + sign + zzz + "0123456789ABCDEFHJKLMNPRSTUVWXY"[n % 31];
}

}  // namespace

TEST_CASE("Luhn over a digit string", "[identifiers]") {
  CHECK(luhn_ok("79927398713"));  // the textbook example
  CHECK_FALSE(luhn_ok("79927398714"));
  CHECK_FALSE(luhn_ok("7992739871a"));
  CHECK_FALSE(luhn_ok(""));
}

TEST_CASE("se-personnummer-format", "[identifiers]") {
  CHECK(valid_se_personnummer("196408233234"));  // Skatteverket's 640823-3234
  CHECK(check_se_personnummer("6408233234").rule == "se-personnummer-format");
  CHECK(check_se_personnummer("19640823-3234").rule == "se-personnummer-format");
  CHECK(check_se_personnummer("640823-3234").rule == "se-personnummer-format");
  CHECK(check_se_personnummer(swedish("17640823323")).rule == "se-personnummer-format");
}

TEST_CASE("se-personnummer-date", "[identifiers]") {
  CHECK(valid_se_personnummer(swedish("20000229123")));  // 2000 is a leap year
  CHECK(check_se_personnummer(swedish("19000229123")).rule == "se-personnummer-date");
  CHECK(check_se_personnummer(swedish("19640230323")).rule == "se-personnummer-date");
  CHECK(check_se_personnummer(swedish("19641301323")).rule == "se-personnummer-date");
  // A samordningsnummer is not a personnummer: day 63 does not exist.
  CHECK(check_se_personnummer("197010632391").rule == "se-personnummer-date");
}

TEST_CASE("se-personnummer-luhn", "[identifiers]") {
  CHECK(valid_se_personnummer("196408233234"));
  const IdCheck r = check_se_personnummer("196408233235");
  CHECK(r.rule == "se-personnummer-luhn");
  CHECK_FALSE(std::string_view(r.reason).empty());
}

TEST_CASE("se-samordningsnummer-format", "[identifiers]") {
  CHECK(valid_se_samordningsnummer("197010632391"));  // Skatteverket's 701063-2391
  CHECK(check_se_samordningsnummer("701063-2391").rule == "se-samordningsnummer-format");
}

TEST_CASE("se-samordningsnummer-date", "[identifiers]") {
  CHECK(valid_se_samordningsnummer(swedish("19700191123")));  // day 91 = 31 January
  CHECK(check_se_samordningsnummer(swedish("19700291123")).rule == "se-samordningsnummer-date");
  // The personnummer of the same person (day 03) is not a samordningsnummer.
  CHECK(check_se_samordningsnummer(swedish("19701003239")).rule == "se-samordningsnummer-date");
  CHECK(check_se_samordningsnummer(swedish("19700192123")).rule == "se-samordningsnummer-date");
}

TEST_CASE("se-samordningsnummer-luhn", "[identifiers]") {
  CHECK(check_se_samordningsnummer("197010632392").rule == "se-samordningsnummer-luhn");
}

TEST_CASE("fi-henkilotunnus-format", "[identifiers]") {
  CHECK(valid_fi_henkilotunnus("131052-308T"));   // DVV example
  CHECK(valid_fi_henkilotunnus("010594Y9032"));   // DVV test id with a 2023 century sign
  CHECK(check_fi_henkilotunnus("131052G308T").rule == "fi-henkilotunnus-format");
  CHECK(check_fi_henkilotunnus("131052-308G").rule == "fi-henkilotunnus-format");  // G is never a check char
  CHECK(check_fi_henkilotunnus("131052-308t").rule == "fi-henkilotunnus-format");
  CHECK(check_fi_henkilotunnus("131052308T").rule == "fi-henkilotunnus-format");
}

TEST_CASE("fi-henkilotunnus century signs of the 2023 reform", "[identifiers]") {
  // The century sign is not part of the check, so one number is valid with every sign of its
  // century and invalid with a sign of a century in which the date does not exist.
  for (char sign : std::string("-YXWVU")) CHECK(valid_fi_henkilotunnus(hetu("010594", sign, "903")));
  for (char sign : std::string("ABCDEF")) CHECK(valid_fi_henkilotunnus(hetu("010504", sign, "256")));
  CHECK(valid_fi_henkilotunnus(hetu("010180", '+', "123")));
  CHECK(valid_fi_henkilotunnus(hetu("290200", 'A', "123")));  // 2000 is a leap year
  CHECK(valid_fi_henkilotunnus(hetu("290200", 'E', "123")));
}

TEST_CASE("fi-henkilotunnus-date", "[identifiers]") {
  CHECK(check_fi_henkilotunnus(hetu("290200", '-', "123")).rule == "fi-henkilotunnus-date");  // 1900
  CHECK(check_fi_henkilotunnus(hetu("290200", 'U', "123")).rule == "fi-henkilotunnus-date");
  CHECK(check_fi_henkilotunnus(hetu("310452", '-', "308")).rule == "fi-henkilotunnus-date");
}

TEST_CASE("fi-henkilotunnus-individual-number", "[identifiers]") {
  CHECK(valid_fi_henkilotunnus(hetu("131052", '-', "002")));
  CHECK(check_fi_henkilotunnus(hetu("131052", '-', "001")).rule ==
        "fi-henkilotunnus-individual-number");
  CHECK(check_fi_henkilotunnus(hetu("131052", '-', "000")).rule ==
        "fi-henkilotunnus-individual-number");
}

TEST_CASE("fi-henkilotunnus-check", "[identifiers]") {
  CHECK(check_fi_henkilotunnus("131052-308U").rule == "fi-henkilotunnus-check");
  CHECK(check_fi_henkilotunnus("010594Y9033").rule == "fi-henkilotunnus-check");
}

TEST_CASE("fi henkilotunnus temporary numbers are valid but flagged", "[identifiers]") {
  CHECK(fi_henkilotunnus_is_temporary("010594Y9032"));
  CHECK_FALSE(fi_henkilotunnus_is_temporary("131052-308T"));
  CHECK_FALSE(fi_henkilotunnus_is_temporary("010594Y9033"));
}

TEST_CASE("se-orgnr-format", "[identifiers]") {
  CHECK(valid_se_orgnr("2120001140"));  // Landskrona kommun
  CHECK(valid_se_orgnr("2120000142"));  // Stockholms stad
  CHECK(valid_se_orgnr("5560360793"));  // Saab AB
  CHECK(check_se_orgnr("212000-1140").rule == "se-orgnr-format");
  CHECK(check_se_orgnr("162120001140").rule == "se-orgnr-format");
}

TEST_CASE("se-orgnr-group", "[identifiers]") {
  // A sole trader's "number" is the owner's personnummer: Luhn-valid, yet never an orgnr.
  CHECK(check_se_orgnr("6408233234").rule == "se-orgnr-group");
}

TEST_CASE("se-orgnr-luhn", "[identifiers]") {
  CHECK(check_se_orgnr("2120001141").rule == "se-orgnr-luhn");
}

TEST_CASE("fi-ytunnus-format", "[identifiers]") {
  CHECK(valid_fi_ytunnus("0209602-6"));  // Vaasan kaupunki
  CHECK(check_fi_ytunnus("02096026").rule == "fi-ytunnus-format");
  CHECK(check_fi_ytunnus("209602-6").rule == "fi-ytunnus-format");
  CHECK(check_fi_ytunnus("0209602-").rule == "fi-ytunnus-format");
}

TEST_CASE("fi-ytunnus-check", "[identifiers]") {
  CHECK(check_fi_ytunnus("0209602-5").rule == "fi-ytunnus-check");
  // 0000006: weighted sum 12, remainder 1: no check digit exists, so no digit passes.
  for (char d = '0'; d <= '9'; ++d) {
    CHECK(check_fi_ytunnus(std::string("0000006-") + d).rule == "fi-ytunnus-check");
  }
  CHECK(valid_fi_ytunnus("0000001-9"));  // 2 → r = 2 → 11 - 2 = 9
}

}  // namespace kartla::codes
