// SPDX-License-Identifier: Apache-2.0
package se.kartla.internal;

import com.sun.jna.Pointer;
import se.kartla.Identity;
import se.kartla.NewIdentity;
import se.kartla.Record;
import se.kartla.Share;

/**
 * How the experimental tier (package se.kartla.experimental) reaches the native handles of the
 * stable classes, which keep them private. Not API: the module does not export this package.
 */
public final class Access {
  /** Implemented once, by se.kartla. */
  public interface Bridge {
    Handle handle(Identity identity);

    Handle handle(Record record);

    Handle handle(Share share);

    /** Wraps a new identity the library returned (owned from now on) and its recovery code. */
    NewIdentity newIdentity(Pointer identity, char[] recoveryCode);
  }

  private static volatile Bridge bridge;

  private Access() {}

  /** Called once from se.kartla.Identity's initialiser. */
  public static void set(Bridge b) {
    if (bridge != null) throw new IllegalStateException("the bridge is set once");
    bridge = b;
  }

  public static Bridge get() {
    Bridge b = bridge;
    if (b != null) return b;
    try {
      Class.forName(Identity.class.getName(), true, Identity.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return bridge;
  }
}
