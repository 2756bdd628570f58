# SPDX-License-Identifier: Apache-2.0
# What `cmake --install` puts in place for integrators: the public headers, libkartla.so
# (with its SONAME link), a pkg-config file and a relocatable CMake package. libsodium and
# protobuf are linked privately into the shared library (their symbols are local, see
# src/capi/kartla.map), so neither file asks consumers to find them.
include(CMakePackageConfigHelpers)

set(KARTLA_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/kartla)

install(TARGETS kartla EXPORT kartlaTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development)
# Every public header: the umbrellas, the concern headers and the experimental tier.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/kartla DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT development FILES_MATCHING PATTERN "*.h" PATTERN "*.hpp")

# The schemas, for integrators who compile them into their own programs (the library registers
# its copy under a private name, proto/CMakeLists.txt, so both can live in one process).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/proto/kartla DESTINATION ${CMAKE_INSTALL_DATADIR}/kartla/proto
  COMPONENT development FILES_MATCHING PATTERN "*.proto")

install(EXPORT kartlaTargets NAMESPACE kartla:: DESTINATION ${KARTLA_CMAKE_DIR} COMPONENT development)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/kartlaConfig.cmake.in
  ${PROJECT_BINARY_DIR}/kartlaConfig.cmake INSTALL_DESTINATION ${KARTLA_CMAKE_DIR})
# Before 1.0 a minor release may break the ABI (KARTLA_SOVERSION says when), so 0.x only
# matches its own minor version; from 1.0 on, the major version is the promise.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(KARTLA_VERSION_COMPATIBILITY SameMinorVersion)
else()
  set(KARTLA_VERSION_COMPATIBILITY SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/kartlaConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY ${KARTLA_VERSION_COMPATIBILITY})
install(FILES ${PROJECT_BINARY_DIR}/kartlaConfig.cmake ${PROJECT_BINARY_DIR}/kartlaConfigVersion.cmake
  DESTINATION ${KARTLA_CMAKE_DIR} COMPONENT development)

# The .pc file finds its prefix from its own location (${pcfiledir}), so a tree installed with
# `cmake --install --prefix P` or moved afterwards still works; absolute dirs are kept as given.
function(kartla_pc_dir out dir)
  if(IS_ABSOLUTE "${dir}")
    set(${out} "${dir}" PARENT_SCOPE)
  else()
    set(${out} "\${prefix}/${dir}" PARENT_SCOPE)
  endif()
endfunction()
set(KARTLA_PC_DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${KARTLA_PC_DESTINATION}")
  set(KARTLA_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  # One "/.." per path component between the prefix and the .pc file.
  string(REGEX REPLACE "[^/]+" ".." KARTLA_PC_UP "${KARTLA_PC_DESTINATION}")
  set(KARTLA_PC_PREFIX "\${pcfiledir}/${KARTLA_PC_UP}")
endif()
kartla_pc_dir(KARTLA_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
kartla_pc_dir(KARTLA_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
configure_file(${CMAKE_CURRENT_LIST_DIR}/kartla.pc.in ${PROJECT_BINARY_DIR}/kartla.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/kartla.pc DESTINATION ${KARTLA_PC_DESTINATION} COMPONENT development)
