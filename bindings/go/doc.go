// SPDX-License-Identifier: Apache-2.0
// Package kartla is the Go binding of Kartla's C ABI (include/kartla/kartla.h, the stable
// tier): a participant-owned, encrypted and signed competence-mapping record, its owner's and
// agencies' identities, sharing, and verification without keys. The experimental tier
// (attestations, trust lists, contributions, receipts, views) is package
// kartla.example/kartla/experimental: importing it is the decision KARTLA_EXPERIMENTAL is in C.
//
// Handles (Identity, Record, Share, Verification) have Close; a call after Close fails with
// ErrClosed, never touching freed memory. Every failure is an *Error with the library's status
// and message; compare with errors.Is(err, kartla.ErrNotShared) and the other Err* values.
// Section content is []byte (protobuf) or string (JSON) or a typed message of package kartlav1;
// structured results are kartlav1 messages. Times are time.Time; the zero time means "now" or
// "none" where the C function says 0 does.
//
// The README says how to build against the library (pkg-config), what memory can be wiped, and
// how each handle may be shared between goroutines.
package kartla

import (
	"unsafe"

	"kartla.example/kartla/internal/handle"
)

func init() {
	handle.Of = func(v any) (*handle.Handle, string) {
		switch x := v.(type) {
		case *Identity:
			return x.handle(), "Identity"
		case *Record:
			return x.handle(), "Record"
		case *Share:
			return x.handle(), "Share"
		}
		return nil, "handle"
	}
	handle.NewIdentity = func(p unsafe.Pointer) any { return wrapIdentity((*cIdentity)(p)) }
	handle.Closed = func(op, kind string) error { return closedError(op, kind) }
}
