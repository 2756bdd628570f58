// An agency's card named on the command line (--to, --from): read and checked (self-signature,
// kind) before any passphrase is asked for, so a wrong file costs nothing.
#pragma once

#include <string>

#include "secret.h"

namespace kartla::cli {

struct AgencyCard {
  Secret bytes;  // not secret: Secret only because that is what files are read into
  std::string name;
  std::string fingerprint;
};

// A usage Failure if the card is an owner's or a trust root's; the library's error (exit 4) if
// its self-signature fails or it is not a card at all.
AgencyCard read_agency_card(const std::string& path);

}  // namespace kartla::cli
