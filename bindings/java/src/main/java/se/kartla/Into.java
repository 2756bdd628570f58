// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import se.kartla.internal.Args;
import se.kartla.internal.Scratch;

/** The read-into-caller-memory path shared by Record and Share. */
final class Into {
  private Into() {}

  /** Decrypts into {@code out} (capacity bytes), returning the content's length. */
  interface Read {
    long into(Pointer out, long capacity);
  }

  /**
   * Reads into {@code dst} at its position and advances it. A direct buffer is written by the
   * library itself (no copy); a heap buffer through native memory of {@code size} bytes, copied
   * once and wiped. {@code size} gives the capacity the section needs (only called for heap
   * buffers).
   */
  static int read(ByteBuffer dst, java.util.function.LongSupplier size, Read read) {
    Args.notNull(dst, "dst");
    if (dst.isReadOnly()) throw new KartlaException(Status.E_INVALID_ARGUMENT, "dst is read-only");
    int start = dst.position();
    if (dst.isDirect()) {
      Pointer at = com.sun.jna.Native.getDirectBufferPointer(dst).share(start);
      int n = (int) read.into(at, dst.remaining());
      dst.position(start + n);
      return n;
    }
    long capacity = size.getAsLong();
    if (capacity > dst.remaining()) {
      throw new KartlaException(Status.E_INVALID_ARGUMENT, "dst has " + dst.remaining()
          + " bytes left; the section needs a capacity of " + capacity + " (sectionSize)");
    }
    // Small sections through this thread's reusable native buffer, larger ones through their
    // own; either is wiped as soon as the copy is made (the library wipes it on failure).
    boolean small = capacity <= Scratch.SMALL;
    Memory tmp = small ? Scratch.get().small(capacity) : new Memory(Math.max(1, capacity));
    int n = 0;
    try {
      n = (int) read.into(tmp, capacity);
      dst.put(tmp.getByteBuffer(0, n));
      return n;
    } finally {
      if (small) {
        tmp.clear(n);
      } else {
        tmp.clear();
        tmp.close();
      }
    }
  }
}
