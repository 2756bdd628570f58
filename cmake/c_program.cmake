# SPDX-License-Identifier: Apache-2.0
# kartla_c_program(NAME SOURCES...): a C99 program linked against libkartla.so, as an integrator
# would build one (the examples, the ABI tests).
function(kartla_c_program name)
  add_executable(${name} ${ARGN})
  target_link_libraries(${name} PRIVATE kartla kartla_warnings)
  set_target_properties(${name} PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
  # clang links a C program with the C-only UBSan runtime, but libkartla.so is C++ and its vptr
  # checks need the C++ one: link through the C++ driver when clang's UBSan is on.
  if(CMAKE_C_COMPILER_ID STREQUAL "Clang" AND KARTLA_SANITIZE MATCHES "undefined")
    set_target_properties(${name} PROPERTIES LINKER_LANGUAGE CXX)
  endif()
endfunction()
