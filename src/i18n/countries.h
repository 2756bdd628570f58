/* SPDX-License-Identifier: Apache-2.0 */
// Country names in words for a reader, from ISO 3166-1 alpha-2 codes: the English names and
// their translations come from Debian's iso-codes, compiled into the library at build time (a
// maintained list, translated by its own translators, instead of 249 entries of our catalogue).
#pragma once

#include <string_view>

#include "i18n/messages.h"

namespace kartla::i18n {

// The name of the country with alpha-2 `code` ("SE") in `language` ("Sverige"): the everyday
// name where iso-codes translates it, else the standard name's translation, else English;
// empty when the code is not assigned. Points into the embedded tables.
std::string_view country_name(Language language, std::string_view code);

}  // namespace kartla::i18n
