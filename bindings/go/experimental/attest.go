// SPDX-License-Identifier: Apache-2.0
package experimental

/*
#define KARTLA_EXPERIMENTAL
#include <kartla/kartla.h>
*/
import "C"

import (
	"runtime"
	"time"
	"unsafe"

	"kartla.example/kartla"
	"kartla.example/kartla/kartlav1"
)

// SectionEntry is the bytes of entry entryID inside section content (protobuf bytes of the
// section): what an attestation covers. ErrNotFound if no entry has that id.
func SectionEntry(section string, content []byte, entryID string) ([]byte, error) {
	const op = "SectionEntry"
	s, err := cStrings(op, "section", section, "entry id", entryID)
	if err != nil {
		return nil, err
	}
	defer freeAll(s)
	var buf C.kartla_buffer
	err = call(op, func() C.kartla_status {
		return C.kartla_section_entry(s[0], bytesIn(content), C.size_t(len(content)), s[1], &buf)
	})
	if err != nil {
		return nil, err
	}
	return takeBytes(&buf), nil
}

// EntryRef names the entry an attestation is about (kartla_entry_ref).
type EntryRef struct {
	OwnerCard []byte // the record owner's card file
	RecordID  string // 32 hex digits
	Section   string
	EntryID   string
	Entry     []byte // the entry's bytes (SectionEntry)
}

// withRef runs f with ref as C sees it.
func withRef(op string, ref EntryRef, f func(*C.kartla_entry_ref) error) error {
	s, err := cStrings(op, "record id", ref.RecordID, "section", ref.Section, "entry id", ref.EntryID)
	if err != nil {
		return err
	}
	defer freeAll(s)
	// The struct is passed to C and points at Go memory (the card and the entry): cgo allows that
	// only for pinned memory.
	var pinner runtime.Pinner
	defer pinner.Unpin()
	for _, b := range [][]byte{ref.OwnerCard, ref.Entry} {
		if len(b) > 0 {
			pinner.Pin(unsafe.SliceData(b))
		}
	}
	var c C.kartla_entry_ref
	C.kartla_entry_ref_init(&c)
	c.owner_card, c.owner_card_len = bytesIn(ref.OwnerCard), C.size_t(len(ref.OwnerCard))
	c.record_id, c.section, c.entry_id = s[0], s[1], s[2]
	c.entry, c.entry_len = bytesIn(ref.Entry), C.size_t(len(ref.Entry))
	return f(&c)
}

// IssueAttestation makes an attestation file signed by agency about the entry ref names.
// claimJSON is the claim (docs/SPEC.md §13.2); expiresAt zero = never, issuedAt zero = now.
func IssueAttestation(agency *kartla.Identity, ref EntryRef, claimJSON string, issuedAt, expiresAt time.Time) ([]byte, error) {
	const op = "IssueAttestation"
	claim, err := cString(op, "claim", claimJSON)
	if err != nil {
		return nil, err
	}
	defer freeAll([]*C.char{claim})
	a, release, err := acquire(op, agency)
	if err != nil {
		return nil, err
	}
	defer release()
	var buf C.kartla_buffer
	err = withRef(op, ref, func(r *C.kartla_entry_ref) error {
		return call(op, func() C.kartla_status {
			return C.kartla_attestation_issue((*C.kartla_identity)(a), r, claim, unixTime(issuedAt), unixTime(expiresAt), &buf)
		})
	})
	if err != nil {
		return nil, err
	}
	return takeBytes(&buf), nil
}

// VerifyAttestation checks an attestation against the entry ref names at now (zero = now), with
// an optional trust list (nil: none). The report is returned whenever the attestation was judged,
// with an error too when it does not hold (the class of the first check that failed); a valid
// attestation, trusted or not, is a nil error and the verdict says which.
func VerifyAttestation(attestation []byte, ref EntryRef, trustList []byte, now time.Time) (*kartlav1.AttestationReport, error) {
	const op = "VerifyAttestation"
	var buf C.kartla_buffer
	err := withRef(op, ref, func(r *C.kartla_entry_ref) error {
		return call(op, func() C.kartla_status {
			return C.kartla_attestation_verify(bytesIn(attestation), C.size_t(len(attestation)), r, bytesIn(trustList),
				C.size_t(len(trustList)), unixTime(now), C.KARTLA_ENCODING_PROTOBUF, &buf)
		})
	})
	if buf.data == nil {
		return nil, err
	}
	report := new(kartlav1.AttestationReport)
	if perr := takeResult(op, &buf, report); perr != nil {
		return nil, perr
	}
	return report, err
}

// AttachAttestation stores an attestation with the entry of record it names, after checking
// it at now. added is false if the record already held it. It reaches the disk with Save.
func AttachAttestation(record *kartla.Record, owner *kartla.Identity, attestation []byte, now time.Time) (bool, error) {
	const op = "AttachAttestation"
	r, releaseRecord, err := acquire(op, record)
	if err != nil {
		return false, err
	}
	defer releaseRecord()
	o, releaseOwner, err := acquire(op, owner)
	if err != nil {
		return false, err
	}
	defer releaseOwner()
	var added C.int
	err = call(op, func() C.kartla_status {
		return C.kartla_record_attach_attestation((*C.kartla_record)(r), (*C.kartla_identity)(o), bytesIn(attestation),
			C.size_t(len(attestation)), unixTime(now), &added)
	})
	return added != 0, err
}

// RecordProvenance is the provenance of every entry of a section of the owner's record, judged
// against trustList (nil: no issuer is trusted) at now.
func RecordProvenance(record *kartla.Record, owner *kartla.Identity, section string, trustList []byte, now time.Time) (*kartlav1.ProvenanceReport, error) {
	const op = "RecordProvenance"
	name, err := cString(op, "section", section)
	if err != nil {
		return nil, err
	}
	defer freeAll([]*C.char{name})
	r, releaseRecord, err := acquire(op, record)
	if err != nil {
		return nil, err
	}
	defer releaseRecord()
	o, releaseOwner, err := acquire(op, owner)
	if err != nil {
		return nil, err
	}
	defer releaseOwner()
	var buf C.kartla_buffer
	err = call(op, func() C.kartla_status {
		return C.kartla_record_provenance((*C.kartla_record)(r), (*C.kartla_identity)(o), name, bytesIn(trustList),
			C.size_t(len(trustList)), unixTime(now), C.KARTLA_ENCODING_PROTOBUF, &buf)
	})
	if err != nil {
		return nil, err
	}
	out := new(kartlav1.ProvenanceReport)
	return out, takeResult(op, &buf, out)
}

// ShareProvenance is RecordProvenance for an agency's share (the section must be readable by it).
func ShareProvenance(share *kartla.Share, section string, trustList []byte, now time.Time) (*kartlav1.ProvenanceReport, error) {
	const op = "ShareProvenance"
	name, err := cString(op, "section", section)
	if err != nil {
		return nil, err
	}
	defer freeAll([]*C.char{name})
	s, release, err := acquire(op, share)
	if err != nil {
		return nil, err
	}
	defer release()
	var buf C.kartla_buffer
	err = call(op, func() C.kartla_status {
		return C.kartla_share_provenance((*C.kartla_share)(s), name, bytesIn(trustList), C.size_t(len(trustList)),
			unixTime(now), C.KARTLA_ENCODING_PROTOBUF, &buf)
	})
	if err != nil {
		return nil, err
	}
	out := new(kartlav1.ProvenanceReport)
	return out, takeResult(op, &buf, out)
}
