// SPDX-License-Identifier: Apache-2.0
package kartla

/*
#include <kartla/kartla.h>
*/
import "C"

import (
	"strings"
)

// Status is a kartla_status code (include/kartla/common.h). The values never change; a newer
// library may add codes, which String names "UNKNOWN" until this binding knows them.
type Status int32

// The status codes of kartla/common.h.
const (
	StatusOK              Status = C.KARTLA_OK
	StatusInvalidArgument Status = C.KARTLA_E_INVALID_ARGUMENT // misuse: nil, bad length, unknown section, closed handle
	StatusFormat          Status = C.KARTLA_E_FORMAT           // malformed, truncated, trailing data
	StatusLimit           Status = C.KARTLA_E_LIMIT            // larger than a documented limit
	StatusVersion         Status = C.KARTLA_E_VERSION          // a format version this library does not read
	StatusSignature       Status = C.KARTLA_E_SIGNATURE        // a signature does not verify
	StatusIntegrity       Status = C.KARTLA_E_INTEGRITY        // a section failed authentication
	StatusAuth            Status = C.KARTLA_E_AUTH             // wrong passphrase or code, or not this identity's
	StatusNotShared       Status = C.KARTLA_E_NOT_SHARED       // this reader holds no grant for the section
	StatusExpired         Status = C.KARTLA_E_EXPIRED          // past its validity
	StatusRollback        Status = C.KARTLA_E_ROLLBACK         // an older copy than one already seen
	StatusNotFound        Status = C.KARTLA_E_NOT_FOUND        // the section is not in the record
	StatusSchema          Status = C.KARTLA_E_SCHEMA           // content breaks the section's schema or rules
	StatusIO              Status = C.KARTLA_E_IO               // the operating system refused a read or write
	StatusBusy            Status = C.KARTLA_E_BUSY             // another program is saving the record
	StatusNoMemory        Status = C.KARTLA_E_NO_MEMORY
	StatusCrypto          Status = C.KARTLA_E_CRYPTO   // libsodium could not be initialised
	StatusInternal        Status = C.KARTLA_E_INTERNAL // a bug in Kartla
)

// String is the status's name without the prefix, as kartla_status_name gives it ("E_FORMAT").
func (s Status) String() string {
	return C.GoString(C.kartla_status_name(C.kartla_status(s)))
}

// Error is every failure this package returns: the status the library (or, for misuse caught in
// Go, this binding) decided on, and the message that explains it. Decide on Status, with
// errors.Is against the Err* values, never on Message: its wording may change in any release.
type Error struct {
	Op      string // the function that failed, e.g. "Share.Section"
	Status  Status
	Message string // kartla_last_error() of the failing call, read on its OS thread

	closed   bool // the handle was closed (ErrClosed)
	sentinel bool // one of the Err* values below
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("kartla: ")
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	b.WriteString(e.Status.String())
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	return b.String()
}

// Is makes errors.Is(err, kartla.ErrNotShared) true for every *Error of that status, and
// errors.Is(err, kartla.ErrClosed) for a call on a closed handle.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	if !ok || !t.sentinel {
		return false
	}
	if t.closed {
		return e.closed
	}
	return t.Status == e.Status
}

func sentinel(s Status) *Error { return &Error{Status: s, sentinel: true} }

// One value per status, for errors.Is.
var (
	ErrInvalidArgument = sentinel(StatusInvalidArgument)
	ErrFormat          = sentinel(StatusFormat)
	ErrLimit           = sentinel(StatusLimit)
	ErrVersion         = sentinel(StatusVersion)
	ErrSignature       = sentinel(StatusSignature)
	ErrIntegrity       = sentinel(StatusIntegrity)
	ErrAuth            = sentinel(StatusAuth)
	ErrNotShared       = sentinel(StatusNotShared)
	ErrExpired         = sentinel(StatusExpired)
	ErrRollback        = sentinel(StatusRollback)
	ErrNotFound        = sentinel(StatusNotFound)
	ErrSchema          = sentinel(StatusSchema)
	ErrIO              = sentinel(StatusIO)
	ErrBusy            = sentinel(StatusBusy)
	ErrNoMemory        = sentinel(StatusNoMemory)
	ErrCrypto          = sentinel(StatusCrypto)
	ErrInternal        = sentinel(StatusInternal)

	// ErrClosed: a call on a handle after its Close (or on a nil handle). Such an error also has
	// status StatusInvalidArgument, as the C ABI gives for a NULL handle, so it matches
	// ErrInvalidArgument too.
	ErrClosed = &Error{Status: StatusInvalidArgument, Message: "use of a closed handle", closed: true, sentinel: true}
)

func closedError(op, kind string) *Error {
	return &Error{Op: op, Status: StatusInvalidArgument, Message: kind + " is closed or nil", closed: true}
}

// misuse is an argument this binding refuses before calling C, as C would refuse it.
func misuse(op, message string) *Error {
	return &Error{Op: op, Status: StatusInvalidArgument, Message: message}
}
