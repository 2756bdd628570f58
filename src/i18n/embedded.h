/* SPDX-License-Identifier: Apache-2.0 */
// The compiled catalogues (msgfmt output), embedded at build time by embed_catalogue.cmake.
#pragma once

#include <string_view>

namespace kartla::i18n {

std::string_view embedded_catalogue_sv();
std::string_view embedded_catalogue_fi();
std::string_view embedded_catalogue_en();
std::string_view embedded_catalogue_ar();
std::string_view embedded_catalogue_so();
std::string_view embedded_catalogue_ti();
std::string_view embedded_catalogue_fa_AF();

}  // namespace kartla::i18n
