// SPDX-License-Identifier: Apache-2.0
package se.kartla.internal;

import se.kartla.KartlaException;

/** The status check every call ends with. Not API. */
public final class Calls {
  private Calls() {}

  /**
   * Throws the call's error if {@code status} is not KARTLA_OK. The library's message is per
   * operating-system thread and valid until the thread's next Kartla call, so this runs right
   * after the call, on its thread, before anything else that could call Kartla or block
   * (kartla/common.h, "Errors and threads"); a virtual thread cannot move between the two, as
   * it only changes carrier where it blocks.
   */
  public static void check(int status) {
    if (status != 0) throw error(status);
  }

  public static KartlaException error(int status) {
    String message = Native.kartla_last_error().getString(0, "UTF-8");
    return new KartlaException(status, message);
  }
}
