// SPDX-License-Identifier: Apache-2.0
package se.kartla.experimental;

import se.kartla.Record;
import se.kartla.Status;
import se.kartla.internal.Args;
import se.kartla.internal.Calls;
import se.kartla.internal.Lib;
import se.kartla.internal.Native;
import se.kartla.internal.Scratch;
import se.kartla.internal.Text;
import se.kartla.v1.ReceiptDescription;

/**
 * Receipts of grants and of their end (kartla/experimental/receipt.h, docs/SPEC.md §7.6): the
 * owner's signed statement that a grant was made, or that it ended, when and why. It proves what
 * the owner stated, not that the agency received it. Static functions, no state.
 */
@Experimental
public final class Receipts {
  private Receipts() {}

  /**
   * The receipt file of grant {@code grantId}, signed by the record's owner: a grant receipt while
   * the grant is live, a termination receipt once it has ended. Make it after {@link Record#save}.
   * {@link Status#E_INVALID_ARGUMENT} if the record was never saved or has unsaved changes;
   * {@link Status#E_NOT_FOUND} for an unknown grant; {@link Status#E_EXPIRED} past its expiry but
   * not yet ended (it ends at the next save).
   */
  public static byte[] of(Record record, String grantId) {
    byte[] id = Text.c(grantId, "grantId");
    return Calling.exclusive(Calling.record(record), rp -> {
      Scratch s = Scratch.get();
      try {
        Calls.check(Native.kartla_record_receipt(rp, id, s.buffer()));
        return s.bytes();
      } finally {
        s.freeBuffers();
      }
    });
  }

  /**
   * Verifies and describes a receipt file. {@code ownerCard}: the card of the owner the caller
   * expects, or null (not pinned: compare the owner fingerprint yourself), else
   * {@link Status#E_AUTH} if another owner signed it. {@code agencyCard}: the caller's own agency
   * card, or null (not checked), else {@link Status#E_SIGNATURE} if the receipt is about a grant to
   * another agency.
   */
  public static ReceiptDescription describe(byte[] receipt, byte[] ownerCard, byte[] agencyCard) {
    Lib.check();
    Args.notNull(receipt, "receipt");
    byte[] owner = Calling.orEmpty(ownerCard);
    byte[] agency = Calling.orEmpty(agencyCard);
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_receipt_describe(receipt, receipt.length, owner, owner.length, agency, agency.length,
          Calling.PROTOBUF, s.buffer()));
      return s.message(ReceiptDescription.parser());
    } finally {
      s.freeBuffers();
    }
  }
}
