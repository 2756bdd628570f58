// SPDX-License-Identifier: Apache-2.0
//go:build tools

// The protoc-gen-go that gen-proto.sh builds comes from the google.golang.org/protobuf version
// go.mod pins; this import keeps `go mod tidy` from dropping the package it builds.
package kartla

import _ "google.golang.org/protobuf/cmd/protoc-gen-go"
