// SPDX-License-Identifier: Apache-2.0
// C++17 wrapper over the Kartla C ABI: receipts (kartla::record::receipt makes them). EXPERIMENTAL TIER (docs/API-STABILITY.md):
// define KARTLA_EXPERIMENTAL before including it; it may change in any release.
#ifndef KARTLA_EXPERIMENTAL_RECEIPT_HPP
#define KARTLA_EXPERIMENTAL_RECEIPT_HPP

#ifndef KARTLA_EXPERIMENTAL
#error "kartla/experimental/receipt.hpp is the experimental tier: define KARTLA_EXPERIMENTAL to use it (docs/API-STABILITY.md)"
#endif

#include <string_view>

#include "kartla/common.hpp"
#include "kartla/experimental/receipt.h"

namespace kartla {

// Verifies a receipt file and describes it: kartla.v1.ReceiptDescription. An empty owner_card
// does not pin the owner; an empty agency_card does not check the recipient.
inline std::string receipt_describe(std::string_view receipt, std::string_view owner_card = {},
                                    std::string_view agency_card = {},
                                    kartla_encoding encoding = KARTLA_ENCODING_JSON) {
  buffer out;
  check(kartla_receipt_describe(detail::bytes(receipt), receipt.size(), detail::bytes(owner_card), owner_card.size(),
                                detail::bytes(agency_card), agency_card.size(), encoding, out.out()));
  return out.str();
}

}  // namespace kartla

#endif  // KARTLA_EXPERIMENTAL_RECEIPT_HPP
