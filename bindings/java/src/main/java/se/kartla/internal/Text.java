// SPDX-License-Identifier: Apache-2.0
package se.kartla.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import se.kartla.KartlaException;
import se.kartla.Status;

/** Text for the C ABI: NUL-terminated UTF-8, refused when it cannot be that. Not API. */
public final class Text {
  private Text() {}

  /**
   * {@code s} as NUL-terminated UTF-8. Null, an embedded NUL (C would read a shorter string than
   * the caller gave) and an unpaired surrogate are E_INVALID_ARGUMENT naming {@code what}.
   */
  public static byte[] c(String s, String what) {
    if (s == null) throw Args.isNull(what);
    return encode(s, what);
  }

  /** As {@link #c}, with null allowed (a NULL pointer). */
  public static byte[] cOrNull(String s, String what) {
    return s == null ? null : encode(s, what);
  }

  public static byte[] path(Path path, String what) {
    if (path == null) throw Args.isNull(what);
    return encode(path.toString(), what);
  }

  private static byte[] encode(String s, String what) {
    if (s.indexOf('\0') >= 0) {
      throw new KartlaException(Status.E_INVALID_ARGUMENT, what + " contains a NUL character");
    }
    byte[] utf8 = utf8(CharBuffer.wrap(s), what);
    return Arrays.copyOf(utf8, utf8.length + 1);
  }

  /** Strict UTF-8 of any characters; the caller wipes the result when it holds a secret. */
  static byte[] utf8(CharBuffer chars, String what) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer out = ByteBuffer.allocate(chars.remaining() * 3);
    try {
      var result = encoder.encode(chars, out, true);
      if (!result.isUnderflow()) result.throwException();
      result = encoder.flush(out);
      if (!result.isUnderflow()) result.throwException();
    } catch (CharacterCodingException e) {
      Arrays.fill(out.array(), (byte) 0);
      throw new KartlaException(Status.E_INVALID_ARGUMENT, what + " is not valid Unicode (an unpaired surrogate)");
    }
    byte[] bytes = out.array();
    if (out.position() == bytes.length) return bytes;
    byte[] exact = Arrays.copyOf(bytes, out.position());
    Arrays.fill(bytes, (byte) 0);
    return exact;
  }
}
