#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Writes kartlav1/*.pb.go, the Go types of the public schemas (proto/kartla/v1, package
# kartla.v1), with protoc and the protoc-gen-go of the google.golang.org/protobuf version that
# go.mod pins (built from the module cache, so the generator and the runtime always match).
#
#   bash gen-proto.sh [OUT_DIR]     (default: kartlav1; `go generate ./...` runs it)
#
# The container schemas (package kartla.v1.container) are the library's own and are left out,
# as the C++ public copy leaves them out (proto/CMakeLists.txt). The .proto files carry no
# go_package option (they are shared by every language), so the import path is given here.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=${1:-$here/kartlav1}
module=kartla.example/kartla
package=$module/kartlav1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$here" && go build -o "$tmp/protoc-gen-go" google.golang.org/protobuf/cmd/protoc-gen-go)

files=()
maps=()
for f in "$repo"/proto/kartla/v1/*.proto; do
  grep -q '^package kartla\.v1;' "$f" || continue
  rel=kartla/v1/$(basename "$f")
  files+=("$rel")
  maps+=("--go_opt=M$rel=$package")
done
mkdir -p "$tmp/gen"
protoc --plugin=protoc-gen-go="$tmp/protoc-gen-go" -I "$repo/proto" \
  --go_out="$tmp/gen" --go_opt=module="$module" "${maps[@]}" "${files[@]}"

mkdir -p "$out"
rm -f "$out"/*.pb.go
cp "$tmp"/gen/kartlav1/*.pb.go "$out"/
