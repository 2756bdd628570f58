// SPDX-License-Identifier: Apache-2.0
package se.kartla.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * One C options struct in native memory, with the memory its pointer fields point to, for one
 * call. The offsets are the natural layout on the 64-bit platforms this binding runs on ({@link
 * Lib} refuses others): each struct is first filled by its {@code _init} function, then the
 * fields the caller set are written. Byte fields are wiped on close. Not API.
 */
public final class Struct implements AutoCloseable {
  private final Memory memory;
  private final List<Memory> held = new ArrayList<>();
  private final List<Secret> secrets = new ArrayList<>();

  public Struct(int size) {
    memory = new Memory(size);
    memory.clear();
  }

  public Pointer pointer() {
    return memory;
  }

  public Struct putInt(long offset, int value) {
    memory.setInt(offset, value);
    return this;
  }

  public Struct putLong(long offset, long value) {
    memory.setLong(offset, value);
    return this;
  }

  /** A {@code const char *} field: NUL-terminated UTF-8, or NULL for null. */
  public Struct putText(long offset, byte[] cText) {
    if (cText == null) {
      memory.setPointer(offset, null);
      return this;
    }
    Memory m = new Memory(cText.length);
    m.write(0, cText, 0, cText.length);
    held.add(m);
    memory.setPointer(offset, m);
    return this;
  }

  /**
   * A {@code const uint8_t *} field at {@code offset} and its {@code size_t} length at
   * {@code lengthOffset}; the copy is wiped on close (plaintext such as an entry's bytes).
   */
  public Struct putBytes(long offset, long lengthOffset, byte[] bytes) {
    Secret s = Secret.of(bytes, 0, bytes.length);
    secrets.add(s);
    memory.setPointer(offset, s.pointer());
    memory.setLong(lengthOffset, s.length());
    return this;
  }

  @Override
  public void close() {
    for (Secret s : secrets) s.close();
    for (Memory m : held) m.close();
    memory.close();
  }
}
