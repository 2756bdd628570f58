// SPDX-License-Identifier: Apache-2.0
package experimental

/*
#define KARTLA_EXPERIMENTAL
#include <kartla/kartla.h>

static void kartla_go_trust_draft_free(void *p) { kartla_trust_draft_free((kartla_trust_draft *)p); }
*/
import "C"

import (
	"runtime"
	"time"
	"unsafe"

	"kartla.example/kartla"
	"kartla.example/kartla/internal/handle"
	"kartla.example/kartla/kartlav1"
)

// CreateTrustRoot creates a trust root's identity (the identity that signs trust lists), as
// kartla.CreateIdentity: the recovery code is returned once.
func CreateTrustRoot(name string, passphrase []byte, opts *kartla.IdentityOptions) (*kartla.Identity, []byte, error) {
	const op = "CreateTrustRoot"
	cname, err := cString(op, "name", name)
	if err != nil {
		return nil, nil, err
	}
	defer freeAll([]*C.char{cname})
	var out *C.kartla_identity
	var code C.kartla_buffer
	err = call(op, func() C.kartla_status {
		return C.kartla_identity_new_trust_root(cname, identityOptions(opts), bytesIn(passphrase), C.size_t(len(passphrase)), &out, &code)
	})
	if err != nil {
		return nil, nil, err
	}
	return handle.NewIdentity(unsafe.Pointer(out)).(*kartla.Identity), takeBytes(&code), nil
}

// TrustDraft is what a trust root is about to sign (kartla_trust_draft). Its calls are
// serialised, so goroutines may share it. Close frees it.
type TrustDraft struct{ h handle.Handle }

func wrapDraft(p *C.kartla_trust_draft) *TrustDraft {
	d := &TrustDraft{}
	d.h.Set(unsafe.Pointer(p), func(p unsafe.Pointer) { C.kartla_go_trust_draft_free(p) })
	runtime.SetFinalizer(d, (*TrustDraft).Close)
	return d
}

// Close frees the draft; closing twice is fine, other calls after Close fail with ErrClosed.
func (d *TrustDraft) Close() error {
	if d != nil && d.h.Close() {
		runtime.SetFinalizer(d, nil)
	}
	return nil
}

func (d *TrustDraft) with(op string, f func(*C.kartla_trust_draft) C.kartla_status) error {
	var h *handle.Handle
	if d != nil {
		h = &d.h
	}
	p := h.AcquireExclusive()
	if p == nil {
		return handle.Closed(op, "TrustDraft")
	}
	defer h.ReleaseExclusive()
	return call(op, func() C.kartla_status { return f((*C.kartla_trust_draft)(p)) })
}

// NewTrustDraft is an empty draft with this sequence number (>= 1).
func NewTrustDraft(sequence uint64) (*TrustDraft, error) {
	var out *C.kartla_trust_draft
	if err := call("NewTrustDraft", func() C.kartla_status { return C.kartla_trust_draft_new(C.uint64_t(sequence), &out) }); err != nil {
		return nil, err
	}
	return wrapDraft(out), nil
}

// NextTrustDraft is the next version of an existing trust-list file: its agencies, sequence + 1.
func NextTrustDraft(trustList []byte) (*TrustDraft, error) {
	var out *C.kartla_trust_draft
	err := call("NextTrustDraft", func() C.kartla_status {
		return C.kartla_trust_draft_next(bytesIn(trustList), C.size_t(len(trustList)), &out)
	})
	if err != nil {
		return nil, err
	}
	return wrapDraft(out), nil
}

// Add lists an agency card with the role the root vouches for, valid from validFrom until
// validUntil (zero: until the list expires).
func (d *TrustDraft) Add(card []byte, role string, validFrom, validUntil time.Time) error {
	const op = "TrustDraft.Add"
	crole, err := cString(op, "role", role)
	if err != nil {
		return err
	}
	defer freeAll([]*C.char{crole})
	return d.with(op, func(p *C.kartla_trust_draft) C.kartla_status {
		return C.kartla_trust_draft_add(p, bytesIn(card), C.size_t(len(card)), crole, unixTime(validFrom), unixTime(validUntil))
	})
}

// Remove takes the agency with this card's keys off the draft; false if it was not on it.
func (d *TrustDraft) Remove(card []byte) (bool, error) {
	var removed C.int
	err := d.with("TrustDraft.Remove", func(p *C.kartla_trust_draft) C.kartla_status {
		return C.kartla_trust_draft_remove(p, bytesIn(card), C.size_t(len(card)), &removed)
	})
	return removed != 0, err
}

// Sequence is the draft's sequence number.
func (d *TrustDraft) Sequence() (uint64, error) {
	var n C.uint64_t
	err := d.with("TrustDraft.Sequence", func(p *C.kartla_trust_draft) C.kartla_status { return C.kartla_trust_draft_sequence(p, &n) })
	return uint64(n), err
}

// SignTrustList is the trust-list file signed by root (a trust root's identity), issued at
// issuedAt (zero = now) and expiring at expiresAt.
func SignTrustList(root *kartla.Identity, draft *TrustDraft, issuedAt, expiresAt time.Time) ([]byte, error) {
	const op = "SignTrustList"
	r, release, err := acquire(op, root)
	if err != nil {
		return nil, err
	}
	defer release()
	var buf C.kartla_buffer
	err = draft.with(op, func(d *C.kartla_trust_draft) C.kartla_status {
		return C.kartla_trust_list_sign((*C.kartla_identity)(r), d, unixTime(issuedAt), unixTime(expiresAt), &buf)
	})
	if err != nil {
		return nil, err
	}
	return takeBytes(&buf), nil
}

// VerifyTrustList verifies a trust-list file at now (zero = now): the root's signature, that the
// root is expectedRootCard's (nil: any root), that its sequence is at least lastSeen (0: none)
// and that it has not expired.
func VerifyTrustList(trustList, expectedRootCard []byte, lastSeen uint64, now time.Time) (*kartlav1.TrustListDescription, error) {
	const op = "VerifyTrustList"
	var buf C.kartla_buffer
	err := call(op, func() C.kartla_status {
		return C.kartla_trust_list_verify(bytesIn(trustList), C.size_t(len(trustList)), bytesIn(expectedRootCard),
			C.size_t(len(expectedRootCard)), C.uint64_t(lastSeen), unixTime(now), C.KARTLA_ENCODING_PROTOBUF, &buf)
	})
	if err != nil {
		return nil, err
	}
	out := new(kartlav1.TrustListDescription)
	return out, takeResult(op, &buf, out)
}
