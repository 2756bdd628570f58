// SPDX-License-Identifier: Apache-2.0
package se.kartla.internal;

import java.time.Instant;
import se.kartla.KartlaException;
import se.kartla.Status;

/** Argument checks shared by the public classes. Not API. */
public final class Args {
  private Args() {}

  public static KartlaException isNull(String what) {
    return new KartlaException(Status.E_INVALID_ARGUMENT, what + " is null");
  }

  public static <T> T notNull(T value, String what) {
    if (value == null) throw isNull(what);
    return value;
  }

  /**
   * A time for the C ABI, Unix seconds (sub-second parts dropped: the library counts whole
   * seconds). {@code null} is 0, which the ABI reads as "now" (or "none", where the function says
   * so); the instant 1970-01-01T00:00:00Z itself cannot be given, as it would read the same.
   */
  public static long seconds(Instant at, String what) {
    if (at == null) return 0;
    long s = at.getEpochSecond();
    if (s == 0) {
      throw new KartlaException(Status.E_INVALID_ARGUMENT,
          what + " is 1970-01-01T00:00:00Z, which the C ABI reads as 0: now or none; pass null for that");
    }
    return s;
  }

  /** A length or count that must not be negative. */
  public static long unsigned(long value, String what) {
    if (value < 0) throw new KartlaException(Status.E_INVALID_ARGUMENT, what + " is negative");
    return value;
  }
}
