// SPDX-License-Identifier: Apache-2.0
#include "format/card_of_kind.h"

#include <string>

#include "base/error.h"

namespace kartla::format {
namespace {

const char* kind_name(CardKind kind) {
  switch (kind) {
    case CardKind::owner: return "an owner";
    case CardKind::agency: return "an agency";
    case CardKind::trust_root: return "a trust root";
  }
  return "an unknown kind";
}

}  // namespace

SignedCard decode_card_of_kind(ByteView signed_card_bytes, CardKind expected, std::string_view role) {
  SignedCard card = decode_signed_card(signed_card_bytes);
  if (card.card.kind != expected)
    fail(Code::format, "%1$s's card is %2$s card, not %3$s card",
         {std::string(role), kind_name(card.card.kind), kind_name(expected)});
  return card;
}

}  // namespace kartla::format
