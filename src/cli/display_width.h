/* SPDX-License-Identifier: Apache-2.0 */
// How many terminal columns a UTF-8 string takes, so that the CLI's label columns line up in
// every language: "ägarens fingeravtryck:" is 22 bytes wider than it looks in neither direction,
// Arabic vowel marks and Ethiopic (Tigrinya) combining marks take no column of their own, and a
// CJK ideograph or an emoji takes two. It follows wcwidth's rules (Markus Kuhn's wcwidth.c and
// Unicode's East Asian Width), for the ranges a label or a name in Kartla's languages can hold,
// without setlocale: the CLI does not depend on which locales a machine has installed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kartla::cli {

// Columns of one code point: 0 for combining marks, zero-width and format characters (and
// controls, which the CLI filters before printing), 2 for East Asian wide and full-width
// characters and emoji, 1 otherwise.
int code_point_width(uint32_t code_point);

// The sum over the code points of `utf8`; a byte that does not start a valid sequence counts as
// one column (the terminal shows a replacement character for it).
size_t display_width(std::string_view utf8);

}  // namespace kartla::cli
