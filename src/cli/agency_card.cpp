#include "agency_card.h"

#include "failure.h"
#include "files.h"
#include "results.h"
#include "kartla/kartla.hpp"
#include "unlock.h"

namespace kartla::cli {

AgencyCard read_agency_card(const std::string& path) {
  AgencyCard card;
  card.bytes = read_input(path, kSmallFileReadLimit);
  const auto described =
      parse_result<v1::CardDescription>(kartla::card_describe(card.bytes.view(), KARTLA_ENCODING_PROTOBUF));
  const std::string& kind = described.kind();
  if (kind != "agency")
    usage_error(path + " is the card of " + (kind == "owner" ? std::string("an owner") : "a " + kind) +
                ", not of an agency (agency cards are written by 'kartla agency card')");
  card.name = described.name();
  card.fingerprint = described.fingerprint();
  return card;
}

}  // namespace kartla::cli
