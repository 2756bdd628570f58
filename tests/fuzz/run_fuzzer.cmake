# SPDX-License-Identifier: Apache-2.0
# Runs one libFuzzer target for a while over a scratch copy of its seed corpus (the committed seeds
# stay untouched; whatever the fuzzer adds stays in the build tree). Any crash, sanitizer report,
# leak or timeout makes the fuzzer exit non-zero, and the test fails with the input saved under
# ARTIFACTS.
#   cmake -DFUZZER=... -DSEEDS=... -DWORK=... -DSECONDS=30 -P run_fuzzer.cmake
foreach(var FUZZER SEEDS WORK SECONDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzer.cmake: ${var} is not set")
  endif()
endforeach()
set(corpus ${WORK}/corpus)
set(artifacts ${WORK}/artifacts)
file(REMOVE_RECURSE ${corpus})
file(MAKE_DIRECTORY ${corpus} ${artifacts})
file(GLOB seeds ${SEEDS}/*)
file(COPY ${seeds} DESTINATION ${corpus})
execute_process(
  COMMAND ${FUZZER} -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
          -artifact_prefix=${artifacts}/ ${corpus}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (exit ${rc}); the input that failed is in ${artifacts}")
endif()
