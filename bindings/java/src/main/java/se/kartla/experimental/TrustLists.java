// SPDX-License-Identifier: Apache-2.0
package se.kartla.experimental;

import java.time.Instant;
import se.kartla.Identity;
import se.kartla.IdentityOptions;
import se.kartla.NewIdentity;
import se.kartla.Status;
import se.kartla.internal.Access;
import se.kartla.internal.Args;
import se.kartla.internal.Calls;
import se.kartla.internal.Handle;
import se.kartla.internal.Lib;
import se.kartla.internal.Native;
import se.kartla.internal.Scratch;
import se.kartla.internal.Secret;
import se.kartla.internal.Struct;
import se.kartla.internal.Text;
import se.kartla.v1.TrustListDescription;

/**
 * Trust roots and trust lists (kartla/experimental/trust.h, docs/SPEC.md §13.3): a trust root's
 * signed list of agency cards, each with the role the root vouches for and a validity period.
 * Static functions, no state: safe on any thread.
 */
@Experimental
public final class TrustLists {
  private TrustLists() {}

  /**
   * A new trust root's identity (the identity that signs trust lists) and its recovery code, as
   * {@link Identity#create}. {@code name} is required (at most 256 bytes).
   */
  public static NewIdentity createRoot(String name, char[] passphrase, IdentityOptions options) {
    Lib.check();
    byte[] n = Text.c(name, "name");
    IdentityOptions o = options == null ? IdentityOptions.defaults() : options;
    try (Secret pw = Secret.ofChars(passphrase, "passphrase"); Struct opts = optionsStruct(o)) {
      Scratch s = Scratch.get();
      try {
        Calls.check(Native.kartla_identity_new_trust_root(n, opts.pointer(), pw.pointer(), pw.length(), s.out(),
            s.buffer2()));
        return Access.get().newIdentity(s.outPointer(), s.chars2());
      } finally {
        s.freeBuffers();
      }
    }
  }

  /** kartla_identity_options, as IdentityOptions writes it (its writer is package-private there). */
  private static Struct optionsStruct(IdentityOptions o) {
    Struct s = new Struct(24);
    Native.kartla_identity_options_init(s.pointer());
    return s.putInt(4, o.kdfOpslimit()).putInt(8, o.kdfMemlimitMib())
        .putLong(16, Args.seconds(o.createdAt(), "createdAt"));
  }

  /**
   * The trust-list file signed by {@code root} (a trust root's identity), issued at
   * {@code issuedAt} (null: now), expiring at {@code expiresAt} (required, after issuedAt).
   * {@link Status#E_INVALID_ARGUMENT} if {@code root} is not a trust root or the times break a rule.
   */
  public static byte[] sign(Identity root, TrustDraft draft, Instant issuedAt, Instant expiresAt) {
    Args.notNull(draft, "draft");
    long issued = Args.seconds(issuedAt, "issuedAt");
    long expires = Args.seconds(Args.notNull(expiresAt, "expiresAt"), "expiresAt");
    Handle r = Calling.identity(root, "root");
    return Calling.exclusive(draft.handle, dp -> Calling.shared(r, rp -> {
      Scratch s = Scratch.get();
      try {
        Calls.check(Native.kartla_trust_list_sign(rp, dp, issued, expires, s.buffer()));
        return s.bytes();
      } finally {
        s.freeBuffers();
      }
    }));
  }

  /**
   * Verifies a trust-list file at {@code now} (null: now): the root's signature, that the root is
   * the one whose card is {@code expectedRootCard} (null: whichever root signed it), that its
   * sequence is at least {@code lastSeen} (0: none) and that it has not expired.
   * {@link Status#E_SIGNATURE} a bad signature or another root; {@link Status#E_ROLLBACK} older
   * than lastSeen; {@link Status#E_EXPIRED} expired.
   */
  public static TrustListDescription verify(byte[] trustList, byte[] expectedRootCard, long lastSeen, Instant now) {
    Lib.check();
    Args.notNull(trustList, "trustList");
    byte[] root = Calling.orEmpty(expectedRootCard);
    long seen = Args.unsigned(lastSeen, "lastSeen");
    long t = Args.seconds(now, "now");
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_trust_list_verify(trustList, trustList.length, root, root.length, seen, t,
          Calling.PROTOBUF, s.buffer()));
      return s.message(TrustListDescription.parser());
    } finally {
      s.freeBuffers();
    }
  }
}
