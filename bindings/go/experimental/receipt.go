// SPDX-License-Identifier: Apache-2.0
package experimental

/*
#define KARTLA_EXPERIMENTAL
#include <stdlib.h>
#include <kartla/kartla.h>
*/
import "C"

import (
	"kartla.example/kartla"
	"kartla.example/kartla/kartlav1"
)

// RecordReceipt is the owner-signed receipt file of grant grantID: a grant receipt while it is
// live, a termination receipt once it has ended. Make it after Save.
func RecordReceipt(record *kartla.Record, grantID string) ([]byte, error) {
	const op = "RecordReceipt"
	id, err := cString(op, "grant id", grantID)
	if err != nil {
		return nil, err
	}
	defer freeAll([]*C.char{id})
	r, release, err := acquire(op, record)
	if err != nil {
		return nil, err
	}
	defer release()
	var buf C.kartla_buffer
	if err := call(op, func() C.kartla_status { return C.kartla_record_receipt((*C.kartla_record)(r), id, &buf) }); err != nil {
		return nil, err
	}
	return takeBytes(&buf), nil
}

// DescribeReceipt verifies a receipt file, then describes it. ownerCard: the owner the caller
// expects (nil: not pinned; ErrAuth for another owner); agencyCard: the caller's own agency card
// (nil: not checked; ErrSignature for a receipt about another agency's grant).
func DescribeReceipt(receipt, ownerCard, agencyCard []byte) (*kartlav1.ReceiptDescription, error) {
	const op = "DescribeReceipt"
	var buf C.kartla_buffer
	err := call(op, func() C.kartla_status {
		return C.kartla_receipt_describe(bytesIn(receipt), C.size_t(len(receipt)), bytesIn(ownerCard), C.size_t(len(ownerCard)),
			bytesIn(agencyCard), C.size_t(len(agencyCard)), C.KARTLA_ENCODING_PROTOBUF, &buf)
	})
	if err != nil {
		return nil, err
	}
	out := new(kartlav1.ReceiptDescription)
	return out, takeResult(op, &buf, out)
}
