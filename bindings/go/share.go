// SPDX-License-Identifier: Apache-2.0
package kartla

/*
#include <kartla/kartla.h>

static void kartla_go_share_free(void *p) { kartla_share_free((kartla_share *)p); }
*/
import "C"

import (
	"runtime"
	"sync"
	"time"
	"unsafe"

	"google.golang.org/protobuf/proto"

	"kartla.example/kartla/internal/handle"
	"kartla.example/kartla/kartlav1"
)

// Share is the agency's side of a share bundle or a record file (kartla_share): only the
// sections granted to the agency can be read, each checked against the owner's signature, its
// hash, the key commitment and the grant's expiry.
//
// A Share is immutable once opened and may be used by many goroutines at once. Close frees it
// (and the open file); a finalizer frees a forgotten Share only when the garbage collector gets
// to it.
type Share struct {
	h handle.Handle
	// The capacity each section needs (its padded length), learnt on its first read: a share is
	// immutable, so later reads make one C call instead of two.
	capacity sync.Map // section name -> C.size_t
}

func wrapShare(p *C.kartla_share) *Share {
	s := &Share{}
	s.h.Set(unsafe.Pointer(p), func(p unsafe.Pointer) { C.kartla_go_share_free(p) })
	runtime.SetFinalizer(s, (*Share).Close)
	return s
}

func (s *Share) handle() *handle.Handle {
	if s == nil {
		return nil
	}
	return &s.h
}

// Close frees the share. Closing twice is fine; any other call after Close fails with ErrClosed.
func (s *Share) Close() error {
	if s != nil && s.h.Close() {
		runtime.SetFinalizer(s, nil)
	}
	return nil
}

// OpenShareFile opens a share bundle or a record file as agency.
func OpenShareFile(path string, agency *Identity) (*Share, error) {
	const op = "OpenShareFile"
	cpath, err := cString(op, "path", path)
	if err != nil {
		return nil, err
	}
	defer free(cpath)
	a := agency.acquire()
	if a == nil {
		return nil, closedError(op, "Identity")
	}
	defer agency.h.Release()
	var out *C.kartla_share
	if err := call(op, func() C.kartla_status { return C.kartla_share_open_file(cpath, a, &out) }); err != nil {
		return nil, err
	}
	return wrapShare(out), nil
}

// OpenShare is OpenShareFile from bytes.
func OpenShare(file []byte, agency *Identity) (*Share, error) {
	const op = "OpenShare"
	a := agency.acquire()
	if a == nil {
		return nil, closedError(op, "Identity")
	}
	defer agency.h.Release()
	var out *C.kartla_share
	err := call(op, func() C.kartla_status {
		return C.kartla_share_open(bytesIn(file), C.size_t(len(file)), a, &out)
	})
	if err != nil {
		return nil, err
	}
	return wrapShare(out), nil
}

// withSection runs f on the share and a section name, under the share's read lock.
func (s *Share) withSection(op, section string, f func(*C.kartla_share, *C.char) error) error {
	name, owned, err := sectionIn(op, section)
	if err != nil {
		return err
	}
	if owned {
		defer free(name)
	}
	p := (*C.kartla_share)(s.handle().Acquire())
	if p == nil {
		return closedError(op, "Share")
	}
	defer s.h.Release()
	return f(p, name)
}

// Section is a granted section's content as protobuf bytes, checked at time at (zero = now).
// ErrNotShared if no grant of this agency covers it in this file, ErrExpired if the grants that
// do have expired, ErrIntegrity if it fails authentication. The plaintext is decrypted straight
// into the returned slice (kartla_share_section_into), which the caller may wipe with clear().
func (s *Share) Section(section string, at time.Time) ([]byte, error) {
	const op = "Share.Section"
	var out []byte
	err := s.withSection(op, section, func(p *C.kartla_share, name *C.char) error {
		var size C.size_t
		if known, ok := s.capacity.Load(section); ok {
			size = known.(C.size_t)
		} else {
			if err := call(op, func() C.kartla_status { return C.kartla_share_section_size(p, name, unixTime(at), &size) }); err != nil {
				return err
			}
			s.capacity.Store(section, size)
		}
		buf := make([]byte, int(size))
		var n C.size_t
		if err := call(op, func() C.kartla_status {
			return C.kartla_share_section_into(p, name, unixTime(at), bytesIn(buf), size, &n)
		}); err != nil {
			return err
		}
		out = buf[:int(n):int(n)]
		return nil
	})
	return out, err
}

// SectionJSON is Section as protobuf JSON. A Go string cannot be wiped.
func (s *Share) SectionJSON(section string, at time.Time) (string, error) {
	const op = "Share.SectionJSON"
	var buf C.kartla_buffer
	err := s.withSection(op, section, func(p *C.kartla_share, name *C.char) error {
		return call(op, func() C.kartla_status { return C.kartla_share_section_json(p, name, unixTime(at), &buf) })
	})
	if err != nil {
		return "", err
	}
	return takeString(&buf), nil
}

// SectionSize is the capacity SectionInto needs: the section's padded length.
func (s *Share) SectionSize(section string, at time.Time) (int, error) {
	const op = "Share.SectionSize"
	var size C.size_t
	err := s.withSection(op, section, func(p *C.kartla_share, name *C.char) error {
		return call(op, func() C.kartla_status { return C.kartla_share_section_size(p, name, unixTime(at), &size) })
	})
	return int(size), err
}

// SectionInto decrypts a granted section into dst (at least SectionSize bytes) and returns the
// content's length; on failure nothing of it is left in dst. The caller wipes dst when done.
func (s *Share) SectionInto(section string, at time.Time, dst []byte) (int, error) {
	const op = "Share.SectionInto"
	var n C.size_t
	err := s.withSection(op, section, func(p *C.kartla_share, name *C.char) error {
		return call(op, func() C.kartla_status {
			return C.kartla_share_section_into(p, name, unixTime(at), bytesIn(dst), C.size_t(len(dst)), &n)
		})
	})
	return int(n), err
}

// SectionMessage reads a granted section into m, its message type (*kartlav1.Languages for
// "languages"). The protobuf bytes are wiped after parsing; the message's strings cannot be.
func (s *Share) SectionMessage(section string, at time.Time, m proto.Message) error {
	const op = "Share.SectionMessage"
	if err := checkMessage(op, section, m); err != nil {
		return err
	}
	content, err := s.Section(section, at)
	if err != nil {
		return err
	}
	defer clear(content)
	return unmarshalSection(op, content, m)
}

func (s *Share) with(op string, f func(*C.kartla_share) C.kartla_status) error {
	p := (*C.kartla_share)(s.handle().Acquire())
	if p == nil {
		return closedError(op, "Share")
	}
	defer s.h.Release()
	return call(op, func() C.kartla_status { return f(p) })
}

// Describe is what this file gives the agency, one entry per granted section.
func (s *Share) Describe() (*kartlav1.ShareDescription, error) {
	const op = "Share.Describe"
	var buf C.kartla_buffer
	err := s.with(op, func(p *C.kartla_share) C.kartla_status {
		return C.kartla_share_describe(p, C.KARTLA_ENCODING_PROTOBUF, &buf)
	})
	if err != nil {
		return nil, err
	}
	out := new(kartlav1.ShareDescription)
	return out, takeResult(op, &buf, out)
}

// Sequence is the file's version number.
func (s *Share) Sequence() (uint64, error) {
	var n C.uint64_t
	err := s.with("Share.Sequence", func(p *C.kartla_share) C.kartla_status { return C.kartla_share_sequence(p, &n) })
	return uint64(n), err
}

// CheckLastSeen fails with ErrRollback if this copy is older than lastSeen (authentic, but not
// the latest the agency has seen).
func (s *Share) CheckLastSeen(lastSeen uint64) error {
	return s.with("Share.CheckLastSeen", func(p *C.kartla_share) C.kartla_status {
		return C.kartla_share_check_last_seen(p, C.uint64_t(lastSeen))
	})
}

// CheckOwner pins the owner: nil if this file is signed by the owner whose card file is card,
// else ErrAuth (ErrInvalidArgument if card is not an owner's). A signature alone only proves that
// some owner signed the file.
func (s *Share) CheckOwner(card []byte) error {
	return s.with("Share.CheckOwner", func(p *C.kartla_share) C.kartla_status {
		return C.kartla_share_check_owner(p, bytesIn(card), C.size_t(len(card)))
	})
}
