# SPDX-License-Identifier: Apache-2.0
# Runs the vector generator into OUT_DIR and compares every file with the committed copy in
# EXPECTED_DIR. Invoked by CTest (vectors_reproducible); see tests/vectors/README.md.
foreach(var GENERATOR OUT_DIR EXPECTED_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "reproduce.cmake needs -D${var}=...")
  endif()
endforeach()

file(REMOVE_RECURSE "${OUT_DIR}")
file(MAKE_DIRECTORY "${OUT_DIR}")
execute_process(COMMAND "${GENERATOR}" "${OUT_DIR}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the vector generator failed (${rc})")
endif()

set(differ "")
foreach(name primitives.json identity.json record.json negative.json bundle.json bundle_negative.json attest.json attest_negative.json receipt.json content.json)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${OUT_DIR}/${name}" "${EXPECTED_DIR}/${name}"
                  RESULT_VARIABLE same)
  if(NOT same EQUAL 0)
    list(APPEND differ ${name})
  endif()
endforeach()
if(differ)
  message(FATAL_ERROR
    "The committed vectors no longer match what the code writes: ${differ}.\n"
    "Compare with: diff -u ${EXPECTED_DIR}/<file> ${OUT_DIR}/<file>\n"
    "If the format change is intended, update docs/SPEC.md and copy ${OUT_DIR}/*.json to ${EXPECTED_DIR}.")
endif()
