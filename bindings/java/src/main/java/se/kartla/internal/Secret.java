// SPDX-License-Identifier: Apache-2.0
package se.kartla.internal;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * A native copy of a secret or of plaintext (a passphrase, a recovery code, section content) for
 * the duration of one call, wiped and freed by {@link #close()}. Passing a {@code byte[]} to JNA
 * directly would leave a copy in freed C memory; this one is zeroed first. The caller's own
 * array is the caller's: it is neither kept nor wiped. Not API.
 */
public final class Secret implements AutoCloseable {
  private final Memory memory; // null when empty
  private final long length;

  private Secret(Memory memory, long length) {
    this.memory = memory;
    this.length = length;
  }

  /** A copy of {@code bytes[offset, offset + length)}. */
  public static Secret of(byte[] bytes, int offset, int length) {
    if (length == 0) return new Secret(null, 0);
    Memory m = new Memory(length);
    m.write(0, bytes, offset, length);
    return new Secret(m, length);
  }

  public static Secret of(byte[] bytes, String what) {
    Args.notNull(bytes, what);
    return of(bytes, 0, bytes.length);
  }

  /** The UTF-8 of {@code chars}, whose intermediate Java array is wiped before this returns. */
  public static Secret ofChars(char[] chars, String what) {
    Args.notNull(chars, what);
    byte[] utf8 = Text.utf8(CharBuffer.wrap(chars), what);
    try {
      return of(utf8, 0, utf8.length);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /** The UTF-8 of a String (JSON content): the String itself cannot be wiped, the copies are. */
  public static Secret ofString(String text, String what) {
    Args.notNull(text, what);
    byte[] utf8 = Text.utf8(CharBuffer.wrap(text), what);
    try {
      return of(utf8, 0, utf8.length);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  public Pointer pointer() {
    return memory;
  }

  public long length() {
    return length;
  }

  @Override
  public void close() {
    if (memory != null) {
      memory.clear();
      memory.close();
    }
  }
}
