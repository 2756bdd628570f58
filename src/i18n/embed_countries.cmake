# SPDX-License-Identifier: Apache-2.0
# cmake -DJSON=iso_3166-1.json -DOUT=x.cpp -P embed_countries.cmake: writes a C++ table of the
# ISO 3166-1 alpha-2 codes with their English names (Debian's iso-codes: `name`, and the shorter
# `common_name` where it has one), sorted by code, for countries.cpp. Generated at build time so
# the names follow the iso-codes package the build machine has, like the embedded translations.
file(READ ${JSON} json)
string(JSON count LENGTH "${json}" "3166-1")
math(EXPR last "${count} - 1")
set(rows "")
foreach(i RANGE ${last})
  string(JSON code GET "${json}" "3166-1" ${i} alpha_2)
  string(JSON name GET "${json}" "3166-1" ${i} name)
  string(JSON common ERROR_VARIABLE no_common GET "${json}" "3166-1" ${i} common_name)
  if(no_common)
    set(common "")
  endif()
  foreach(var name common)
    string(REPLACE "\\" "\\\\" ${var} "${${var}}")
    string(REPLACE "\"" "\\\"" ${var} "${${var}}")
  endforeach()
  list(APPEND rows "    {\"${code}\", \"${name}\", \"${common}\"},")
endforeach()
list(SORT rows)
list(JOIN rows "\n" body)
file(WRITE ${OUT}.tmp "// Generated from ${JSON} by embed_countries.cmake; do not edit.\n"
  "#include \"i18n/country_table.h\"\n\nnamespace kartla::i18n {\n\n"
  "const CountryRow kCountryRows[] = {\n${body}\n};\n"
  "const size_t kCountryRowCount = sizeof kCountryRows / sizeof kCountryRows[0];\n\n"
  "}  // namespace kartla::i18n\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
