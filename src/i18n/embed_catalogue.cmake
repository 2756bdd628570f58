# SPDX-License-Identifier: Apache-2.0
# cmake -DMO=x.mo -DOUT=x.cpp -DNAME=sv -P embed_catalogue.cmake: writes a C++ file that returns
# the bytes of the compiled catalogue x.mo, so the library needs no file at run time (and the
# WebAssembly build none either). -DFUNCTION and -DHEADER name the function and the header
# declaring it (default embedded_catalogue_NAME, i18n/embedded.h).
if(NOT DEFINED FUNCTION)
  set(FUNCTION embedded_catalogue_${NAME})
endif()
if(NOT DEFINED HEADER)
  set(HEADER i18n/embedded.h)
endif()
file(READ ${MO} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x..',){16})" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT}.tmp "// Generated from ${MO} by embed_catalogue.cmake; do not edit.\n"
  "#include \"${HEADER}\"\n\nnamespace kartla::i18n {\nnamespace {\n"
  "const char kBytes[] = {\n${bytes}'\\0'};\n}  // namespace\n\n"
  "std::string_view ${FUNCTION}() { return {kBytes, sizeof kBytes - 1}; }\n\n"
  "}  // namespace kartla::i18n\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
