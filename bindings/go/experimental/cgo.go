// SPDX-License-Identifier: Apache-2.0
// Package experimental binds Kartla's experimental tier (include/kartla/experimental/*.h):
// attestations and provenance, trust roots and trust lists, contributions, receipts, and the
// views a person reads. These functions may change or go in any release of the library, and of
// this package with it (docs/API-STABILITY.md); importing this package is the Go spelling of
// defining KARTLA_EXPERIMENTAL.
//
// The conventions are package kartla's: *kartla.Error for every failure, []byte in and out,
// typed kartlav1 results, time.Time with the zero time for the C 0.
package experimental

/*
#cgo pkg-config: kartla
#define KARTLA_EXPERIMENTAL
#include <stdlib.h>
#include <kartla/kartla.h>
*/
import "C"

import (
	"runtime"
	"strings"
	"time"
	"unsafe"

	"google.golang.org/protobuf/proto"

	"kartla.example/kartla"
	"kartla.example/kartla/internal/handle"
)

// call: the C call and its kartla_last_error on one OS thread (kartla/common.h, "Errors and
// threads"); see package kartla.
func call(op string, f func() C.kartla_status) error {
	runtime.LockOSThread()
	s := f()
	if s == C.KARTLA_OK {
		runtime.UnlockOSThread()
		return nil
	}
	msg := C.GoString(C.kartla_last_error())
	runtime.UnlockOSThread()
	return &kartla.Error{Op: op, Status: kartla.Status(s), Message: msg}
}

func bytesIn(b []byte) *C.uint8_t {
	if len(b) == 0 {
		return nil
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.SliceData(b)))
}

func stringIn(s string) *C.uint8_t {
	if len(s) == 0 {
		return nil
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.StringData(s)))
}

// cString copies s to C memory (free it), refusing a NUL byte C would take for the end.
func cString(op, what, s string) (*C.char, error) {
	if strings.IndexByte(s, 0) >= 0 {
		return nil, &kartla.Error{Op: op, Status: kartla.StatusInvalidArgument, Message: what + " contains a NUL byte"}
	}
	return C.CString(s), nil
}

// cStrings is cString for several values at once; free them all with freeAll.
func cStrings(op string, pairs ...string) ([]*C.char, error) {
	out := make([]*C.char, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		p, err := cString(op, pairs[i], pairs[i+1])
		if err != nil {
			freeAll(out)
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func freeAll(ps []*C.char) {
	for _, p := range ps {
		C.free(unsafe.Pointer(p))
	}
}

func takeBytes(b *C.kartla_buffer) []byte {
	defer C.kartla_buffer_free(b)
	out := make([]byte, int(b.len))
	copy(out, unsafe.Slice((*byte)(unsafe.Pointer(b.data)), int(b.len)))
	return out
}

func takeString(b *C.kartla_buffer) string {
	defer C.kartla_buffer_free(b)
	return string(unsafe.Slice((*byte)(unsafe.Pointer(b.data)), int(b.len)))
}

// takeResult parses a KARTLA_ENCODING_PROTOBUF result into m and frees the buffer.
func takeResult(op string, b *C.kartla_buffer, m proto.Message) error {
	defer C.kartla_buffer_free(b)
	if err := proto.Unmarshal(unsafe.Slice((*byte)(unsafe.Pointer(b.data)), int(b.len)), m); err != nil {
		return &kartla.Error{Op: op, Status: kartla.StatusInternal, Message: "the library's result does not parse: " + err.Error()}
	}
	return nil
}

func unixTime(t time.Time) C.int64_t {
	if t.IsZero() {
		return 0
	}
	return C.int64_t(t.Unix())
}

// acquire is the C pointer of a *kartla.Identity, *kartla.Record or *kartla.Share under its
// lock (a record's exclusive: the C header allows it one thread at a time), and its release.
func acquire(op string, v any) (unsafe.Pointer, func(), error) {
	h, kind := handle.Of(v)
	if kind == "Record" {
		if p := h.AcquireExclusive(); p != nil {
			return p, h.ReleaseExclusive, nil
		}
	} else if p := h.Acquire(); p != nil {
		return p, h.Release, nil
	}
	return nil, nil, handle.Closed(op, kind)
}

func identityOptions(o *kartla.IdentityOptions) *C.kartla_identity_options {
	if o == nil {
		return nil
	}
	var c C.kartla_identity_options
	C.kartla_identity_options_init(&c)
	c.kdf_opslimit = C.uint32_t(o.KDFOpsLimit)
	c.kdf_memlimit_mib = C.uint32_t(o.KDFMemLimitMiB)
	c.created_at = unixTime(o.CreatedAt)
	return &c
}
