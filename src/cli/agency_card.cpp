#include "agency_card.h"

#include "failure.h"
#include "files.h"
#include "json_read.h"
#include "kartla/kartla.hpp"
#include "unlock.h"

namespace kartla::cli {

AgencyCard read_agency_card(const std::string& path) {
  AgencyCard card;
  card.bytes = read_input(path, kSmallFileReadLimit);
  const JsonObject described = parse_json_object(kartla::card_describe_json(card.bytes.view()));
  const std::string kind = text_field(described, "kind");
  if (kind != "agency")
    usage_error(path + " is the card of " + (kind == "owner" ? std::string("an owner") : "a " + kind) +
                ", not of an agency (agency cards are written by 'kartla agency card')");
  card.name = text_field(described, "name");
  card.fingerprint = text_field(described, "fingerprint");
  return card;
}

}  // namespace kartla::cli
