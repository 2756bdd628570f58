// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import java.util.Arrays;

/**
 * A new identity and its recovery code, as {@link Identity#create}, {@link Identity#createAgency}
 * (and the experimental trust-root constructor) return them.
 *
 * <p>The recovery code is shown to the person once: it is never stored and cannot be shown again.
 * It is a {@code char[]} so that it need never become a String; {@link #wipeRecoveryCode()} zeroes
 * it once shown. The caller owns the identity ({@link #identity()}) and closes it. Not thread-safe
 * (a holder for one caller).
 */
public final class NewIdentity {
  private final Identity identity;
  private final char[] recoveryCode;

  NewIdentity(Identity identity, char[] recoveryCode) {
    this.identity = identity;
    this.recoveryCode = recoveryCode;
  }

  /** The identity, unlocked; the caller closes it. */
  public Identity identity() {
    return identity;
  }

  /**
   * The recovery code as text (nine groups of four hex digits), the array itself: wipe it with
   * {@link #wipeRecoveryCode()} when it has been shown.
   */
  public char[] recoveryCode() {
    return recoveryCode;
  }

  /** Zeroes the recovery code's characters. */
  public void wipeRecoveryCode() {
    Arrays.fill(recoveryCode, '\0');
  }
}
