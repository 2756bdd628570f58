// SPDX-License-Identifier: Apache-2.0
package se.kartla.experimental;

import com.sun.jna.Pointer;
import se.kartla.Identity;
import se.kartla.Record;
import se.kartla.Share;
import se.kartla.internal.Access;
import se.kartla.internal.Args;
import se.kartla.internal.Handle;

/** Leases of the stable handles for one experimental call. */
final class Calling {
  static final int PROTOBUF = 0;

  private Calling() {}

  static Handle identity(Identity identity, String what) {
    Args.notNull(identity, what);
    return Access.get().handle(identity);
  }

  static Handle record(Record record) {
    Args.notNull(record, "record");
    return Access.get().handle(record);
  }

  static Handle share(Share share) {
    Args.notNull(share, "share");
    return Access.get().handle(share);
  }

  /** Bytes for an optional input: null is length 0 (none). */
  static byte[] orEmpty(byte[] bytes) {
    return bytes == null ? new byte[0] : bytes;
  }

  /** A functional call on a leased pointer. */
  interface OnPointer<T> {
    T apply(Pointer p);
  }

  static <T> T shared(Handle h, OnPointer<T> f) {
    Pointer p = h.acquire();
    try {
      return f.apply(p);
    } finally {
      h.release();
    }
  }

  static <T> T exclusive(Handle h, OnPointer<T> f) {
    Pointer p = h.acquireExclusive();
    try {
      return f.apply(p);
    } finally {
      h.releaseExclusive();
    }
  }
}
