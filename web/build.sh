#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the participant's web app (web/README.md) into build/web/app: a folder of static files
# (HTML, CSS, JavaScript with the WebAssembly inside it) that opens from a USB stick by file path,
# with no server and no network.
#
#   bash web/build.sh
#
# 1. libsodium and libprotobuf for WebAssembly, from Debian's source packages, once per version
#    (web/tools/build-wasm-deps, into build/deps);
# 2. the repository's C++ core (src/ and the C ABI) with emscripten: web/CMakeLists.txt, in
#    build/web/wasm, through ccache when it is installed;
# 3. build/web/lib: kartla.js and the JavaScript API (web/src/kartla-api.js), for Node;
# 4. build/web/app, the page: web/app/*, the message catalogues (web/i18n/*.po, compiled by
#    web/tools/compile-catalogue.js) and the worker with the core inside (worker-bundle.js).
# Prints the app folder's size. KARTLA_JOBS sets the parallelism (default: nproc).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=${KARTLA_JOBS:-$(nproc)}
source "$repo/web/tools/emsdk-env"

mapfile -t prefixes < <(bash "$repo/web/tools/build-wasm-deps" "$repo/build/deps")
sodium=${prefixes[0]}
protobuf=${prefixes[1]}

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
wasm=$repo/build/web/wasm
# protoc is the native one of the same protobuf release (the generated code checks the version).
# pkg-config sees only the WebAssembly libsodium, never the machine's.
PKG_CONFIG_LIBDIR=$sodium/lib/pkgconfig PKG_CONFIG_PATH= emcmake cmake -S "$repo/web" -B "$wasm" -DCMAKE_BUILD_TYPE=Release \
  -DKARTLA_WERROR=ON -DKARTLA_SANITIZE= "${launcher[@]}" \
  "-DCMAKE_FIND_ROOT_PATH=$sodium;$protobuf" \
  -DProtobuf_INCLUDE_DIR="$protobuf/include" -DProtobuf_LIBRARY="$protobuf/lib/libprotobuf.a" \
  -DProtobuf_PROTOC_EXECUTABLE="$(command -v protoc)"
cmake --build "$wasm" -j"$jobs" --target kartla_wasm

# The core and its JavaScript API, as Node loads them (web/test).
lib=$repo/build/web/lib
mkdir -p "$lib"
cp "$wasm/out/kartla.js" "$repo/web/src/kartla-api.js" "$lib/"

app=$repo/build/web/app
rm -rf "$app"
mkdir -p "$app"
bash "$repo/web/tools/assemble-app" "$lib" "$app"
echo "web app: $app ($(du -sh "$app" | cut -f1); the core alone, kartla.js: $(du -h "$lib/kartla.js" | cut -f1))"
