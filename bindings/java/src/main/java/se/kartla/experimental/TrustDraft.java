// SPDX-License-Identifier: Apache-2.0
package se.kartla.experimental;

import com.sun.jna.Pointer;
import java.time.Instant;
import se.kartla.Status;
import se.kartla.internal.Args;
import se.kartla.internal.Calls;
import se.kartla.internal.Handle;
import se.kartla.internal.Lib;
import se.kartla.internal.Native;
import se.kartla.internal.Scratch;
import se.kartla.internal.Text;

/**
 * What a trust root is about to sign ({@code kartla_trust_draft}, kartla/experimental/trust.h):
 * agency cards with the role the root vouches for and a validity period, under a sequence number.
 * {@link TrustLists#sign} makes the list.
 *
 * <p><b>Ownership:</b> the caller owns it and closes it (a forgotten one is closed when garbage
 * collected); closing twice is fine; a call on a closed draft is
 * {@link Status#E_INVALID_ARGUMENT}. <b>Thread safety:</b> calls on one draft wait for each other.
 */
@Experimental
public final class TrustDraft implements AutoCloseable {
  final Handle handle;

  private TrustDraft(Pointer peer) {
    handle = new Handle(this, "TrustDraft", peer, Native::kartla_trust_draft_free, Handle.Concurrency.EXCLUSIVE);
  }

  /** An empty draft with this sequence number (at least 1; one more than the previous list's). */
  public static TrustDraft create(long sequence) {
    Lib.check();
    Scratch s = Scratch.get();
    Calls.check(Native.kartla_trust_draft_new(Args.unsigned(sequence, "sequence"), s.out()));
    return new TrustDraft(s.outPointer());
  }

  /**
   * The next version of an existing trust-list file: its agencies, sequence + 1. Its signature is
   * checked ({@link Status#E_SIGNATURE}), its expiry not (renewing an expired list is the point).
   */
  public static TrustDraft next(byte[] trustList) {
    Lib.check();
    Args.notNull(trustList, "trustList");
    Scratch s = Scratch.get();
    Calls.check(Native.kartla_trust_draft_next(trustList, trustList.length, s.out()));
    return new TrustDraft(s.outPointer());
  }

  /**
   * Adds an agency card with the role the root vouches for and its validity ({@code validUntil}
   * null: until the list expires). {@link Status#E_INVALID_ARGUMENT} for a card that is not an
   * agency's, an unknown role, an agency already listed or an empty period.
   */
  public void add(byte[] agencyCard, String role, Instant validFrom, Instant validUntil) {
    Args.notNull(agencyCard, "agencyCard");
    byte[] r = Text.c(role, "role");
    long from = Args.seconds(Args.notNull(validFrom, "validFrom"), "validFrom");
    long until = Args.seconds(validUntil, "validUntil");
    Pointer p = handle.acquireExclusive();
    try {
      Calls.check(Native.kartla_trust_draft_add(p, agencyCard, agencyCard.length, r, from, until));
    } finally {
      handle.releaseExclusive();
    }
  }

  /** Removes the agency with this card's keys; returns whether it was on the draft. */
  public boolean remove(byte[] agencyCard) {
    Args.notNull(agencyCard, "agencyCard");
    Pointer p = handle.acquireExclusive();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_trust_draft_remove(p, agencyCard, agencyCard.length, s.out()));
      return s.outInt() != 0;
    } finally {
      handle.releaseExclusive();
    }
  }

  public long sequence() {
    Pointer p = handle.acquireExclusive();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_trust_draft_sequence(p, s.out()));
      return s.outLong();
    } finally {
      handle.releaseExclusive();
    }
  }

  @Override
  public void close() {
    handle.close();
  }

  public boolean isClosed() {
    return handle.isClosed();
  }
}
