// SPDX-License-Identifier: Apache-2.0
package se.kartla.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import se.kartla.KartlaException;
import se.kartla.Status;

/**
 * Native memory of the calling thread for a call's outputs: two {@code kartla_buffer}s and a few
 * out-parameters, allocated once per thread (a virtual thread included) instead of once per call.
 * A call clears what it uses first; nothing in it outlives the call (buffers are freed, and so
 * wiped, by the library). Not API.
 */
public final class Scratch {
  private static final ThreadLocal<Scratch> MINE = ThreadLocal.withInitial(Scratch::new);

  private static final int BUFFER_SIZE = 24; // kartla_buffer: data, len, internal (64-bit)

  private final Memory memory = new Memory(128);
  private final Pointer buffer = memory.share(0, BUFFER_SIZE);
  private final Pointer buffer2 = memory.share(32, BUFFER_SIZE);
  private final Pointer out = memory.share(64, 8);
  private final Pointer out2 = memory.share(72, 8);

  /** Up to this many bytes, a heap read-into goes through {@link #small(long)}. */
  public static final int SMALL = 64 * 1024;

  private Memory small; // lazily, for heap-buffer reads of small sections; wiped after each use

  private Scratch() {
    memory.clear(); // malloc'd: both buffers must start empty (KARTLA_BUFFER_INIT)
  }

  public static Scratch get() {
    return MINE.get();
  }

  /**
   * This thread's native buffer for a read of at most {@link #SMALL} bytes into a heap array: the
   * caller wipes what it used ({@code clear(n)}) before the call returns.
   */
  public Memory small(long capacity) {
    if (capacity > SMALL) throw new IllegalArgumentException("not small");
    if (small == null) {
      small = new Memory(SMALL);
      small.clear();
    }
    return small;
  }

  /** An empty kartla_buffer (KARTLA_BUFFER_INIT) for the call to fill. */
  public Pointer buffer() {
    buffer.clear(BUFFER_SIZE);
    return buffer;
  }

  /** A second empty kartla_buffer (the recovery code of a new identity). */
  public Pointer buffer2() {
    buffer2.clear(BUFFER_SIZE);
    return buffer2;
  }

  /** An 8-byte out-parameter (a handle, size_t, uint64_t or int), zeroed. */
  public Pointer out() {
    out.setLong(0, 0);
    return out;
  }

  /** A second 8-byte out-parameter, zeroed. */
  public Pointer out2() {
    out2.setLong(0, 0);
    return out2;
  }

  public Pointer outPointer() {
    return out.getPointer(0);
  }

  public long outLong() {
    return out.getLong(0);
  }

  public long out2Long() {
    return out2.getLong(0);
  }

  public int outInt() {
    return out.getInt(0);
  }

  /** Whether the first buffer holds anything (a call filled it). */
  public boolean hasBuffer() {
    return buffer.getPointer(0) != null;
  }

  /** Frees (and so wipes) both buffers; fine when empty. */
  public void freeBuffers() {
    Native.kartla_buffer_free(buffer);
    Native.kartla_buffer_free(buffer2);
  }

  /** The first buffer's bytes, copied into a new array. */
  public byte[] bytes() {
    return bytesOf(buffer);
  }

  public byte[] bytes2() {
    return bytesOf(buffer2);
  }

  /** The first buffer as UTF-8 text. */
  public String text() {
    byte[] utf8 = bytes();
    try {
      return new String(utf8, StandardCharsets.UTF_8);
    } finally {
      java.util.Arrays.fill(utf8, (byte) 0);
    }
  }

  /**
   * The first buffer's protobuf message, parsed straight from the library's memory (no
   * intermediate array).
   */
  public <T> T message(Parser<T> parser) {
    long len = buffer.getLong(8);
    Pointer data = buffer.getPointer(0);
    ByteBuffer view = len == 0 || data == null ? ByteBuffer.allocate(0) : data.getByteBuffer(0, len);
    try {
      return parser.parseFrom(CodedInputStream.newInstance(view));
    } catch (InvalidProtocolBufferException e) {
      throw new KartlaException(Status.E_INTERNAL,
          "the library's result does not parse as the message its header names: " + e.getMessage());
    }
  }

  /** The second buffer's text as chars, without a String (the recovery code), for the caller to wipe. */
  public char[] chars2() {
    long len = buffer2.getLong(8);
    Pointer data = buffer2.getPointer(0);
    char[] chars = new char[(int) len];
    for (int i = 0; i < len; i++) {
      byte b = data.getByte(i);
      if (b < 0) throw new KartlaException(Status.E_INTERNAL, "a recovery code is ASCII");
      chars[i] = (char) b;
    }
    return chars;
  }

  private static byte[] bytesOf(Pointer buf) {
    long len = buf.getLong(8);
    if (len > Integer.MAX_VALUE - 8) {
      throw new KartlaException(Status.E_LIMIT, "a result of " + len + " bytes does not fit a Java array");
    }
    byte[] bytes = new byte[(int) len];
    if (len > 0) buf.getPointer(0).read(0, bytes, 0, (int) len);
    return bytes;
  }
}
