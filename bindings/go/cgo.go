// SPDX-License-Identifier: Apache-2.0
package kartla

/*
#cgo pkg-config: kartla
#include <stdlib.h>
#include <kartla/kartla.h>
*/
import "C"

import (
	"runtime"
	"strings"
	"time"
	"unsafe"
)

// call runs one C function and, when it fails, reads kartla_last_error on the same OS thread
// before anything else can run there: the message is per OS thread and valid only until that
// thread's next Kartla call, and the Go scheduler may otherwise move this goroutine to another
// thread, or run another goroutine's Kartla call on this one, in between (kartla/common.h,
// "Errors and threads").
func call(op string, f func() C.kartla_status) error {
	runtime.LockOSThread()
	s := f()
	if s == C.KARTLA_OK {
		runtime.UnlockOSThread()
		return nil
	}
	msg := C.GoString(C.kartla_last_error())
	runtime.UnlockOSThread()
	return &Error{Op: op, Status: Status(s), Message: msg}
}

// bytesIn is the pointer half of a (const uint8_t *, size_t) input. Go memory may be passed to C
// for the length of a call (it holds no Go pointers); the library keeps no pointer to it.
func bytesIn(b []byte) *C.uint8_t {
	if len(b) == 0 {
		return nil // any pointer is fine with length 0 (house rules)
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.SliceData(b)))
}

// stringIn is bytesIn for text given as a Go string (JSON), without copying it.
func stringIn(s string) *C.uint8_t {
	if len(s) == 0 {
		return nil
	}
	return (*C.uint8_t)(unsafe.Pointer(unsafe.StringData(s)))
}

// cString is a NUL-terminated copy of s in C memory, freed by the caller. A Go string may hold a
// NUL byte, which C would take for its end: "languages\x00x" must not quietly mean "languages",
// so it is refused as C refuses what it cannot read.
func cString(op, what, s string) (*C.char, error) {
	if strings.IndexByte(s, 0) >= 0 {
		return nil, misuse(op, what+" contains a NUL byte")
	}
	return C.CString(s), nil
}

func free(p *C.char) {
	if p != nil {
		C.free(unsafe.Pointer(p))
	}
}

// sectionNames maps each section name to the library's own static copy (kartla_section_name),
// so naming a section costs no allocation. Other names are copied, and the library refuses them.
var sectionNames = func() map[string]*C.char {
	m := make(map[string]*C.char)
	for i := C.size_t(0); i < C.kartla_section_count(); i++ {
		p := C.kartla_section_name(i)
		m[C.GoString(p)] = p
	}
	return m
}()

// sectionIn is a section name for C and whether the caller must free it.
func sectionIn(op, name string) (*C.char, bool, error) {
	if p, ok := sectionNames[name]; ok {
		return p, false, nil
	}
	p, err := cString(op, "section name", name)
	return p, err == nil, err
}

// takeBytes copies a library buffer into Go memory and frees (wipes) the library's copy.
func takeBytes(b *C.kartla_buffer) []byte {
	defer C.kartla_buffer_free(b)
	if b.len == 0 {
		return []byte{}
	}
	out := make([]byte, int(b.len))
	copy(out, unsafe.Slice((*byte)(unsafe.Pointer(b.data)), int(b.len)))
	return out
}

// takeString is takeBytes for text.
func takeString(b *C.kartla_buffer) string {
	defer C.kartla_buffer_free(b)
	if b.len == 0 {
		return ""
	}
	return string(unsafe.Slice((*byte)(unsafe.Pointer(b.data)), int(b.len)))
}

// unixTime is a time for C: Unix seconds, with the zero time.Time as 0, which the library reads
// as "now" or "none" as each function says.
func unixTime(t time.Time) C.int64_t {
	if t.IsZero() {
		return 0
	}
	return C.int64_t(t.Unix())
}

func boolOf(i C.int) bool { return i != 0 }
