/* SPDX-License-Identifier: Apache-2.0 */
// Attestations, trust lists and contributions each embed the exact bytes of a signed card (the
// issuer, the trust root, the listed agencies, the sender) and accept only one kind of card there.
#pragma once

#include <string_view>

#include "base/bytes.h"
#include "format/card_codec.h"

namespace kartla::format {

// decode_signed_card (strict, self-signature checked) plus the kind: Error(format) naming `role`
// ("the issuer", "the trust root") if the card is of another kind.
SignedCard decode_card_of_kind(ByteView signed_card_bytes, CardKind expected, std::string_view role);

}  // namespace kartla::format
