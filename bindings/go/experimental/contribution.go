// SPDX-License-Identifier: Apache-2.0
package experimental

/*
#define KARTLA_EXPERIMENTAL
#include <kartla/kartla.h>
*/
import "C"

import (
	"time"

	"kartla.example/kartla"
	"kartla.example/kartla/kartlav1"
)

// CreateContribution is an agency's contribution file: one entry (entryJSON, the JSON of one
// element of the section's entries, with an "id") for section of record recordID of the owner
// whose card this is, signed by agency and sealed to the owner. claimJSON "" is the default
// claim (CONTRIBUTED); now zero = now.
func CreateContribution(agency *kartla.Identity, ownerCard []byte, recordID, section, entryJSON, claimJSON string, now time.Time) ([]byte, error) {
	const op = "CreateContribution"
	s, err := cStrings(op, "record id", recordID, "section", section)
	if err != nil {
		return nil, err
	}
	defer freeAll(s)
	var claim *C.char
	if claimJSON != "" {
		if claim, err = cString(op, "claim", claimJSON); err != nil {
			return nil, err
		}
		defer freeAll([]*C.char{claim})
	}
	a, release, err := acquire(op, agency)
	if err != nil {
		return nil, err
	}
	defer release()
	var buf C.kartla_buffer
	err = call(op, func() C.kartla_status {
		return C.kartla_contribution_create((*C.kartla_identity)(a), bytesIn(ownerCard), C.size_t(len(ownerCard)), s[0], s[1],
			stringIn(entryJSON), C.size_t(len(entryJSON)), claim, unixTime(now), &buf)
	})
	if err != nil {
		return nil, err
	}
	return takeBytes(&buf), nil
}

// DescribeContribution opens a contribution file for owner and verifies it completely before
// describing it. recordID "" accepts any record. ErrAuth if it is not sealed to this owner.
func DescribeContribution(owner *kartla.Identity, contribution []byte, recordID string, now time.Time) (*kartlav1.ContributionDescription, error) {
	const op = "DescribeContribution"
	var rid *C.char
	if recordID != "" {
		var err error
		if rid, err = cString(op, "record id", recordID); err != nil {
			return nil, err
		}
		defer freeAll([]*C.char{rid})
	}
	o, release, err := acquire(op, owner)
	if err != nil {
		return nil, err
	}
	defer release()
	var buf C.kartla_buffer
	err = call(op, func() C.kartla_status {
		return C.kartla_contribution_describe((*C.kartla_identity)(o), bytesIn(contribution), C.size_t(len(contribution)), rid,
			unixTime(now), C.KARTLA_ENCODING_PROTOBUF, &buf)
	})
	if err != nil {
		return nil, err
	}
	out := new(kartlav1.ContributionDescription)
	return out, takeResult(op, &buf, out)
}

// AcceptContribution accepts a contribution into the owner's record; added is false if the
// record already held it. On failure the record is unchanged. To reject one, do not accept it.
func AcceptContribution(record *kartla.Record, owner *kartla.Identity, contribution []byte, now time.Time) (bool, error) {
	const op = "AcceptContribution"
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
		return C.kartla_record_accept_contribution((*C.kartla_record)(r), (*C.kartla_identity)(o), bytesIn(contribution),
			C.size_t(len(contribution)), unixTime(now), &added)
	})
	return added != 0, err
}
