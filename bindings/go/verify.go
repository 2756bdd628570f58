// SPDX-License-Identifier: Apache-2.0
package kartla

/*
#include <kartla/kartla.h>

static void kartla_go_verification_free(void *p) { kartla_verification_free((kartla_verification *)p); }
*/
import "C"

import (
	"runtime"
	"unsafe"

	"kartla.example/kartla/internal/handle"
	"kartla.example/kartla/kartlav1"
)

// Verification is a record or bundle verified by anyone, without keys (kartla_verification):
// the owner's signature over the manifest, every entry and grant covered by it, every section
// body's hash. Immutable: goroutines may share it.
type Verification struct{ h handle.Handle }

func wrapVerification(p *C.kartla_verification) *Verification {
	v := &Verification{}
	v.h.Set(unsafe.Pointer(p), func(p unsafe.Pointer) { C.kartla_go_verification_free(p) })
	runtime.SetFinalizer(v, (*Verification).Close)
	return v
}

// Close frees the verification. Closing twice is fine; other calls after Close fail with ErrClosed.
func (v *Verification) Close() error {
	if v != nil && v.h.Close() {
		runtime.SetFinalizer(v, nil)
	}
	return nil
}

// Verify verifies a record or bundle given as bytes.
func Verify(file []byte) (*Verification, error) {
	var out *C.kartla_verification
	err := call("Verify", func() C.kartla_status {
		return C.kartla_verification_open(bytesIn(file), C.size_t(len(file)), &out)
	})
	if err != nil {
		return nil, err
	}
	return wrapVerification(out), nil
}

// VerifyFile verifies a record or bundle file.
func VerifyFile(path string) (*Verification, error) {
	const op = "VerifyFile"
	cpath, err := cString(op, "path", path)
	if err != nil {
		return nil, err
	}
	defer free(cpath)
	var out *C.kartla_verification
	if err := call(op, func() C.kartla_status { return C.kartla_verification_open_file(cpath, &out) }); err != nil {
		return nil, err
	}
	return wrapVerification(out), nil
}

func (v *Verification) with(op string, f func(*C.kartla_verification) C.kartla_status) error {
	var h *handle.Handle
	if v != nil {
		h = &v.h
	}
	p := (*C.kartla_verification)(h.Acquire())
	if p == nil {
		return closedError(op, "Verification")
	}
	defer h.Release()
	return call(op, func() C.kartla_status { return f(p) })
}

func (v *Verification) text(op string, f func(*C.kartla_verification, *C.kartla_buffer) C.kartla_status) (string, error) {
	var buf C.kartla_buffer
	if err := v.with(op, func(p *C.kartla_verification) C.kartla_status { return f(p, &buf) }); err != nil {
		return "", err
	}
	return takeString(&buf), nil
}

// Sequence is the verified copy's version number.
func (v *Verification) Sequence() (uint64, error) {
	var n C.uint64_t
	err := v.with("Verification.Sequence", func(p *C.kartla_verification) C.kartla_status {
		return C.kartla_verification_sequence(p, &n)
	})
	return uint64(n), err
}

// RecordID is the record id (32 hex digits).
func (v *Verification) RecordID() (string, error) {
	return v.text("Verification.RecordID", func(p *C.kartla_verification, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_verification_record_id(p, b)
	})
}

// OwnerFingerprint is the owner's fingerprint.
func (v *Verification) OwnerFingerprint() (string, error) {
	return v.text("Verification.OwnerFingerprint", func(p *C.kartla_verification, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_verification_owner_fingerprint(p, b)
	})
}

// PreviousHash is the previous manifest's hash (64 hex digits; "" for the first version).
func (v *Verification) PreviousHash() (string, error) {
	return v.text("Verification.PreviousHash", func(p *C.kartla_verification, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_verification_previous_hash(p, b)
	})
}

// Report is the whole verification report (docs/SPEC.md §8).
func (v *Verification) Report() (*kartlav1.VerificationReport, error) {
	const op = "Verification.Report"
	var buf C.kartla_buffer
	err := v.with(op, func(p *C.kartla_verification) C.kartla_status {
		return C.kartla_verification_report(p, C.KARTLA_ENCODING_PROTOBUF, &buf)
	})
	if err != nil {
		return nil, err
	}
	out := new(kartlav1.VerificationReport)
	return out, takeResult(op, &buf, out)
}

// CheckLastSeen fails with ErrRollback if the verified copy is older than lastSeen.
func (v *Verification) CheckLastSeen(lastSeen uint64) error {
	return v.with("Verification.CheckLastSeen", func(p *C.kartla_verification) C.kartla_status {
		return C.kartla_verification_check_last_seen(p, C.uint64_t(lastSeen))
	})
}
