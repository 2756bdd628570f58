#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the current build into a fresh prefix and builds the examples against that installed
# copy only, twice: as a CMake project with find_package(kartla), and with a bare compiler line
# from pkg-config. Any missing, stale or leaky install rule fails here, not at an integrator's.
#
# Configured by the environment (tests/install/CMakeLists.txt sets it):
#   KARTLA_BUILD_DIR KARTLA_SOURCE_DIR KARTLA_LIBDIR KARTLA_VERSION KARTLA_SOVERSION
#   KARTLA_CC KARTLA_CXX KARTLA_CMAKE KARTLA_SANITIZE (may be empty)
set -euo pipefail

work=$(mktemp -d "${TMPDIR:-/tmp}/kartla-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
libdir=$prefix/$KARTLA_LIBDIR
examples=$KARTLA_SOURCE_DIR/examples/c

step() { printf '\n== %s\n' "$*"; }
fail() { echo "install test: $*" >&2; exit 1; }

# An instrumented libkartla.so needs its consumers linked against the same sanitizer runtime.
san_flags=()
if [ -n "$KARTLA_SANITIZE" ]; then
  san_flags=("-fsanitize=$KARTLA_SANITIZE" -fno-omit-frame-pointer)
fi

step "cmake --install into $prefix"
"$KARTLA_CMAKE" --install "$KARTLA_BUILD_DIR" --prefix "$prefix"

step "installed layout"
for f in include/kartla/kartla.h include/kartla/kartla.hpp \
  "$KARTLA_LIBDIR/libkartla.so" "$KARTLA_LIBDIR/libkartla.so.$KARTLA_SOVERSION" \
  "$KARTLA_LIBDIR/pkgconfig/kartla.pc" \
  "$KARTLA_LIBDIR/cmake/kartla/kartlaConfig.cmake" "$KARTLA_LIBDIR/cmake/kartla/kartlaConfigVersion.cmake" \
  "$KARTLA_LIBDIR/cmake/kartla/kartlaTargets.cmake"; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
  echo "present: $f"
done
# Every public header, each tier, exactly as in the source tree (and nothing else).
(cd "$KARTLA_SOURCE_DIR/include" && find kartla -type f | sort) >"$work/headers.source"
(cd "$prefix/include" && find kartla -type f | sort) >"$work/headers.installed"
cmp -s "$work/headers.source" "$work/headers.installed" || fail "installed headers differ: $(diff "$work/headers.source" "$work/headers.installed" | tr '\n' ' ')"
while read -r h; do
  cmp -s "$KARTLA_SOURCE_DIR/include/$h" "$prefix/include/$h" || fail "installed $h differs from the source"
done <"$work/headers.source"
echo "headers: $(wc -l <"$work/headers.source") installed as in the source"
soname=$(readelf -d "$libdir/libkartla.so" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
[ "$soname" = "libkartla.so.$KARTLA_SOVERSION" ] || fail "SONAME is '$soname', expected libkartla.so.$KARTLA_SOVERSION"
echo "SONAME: $soname"

# What a consumer links must be libkartla alone: libsodium and protobuf are the library's own.
# Consumers link with --no-as-needed (Debian's default drops unused libraries), so NEEDED shows
# everything the package files asked for.
check_needed() {
  local needed
  needed=$(readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\].*/\1/p')
  echo "NEEDED by $(basename "$1"): $(echo $needed)"
  echo "$needed" | grep -qx "libkartla.so.$KARTLA_SOVERSION" || fail "$1 does not link libkartla.so.$KARTLA_SOVERSION"
  if echo "$needed" | grep -Eq 'sodium|protobuf'; then fail "$1 was made to link libsodium or protobuf"; fi
}
# ... and at run time it must be the installed library that gets loaded, not the build tree's.
check_loads_installed() {
  local resolved
  resolved=$(LD_LIBRARY_PATH=$libdir ldd "$1" | awk '$1 ~ /^libkartla\.so/ {print $3}')
  [ "$(readlink -f "$resolved")" = "$(readlink -f "$libdir/libkartla.so.$KARTLA_SOVERSION")" ] ||
    fail "$1 loads libkartla from '$resolved', not from the prefix"
}

# Every example is run by its own checker, examples/c/check_NAME.sh EXECUTABLE, as in-tree.
names=()
for source in "$examples"/*.c; do names+=("$(basename "$source" .c)"); done
[ -e "$examples/${names[0]}.c" ] || fail "no C examples in $examples"
for name in "${names[@]}"; do
  [ -f "$examples/check_$name.sh" ] || fail "examples/c/$name.c has no checker examples/c/check_$name.sh"
done
run_example() {  # run_example EXECUTABLE NAME
  check_needed "$1"
  check_loads_installed "$1"
  LD_LIBRARY_PATH=$libdir sh "$examples/check_$2.sh" "$1"
}

step "CMake consumer: find_package(kartla $KARTLA_VERSION EXACT)"
"$KARTLA_CMAKE" -S "$KARTLA_SOURCE_DIR/tests/install/consumer" -B "$work/cmake-consumer" \
  -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_C_COMPILER="$KARTLA_CC" -DCMAKE_CXX_COMPILER="$KARTLA_CXX" \
  -DCMAKE_C_FLAGS="${san_flags[*]}" -DCMAKE_CXX_FLAGS="${san_flags[*]}" \
  -DCMAKE_EXE_LINKER_FLAGS=-Wl,--no-as-needed -DCMAKE_PREFIX_PATH="$prefix" \
  -DKARTLA_EXAMPLES_DIR="$KARTLA_SOURCE_DIR/examples" -DKARTLA_EXPECTED_VERSION="$KARTLA_VERSION"
found=$(sed -n 's/^kartla_DIR:PATH=//p' "$work/cmake-consumer/CMakeCache.txt")
[ "$(readlink -f "$found")" = "$(readlink -f "$libdir/cmake/kartla")" ] || fail "find_package used '$found'"
"$KARTLA_CMAKE" --build "$work/cmake-consumer"
check_needed "$work/cmake-consumer/hpp_smoke"
LD_LIBRARY_PATH=$libdir "$work/cmake-consumer/hpp_smoke"
step "a program with its own copy of the schemas, next to libkartla.so"
check_loads_installed "$work/cmake-consumer/proto_consumer"
LD_LIBRARY_PATH=$libdir "$work/cmake-consumer/proto_consumer"
for name in "${names[@]}"; do
  step "find_package build of $name"
  run_example "$work/cmake-consumer/$name" "$name"
done

step "pkg-config consumer: cc \$(pkg-config --cflags --libs kartla)"
export PKG_CONFIG_PATH=$libdir/pkgconfig
[ "$(pkg-config --modversion kartla)" = "$KARTLA_VERSION" ] || fail "pkg-config reports $(pkg-config --modversion kartla)"
[ -z "$(pkg-config --print-requires kartla)$(pkg-config --print-requires-private kartla)" ] ||
  fail "kartla.pc requires other packages"
for mode in "" --static; do
  [ "$(echo $(pkg-config $mode --libs-only-l kartla))" = "-lkartla" ] ||
    fail "pkg-config $mode --libs-only-l kartla gives '$(pkg-config $mode --libs-only-l kartla)', expected -lkartla"
done
echo "pkg-config: $(pkg-config --cflags --libs kartla)"
for name in "${names[@]}"; do
  step "pkg-config build of $name"
  # shellcheck disable=SC2046  # pkg-config output is a list of words on purpose
  "$KARTLA_CC" -std=c99 -Wall -Wextra -pedantic -Werror "${san_flags[@]}" "$examples/$name.c" \
    -Wl,--no-as-needed $(pkg-config --cflags --libs kartla) -o "$work/pc-$name"
  run_example "$work/pc-$name" "$name"
done

step "installed CLI finds the installed library by itself (RUNPATH)"
[ -x "$prefix/bin/kartla" ] || fail "bin/kartla is not installed"
env -u LD_LIBRARY_PATH "$prefix/bin/kartla" --version

step "the manual page, shell completions and schemas are installed"
for f in share/man/man1/kartla.1 share/bash-completion/completions/kartla share/zsh/site-functions/_kartla \
         share/kartla/proto/kartla/v1/results.proto; do
  [ -s "$prefix/$f" ] || fail "$f is not installed"
done
grep -q '^\.TH KARTLA 1' "$prefix/share/man/man1/kartla.1" || fail "kartla.1 is not a manual page"

echo
echo "install test: all checks passed"
