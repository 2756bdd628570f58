// SPDX-License-Identifier: Apache-2.0
// Package handle keeps one C handle for the Go types of package kartla and its experimental
// tier: the pointer, whether it was closed, and the lock that keeps Close from freeing it while a
// call is still using it. It has no cgo of its own: the pointer is unsafe.Pointer, and each
// package converts it to its own C type.
package handle

import (
	"sync"
	"unsafe"
)

// Handle is one C handle. The zero value is a closed handle.
//
// Calls that the C header allows on several threads at once take the read lock (Acquire);
// calls it allows on one thread only, and Close, take the write lock (AcquireExclusive). So a
// Go program may share any handle between goroutines: what C forbids is serialised, and a Close
// waits for the calls in flight and makes every later call fail cleanly instead of touching
// freed memory.
type Handle struct {
	mu   sync.RWMutex
	ptr  unsafe.Pointer
	free func(unsafe.Pointer)
}

// Set makes h own ptr, released with free on Close.
func (h *Handle) Set(ptr unsafe.Pointer, free func(unsafe.Pointer)) {
	h.mu.Lock()
	h.ptr, h.free = ptr, free
	h.mu.Unlock()
}

// Acquire returns the pointer under the read lock, or nil (and no lock held) if h is nil or
// closed. Every non-nil result must be paired with Release.
func (h *Handle) Acquire() unsafe.Pointer {
	if h == nil {
		return nil
	}
	h.mu.RLock()
	if h.ptr == nil {
		h.mu.RUnlock()
		return nil
	}
	return h.ptr
}

// Release ends an Acquire.
func (h *Handle) Release() { h.mu.RUnlock() }

// AcquireExclusive is Acquire under the write lock; pair it with ReleaseExclusive.
func (h *Handle) AcquireExclusive() unsafe.Pointer {
	if h == nil {
		return nil
	}
	h.mu.Lock()
	if h.ptr == nil {
		h.mu.Unlock()
		return nil
	}
	return h.ptr
}

// ReleaseExclusive ends an AcquireExclusive.
func (h *Handle) ReleaseExclusive() { h.mu.Unlock() }

// Close frees the C object once; later calls do nothing. It reports whether this call freed it.
func (h *Handle) Close() bool {
	if h == nil {
		return false
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.ptr == nil {
		return false
	}
	h.free(h.ptr)
	h.ptr, h.free = nil, nil
	return true
}

// Hooks through which package experimental reaches the handles inside package kartla's types
// without those types exporting them. Package kartla sets them in its init.
var (
	// Of returns the handle inside a *kartla.Identity, *kartla.Record or *kartla.Share (nil for
	// a nil pointer or another type) and the type's name for messages.
	Of func(v any) (*Handle, string)
	// NewIdentity wraps a kartla_identity pointer the caller owns in a *kartla.Identity.
	NewIdentity func(ptr unsafe.Pointer) any
	// Closed is the error of a call on a closed or nil handle (errors.Is(err, kartla.ErrClosed)).
	Closed func(op, kind string) error
)
