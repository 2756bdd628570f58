# SPDX-License-Identifier: Apache-2.0
# cmake -DMO=x.mo -DOUT=x.cpp -DNAME=sv -P embed_catalogue.cmake: writes a C++ file that returns
# the bytes of the compiled catalogue x.mo, so the library needs no file at run time (and the
# WebAssembly build none either).
file(READ ${MO} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x..',){16})" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT}.tmp "// Generated from ${NAME}.po by msgfmt and embed_catalogue.cmake; do not edit.\n"
  "#include \"i18n/embedded.h\"\n\nnamespace kartla::i18n {\nnamespace {\n"
  "const char kBytes[] = {\n${bytes}'\\0'};\n}  // namespace\n\n"
  "std::string_view embedded_catalogue_${NAME}() { return {kBytes, sizeof kBytes - 1}; }\n\n"
  "}  // namespace kartla::i18n\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUT}.tmp)
