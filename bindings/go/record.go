// SPDX-License-Identifier: Apache-2.0
package kartla

/*
#include <stdlib.h>
#include <kartla/kartla.h>

static void kartla_go_record_free(void *p) { kartla_record_free((kartla_record *)p); }
*/
import "C"

import (
	"runtime"
	"time"
	"unsafe"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"kartla.example/kartla/internal/handle"
	"kartla.example/kartla/kartlav1"
)

// Record is the owner's record (kartla_record): every section readable and writable; changes
// reach the disk with Save, which writes the next signed version.
//
// The C header allows a record on one thread at a time; this type serialises its calls, so
// goroutines may share a Record (they take turns). Close wipes the keys; a finalizer frees a
// forgotten Record only when the garbage collector gets to it. The record keeps its own copy of
// the owner's keys, so the Identity may be closed while the Record lives.
type Record struct{ h handle.Handle }

func wrapRecord(p *C.kartla_record) *Record {
	r := &Record{}
	r.h.Set(unsafe.Pointer(p), func(p unsafe.Pointer) { C.kartla_go_record_free(p) })
	runtime.SetFinalizer(r, (*Record).Close)
	return r
}

func (r *Record) handle() *handle.Handle {
	if r == nil {
		return nil
	}
	return &r.h
}

// lock is the C pointer under the record's lock (every call is exclusive); pair a non-nil
// result with r.h.ReleaseExclusive().
func (r *Record) lock() *C.kartla_record {
	return (*C.kartla_record)(r.handle().AcquireExclusive())
}

// Close wipes the keys and frees the record. Closing twice is fine; any other call after Close
// fails with ErrClosed.
func (r *Record) Close() error {
	if r != nil && r.h.Close() {
		runtime.SetFinalizer(r, nil)
	}
	return nil
}

// NewRecord is a new, empty record owned by owner (an owner's identity), not yet saved.
func NewRecord(owner *Identity) (*Record, error) {
	const op = "NewRecord"
	o := owner.acquire()
	if o == nil {
		return nil, closedError(op, "Identity")
	}
	defer owner.h.Release()
	var out *C.kartla_record
	if err := call(op, func() C.kartla_status { return C.kartla_record_new(o, &out) }); err != nil {
		return nil, err
	}
	return wrapRecord(out), nil
}

// OpenOptions are the rollback options of opening a record as its owner
// (kartla_record_open_options). nil means the defaults: an older copy or a fork is ErrRollback.
type OpenOptions struct {
	AcceptOlder bool   // open an older copy or a fork anyway
	LastSeen    uint64 // the highest sequence the caller itself has seen (0 = none)
}

func (o *OpenOptions) c() *C.kartla_record_open_options {
	if o == nil {
		return nil
	}
	var c C.kartla_record_open_options
	C.kartla_record_open_options_init(&c)
	if o.AcceptOlder {
		c.accept_older = 1
	}
	c.last_seen = C.uint64_t(o.LastSeen)
	return &c
}

// OpenRecordFile opens the owner's record file (held open: sections are read when asked for).
// opts may be nil.
func OpenRecordFile(path string, owner *Identity, opts *OpenOptions) (*Record, error) {
	const op = "OpenRecordFile"
	cpath, err := cString(op, "path", path)
	if err != nil {
		return nil, err
	}
	defer free(cpath)
	o := owner.acquire()
	if o == nil {
		return nil, closedError(op, "Identity")
	}
	defer owner.h.Release()
	var out *C.kartla_record
	err = call(op, func() C.kartla_status { return C.kartla_record_open_file_with_options(cpath, o, opts.c(), &out) })
	if err != nil {
		return nil, err
	}
	return wrapRecord(out), nil
}

// OpenRecord is OpenRecordFile from bytes (copied).
func OpenRecord(file []byte, owner *Identity, opts *OpenOptions) (*Record, error) {
	const op = "OpenRecord"
	o := owner.acquire()
	if o == nil {
		return nil, closedError(op, "Identity")
	}
	defer owner.h.Release()
	var out *C.kartla_record
	err := call(op, func() C.kartla_status {
		return C.kartla_record_open_with_options(bytesIn(file), C.size_t(len(file)), o, opts.c(), &out)
	})
	if err != nil {
		return nil, err
	}
	return wrapRecord(out), nil
}

// with runs f on the record under its lock.
func (r *Record) with(op string, f func(*C.kartla_record) C.kartla_status) error {
	p := r.lock()
	if p == nil {
		return closedError(op, "Record")
	}
	defer r.h.ReleaseExclusive()
	return call(op, func() C.kartla_status { return f(p) })
}

// withSection is with, also naming a section.
func (r *Record) withSection(op, section string, f func(*C.kartla_record, *C.char) C.kartla_status) error {
	name, owned, err := sectionIn(op, section)
	if err != nil {
		return err
	}
	if owned {
		defer free(name)
	}
	return r.with(op, func(p *C.kartla_record) C.kartla_status { return f(p, name) })
}

// Save writes the next version atomically (kartla_record_save: grants past their expiry end
// first). ErrBusy if another program holds the lock; ErrRollback if a later version was seen.
func (r *Record) Save(path string) error {
	const op = "Record.Save"
	cpath, err := cString(op, "path", path)
	if err != nil {
		return err
	}
	defer free(cpath)
	return r.with(op, func(p *C.kartla_record) C.kartla_status { return C.kartla_record_save(p, cpath) })
}

// SetClock sets the time the owner's operations use where they take none of their own; the zero
// time means the system clock.
func (r *Record) SetClock(now time.Time) error {
	return r.with("Record.SetClock", func(p *C.kartla_record) C.kartla_status {
		return C.kartla_record_set_clock(p, unixTime(now))
	})
}

// ID is the record id: 32 lowercase hex digits.
func (r *Record) ID() (string, error) {
	var buf C.kartla_buffer
	if err := r.with("Record.ID", func(p *C.kartla_record) C.kartla_status { return C.kartla_record_id(p, &buf) }); err != nil {
		return "", err
	}
	return takeString(&buf), nil
}

// Sequence is the sequence number of the version last opened or saved (0 if never saved).
func (r *Record) Sequence() (uint64, error) {
	var n C.uint64_t
	err := r.with("Record.Sequence", func(p *C.kartla_record) C.kartla_status { return C.kartla_record_sequence(p, &n) })
	return uint64(n), err
}

// Sections lists the sections the record holds, unknown ids (a newer writer's) included.
func (r *Record) Sections() (*kartlav1.SectionList, error) {
	const op = "Record.Sections"
	var buf C.kartla_buffer
	err := r.with(op, func(p *C.kartla_record) C.kartla_status {
		return C.kartla_record_sections(p, C.KARTLA_ENCODING_PROTOBUF, &buf)
	})
	if err != nil {
		return nil, err
	}
	out := new(kartlav1.SectionList)
	return out, takeResult(op, &buf, out)
}

// HasSection reports whether the record holds the section.
func (r *Record) HasSection(section string) (bool, error) {
	var has C.int
	err := r.withSection("Record.HasSection", section, func(p *C.kartla_record, s *C.char) C.kartla_status {
		return C.kartla_record_has_section(p, s, &has)
	})
	return boolOf(has), err
}

// SetSection replaces a section's content with protobuf bytes of its message, validated first
// (ErrSchema, the record unchanged). sharing_ledger is written only by sharing (ErrInvalidArgument).
func (r *Record) SetSection(section string, content []byte) error {
	return r.withSection("Record.SetSection", section, func(p *C.kartla_record, s *C.char) C.kartla_status {
		return C.kartla_record_set_section(p, s, bytesIn(content), C.size_t(len(content)))
	})
}

// SetSectionJSON is SetSection from protobuf JSON.
func (r *Record) SetSectionJSON(section, json string) error {
	return r.withSection("Record.SetSectionJSON", section, func(p *C.kartla_record, s *C.char) C.kartla_status {
		return C.kartla_record_set_section_json(p, s, stringIn(json), C.size_t(len(json)))
	})
}

// SetSectionMessage is SetSection with a typed message: the section is the one whose message m
// is (a *kartlav1.Languages sets "languages").
//
// The message goes to the library as protobuf JSON, and the library encodes it. Protobuf's
// binary encoding is not canonical (protobuf-go writes a oneof after the other fields, the
// library in field-number order), and an attestation holds only for its entry's exact bytes
// (docs/SPEC.md §13.2): this way an entry read with SectionMessage and set back unchanged keeps
// its bytes, and its attestations keep holding. Unknown fields (a newer writer's) are not
// carried, as on every JSON path; SetSection takes bytes as they are.
func (r *Record) SetSectionMessage(m proto.Message) error {
	const op = "Record.SetSectionMessage"
	section, err := SectionOf(m)
	if err != nil {
		return misuse(op, err.Error())
	}
	js, err := protojson.MarshalOptions{UseProtoNames: true}.Marshal(m)
	if err != nil {
		return misuse(op, "the message does not encode: "+err.Error())
	}
	defer clear(js)
	return r.withSection(op, section, func(p *C.kartla_record, s *C.char) C.kartla_status {
		return C.kartla_record_set_section_json(p, s, bytesIn(js), C.size_t(len(js)))
	})
}

// Section is a section's content as protobuf bytes (ErrNotFound if the record does not hold
// it). The plaintext is decrypted straight into the returned slice (kartla_record_section_into),
// which the caller may wipe with clear() when done.
func (r *Record) Section(section string) ([]byte, error) {
	const op = "Record.Section"
	var out []byte
	err := r.withSectionLocked(op, section, func(p *C.kartla_record, s *C.char) error {
		var size C.size_t
		if err := call(op, func() C.kartla_status { return C.kartla_record_section_size(p, s, &size) }); err != nil {
			return err
		}
		buf := make([]byte, int(size))
		var n C.size_t
		if err := call(op, func() C.kartla_status {
			return C.kartla_record_section_into(p, s, bytesIn(buf), size, &n)
		}); err != nil {
			return err
		}
		out = buf[:int(n):int(n)]
		return nil
	})
	return out, err
}

// withSectionLocked holds the record's lock across several calls of f.
func (r *Record) withSectionLocked(op, section string, f func(*C.kartla_record, *C.char) error) error {
	name, owned, err := sectionIn(op, section)
	if err != nil {
		return err
	}
	if owned {
		defer free(name)
	}
	p := r.lock()
	if p == nil {
		return closedError(op, "Record")
	}
	defer r.h.ReleaseExclusive()
	return f(p, name)
}

// SectionJSON is a section's content as protobuf JSON (snake_case field names). A Go string
// cannot be wiped: prefer Section or SectionInto for content that must not linger.
func (r *Record) SectionJSON(section string) (string, error) {
	var buf C.kartla_buffer
	err := r.withSection("Record.SectionJSON", section, func(p *C.kartla_record, s *C.char) C.kartla_status {
		return C.kartla_record_section_json(p, s, &buf)
	})
	if err != nil {
		return "", err
	}
	return takeString(&buf), nil
}

// SectionSize is the capacity SectionInto needs: the section's padded length.
func (r *Record) SectionSize(section string) (int, error) {
	var size C.size_t
	err := r.withSection("Record.SectionSize", section, func(p *C.kartla_record, s *C.char) C.kartla_status {
		return C.kartla_record_section_size(p, s, &size)
	})
	return int(size), err
}

// SectionInto decrypts a section into dst, which must hold SectionSize bytes, and returns the
// content's length. On failure nothing of the section is left in dst. The caller owns the
// plaintext and should wipe it (clear(dst)) when done.
func (r *Record) SectionInto(section string, dst []byte) (int, error) {
	var n C.size_t
	err := r.withSection("Record.SectionInto", section, func(p *C.kartla_record, s *C.char) C.kartla_status {
		return C.kartla_record_section_into(p, s, bytesIn(dst), C.size_t(len(dst)), &n)
	})
	return int(n), err
}

// SectionMessage reads a section into m, which must be the section's message type
// (*kartlav1.Languages for "languages"). The protobuf bytes are wiped after parsing; the
// message's strings cannot be.
func (r *Record) SectionMessage(section string, m proto.Message) error {
	const op = "Record.SectionMessage"
	if err := checkMessage(op, section, m); err != nil {
		return err
	}
	content, err := r.Section(section)
	if err != nil {
		return err
	}
	defer clear(content)
	return unmarshalSection(op, content, m)
}

// RemoveSection removes a section (ErrNotFound if absent).
func (r *Record) RemoveSection(section string) error {
	return r.withSection("Record.RemoveSection", section, func(p *C.kartla_record, s *C.char) C.kartla_status {
		return C.kartla_record_remove_section(p, s)
	})
}

// ShareOptions are a grant's terms (kartla_record_share_options).
type ShareOptions struct {
	Purpose       string    // required
	ExpiresAt     time.Time // zero = until revoked
	Now           time.Time // the grant time; zero = the record's clock
	GDPRArt6Basis string    // "6.1.a" to "6.1.f"; "" = "6.1.a" (consent)
	GDPRArt9Basis string    // "9.2.a" to "9.2.j", required for health data; "" = none
}

// Share grants sections to the agency whose card file is card and returns the grant id (32 hex
// digits). It reaches the disk with Save; then ExportBundle writes the agency's bundle.
func (r *Record) Share(card []byte, sections []string, opts ShareOptions) (string, error) {
	const op = "Record.Share"
	var copts C.kartla_record_share_options
	C.kartla_record_share_options_init(&copts)
	copts.expires_at = unixTime(opts.ExpiresAt)
	copts.now = unixTime(opts.Now)
	purpose, err := cString(op, "purpose", opts.Purpose)
	if err != nil {
		return "", err
	}
	defer free(purpose)
	copts.purpose = purpose
	for _, basis := range []struct {
		dst **C.char
		val string
	}{{&copts.gdpr_art6_basis, opts.GDPRArt6Basis}, {&copts.gdpr_art9_basis, opts.GDPRArt9Basis}} {
		if basis.val == "" {
			continue
		}
		p, err := cString(op, "GDPR basis", basis.val)
		if err != nil {
			return "", err
		}
		defer free(p)
		*basis.dst = p
	}
	// The names live in C memory: a Go array of C pointers may be passed to C, as it holds no Go
	// pointer.
	names := make([]*C.char, len(sections))
	for i, s := range sections {
		p, owned, err := sectionIn(op, s)
		if err != nil {
			return "", err
		}
		if owned {
			defer free(p)
		}
		names[i] = p
	}
	var namesPtr **C.char
	if len(names) > 0 {
		namesPtr = &names[0]
	}
	var buf C.kartla_buffer
	err = r.with(op, func(p *C.kartla_record) C.kartla_status {
		return C.kartla_record_share(p, bytesIn(card), C.size_t(len(card)), namesPtr, C.size_t(len(names)), &copts, &buf)
	})
	if err != nil {
		return "", err
	}
	return takeString(&buf), nil
}

// SectionIsSpecial reports whether sharing the section would share health data (GDPR Art. 9),
// which needs ShareOptions.GDPRArt9Basis.
func (r *Record) SectionIsSpecial(section string) (bool, error) {
	var out C.int
	err := r.withSection("Record.SectionIsSpecial", section, func(p *C.kartla_record, s *C.char) C.kartla_status {
		return C.kartla_record_section_is_special(p, s, &out)
	})
	return boolOf(out), err
}

// ExportBundle writes the share bundle of one grant, atomically. The record must be saved.
// ErrNotFound for an unknown or revoked grant; ErrExpired for an expired one.
func (r *Record) ExportBundle(grantID, path string) error {
	const op = "Record.ExportBundle"
	cid, err := cString(op, "grant id", grantID)
	if err != nil {
		return err
	}
	defer free(cid)
	cpath, err := cString(op, "path", path)
	if err != nil {
		return err
	}
	defer free(cpath)
	return r.with(op, func(p *C.kartla_record) C.kartla_status { return C.kartla_record_export_bundle(p, cid, cpath) })
}

// Revoke ends every grant to the agency whose card file is card, at now (zero = the record's
// clock). What was shared cannot be unshared: this protects what is written afterwards only.
// It reaches the disk with Save. ErrNotFound if nothing is shared with that agency.
func (r *Record) Revoke(card []byte, now time.Time) (*kartlav1.RevocationSummary, error) {
	const op = "Record.Revoke"
	var buf C.kartla_buffer
	err := r.with(op, func(p *C.kartla_record) C.kartla_status {
		return C.kartla_record_revoke(p, bytesIn(card), C.size_t(len(card)), unixTime(now), C.KARTLA_ENCODING_PROTOBUF, &buf)
	})
	if err != nil {
		return nil, err
	}
	out := new(kartlav1.RevocationSummary)
	return out, takeResult(op, &buf, out)
}

// ValidateSection checks section content (protobuf bytes) against the rules of docs/MODEL.md.
// The report lists every violation; with violations the error is ErrSchema and the report is
// returned as well. Thread-safe.
func ValidateSection(section string, content []byte) (*kartlav1.ValidationReport, error) {
	return validate("ValidateSection", section, func(s *C.char, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_validate_section(s, bytesIn(content), C.size_t(len(content)), C.KARTLA_ENCODING_PROTOBUF, b)
	})
}

// ValidateSectionJSON is ValidateSection for protobuf JSON.
func ValidateSectionJSON(section, json string) (*kartlav1.ValidationReport, error) {
	return validate("ValidateSectionJSON", section, func(s *C.char, b *C.kartla_buffer) C.kartla_status {
		return C.kartla_validate_section_json(s, stringIn(json), C.size_t(len(json)), C.KARTLA_ENCODING_PROTOBUF, b)
	})
}

func validate(op, section string, f func(*C.char, *C.kartla_buffer) C.kartla_status) (*kartlav1.ValidationReport, error) {
	name, owned, err := sectionIn(op, section)
	if err != nil {
		return nil, err
	}
	if owned {
		defer free(name)
	}
	var buf C.kartla_buffer
	err = call(op, func() C.kartla_status { return f(name, &buf) })
	if buf.data == nil {
		return nil, err
	}
	report := new(kartlav1.ValidationReport)
	if perr := takeResult(op, &buf, report); perr != nil {
		return nil, perr
	}
	return report, err
}
