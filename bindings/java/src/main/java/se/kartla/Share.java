// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import com.google.protobuf.Message;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import se.kartla.internal.Args;
import se.kartla.internal.Calls;
import se.kartla.internal.Handle;
import se.kartla.internal.Lib;
import se.kartla.internal.Native;
import se.kartla.internal.Scratch;
import se.kartla.internal.Text;
import se.kartla.v1.ShareDescription;

/**
 * A share opened by an agency ({@code kartla_share}, the agency's side of kartla/share.h): a share
 * bundle or the owner's full record file, read with the agency's identity. Only sections granted
 * to this agency can be read, and each is checked against the owner's signature, its ciphertext
 * hash, the key commitment, its binding to this record, section and key generation, and the
 * grant's expiry at the time asked for.
 *
 * <p><b>Ownership:</b> the caller owns a Share and closes it; a forgotten one is closed when
 * garbage collected. Closing twice is fine; any other call on a closed Share is a
 * {@link KartlaException} ({@link Status#E_INVALID_ARGUMENT}). It holds its file open, and does
 * not depend on the agency {@link Identity} staying open.
 *
 * <p><b>Thread safety:</b> immutable once opened: any number of threads may read from one Share
 * at once.
 *
 * <p><b>Times:</b> {@code at} is the time the grant's expiry is judged at; null is now.
 *
 * <p><b>Plaintext:</b> what the read methods return lives in the Java heap, which cannot be
 * wiped reliably (the garbage collector copies objects, and Strings and protobuf objects cannot
 * be cleared). {@link #sectionInto} reads into memory the caller owns and can wipe.
 */
public final class Share implements AutoCloseable {
  private static final int PROTOBUF = 0;

  final Handle handle;

  private Share(Pointer peer) {
    handle = new Handle(this, "Share", peer, Native::kartla_share_free, Handle.Concurrency.SHARED);
  }

  /**
   * Opens a share bundle or record file as {@code agency}. Signature, limit and format errors as
   * {@link Verification#openFile}.
   */
  public static Share openFile(Path path, Identity agency) {
    Lib.check();
    byte[] p = Text.path(path, "path");
    Handle a = Args.notNull(agency, "agency").handle;
    Pointer ap = a.acquire();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_share_open_file(p, ap, s.out()));
      return new Share(s.outPointer());
    } finally {
      a.release();
    }
  }

  /** As {@link #openFile}, from the file's bytes (copied). */
  public static Share open(byte[] bytes, Identity agency) {
    Lib.check();
    Args.notNull(bytes, "bytes");
    Handle a = Args.notNull(agency, "agency").handle;
    Pointer ap = a.acquire();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_share_open(bytes, bytes.length, ap, s.out()));
      return new Share(s.outPointer());
    } finally {
      a.release();
    }
  }

  /** As {@link #section(String, Instant)}, now. */
  public byte[] section(String section) {
    return section(section, null);
  }

  /**
   * A granted section's content as protobuf bytes, its grant checked at {@code at}.
   * {@link Status#E_NOT_SHARED} (naming the sections that are) if no grant of this agency covers
   * it in this file; {@link Status#E_EXPIRED} if the grants covering it have expired;
   * {@link Status#E_INTEGRITY} if it fails authentication. Nothing is returned on failure.
   */
  public byte[] section(String section, Instant at) {
    byte[] name = Text.c(section, "section");
    long t = Args.seconds(at, "at");
    Pointer p = handle.acquire();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_share_section(p, name, t, s.buffer()));
      return s.bytes();
    } finally {
      s.freeBuffers();
      handle.release();
    }
  }

  /**
   * A granted section as its message ({@code share.section(Section.LANGUAGES, at)} is a
   * {@link se.kartla.v1.Languages}), parsed from the library's memory without a copy in between.
   */
  public <T extends Message> T section(Section<T> section, Instant at) {
    byte[] name = Text.c(Args.notNull(section, "section").name(), "section");
    long t = Args.seconds(at, "at");
    Pointer p = handle.acquire();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_share_section(p, name, t, s.buffer()));
      return s.message(section.parser());
    } finally {
      s.freeBuffers();
      handle.release();
    }
  }

  /** As {@link #section(String, Instant)}, as protobuf JSON (snake_case field names). */
  public String sectionJson(String section, Instant at) {
    byte[] name = Text.c(section, "section");
    long t = Args.seconds(at, "at");
    Pointer p = handle.acquire();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_share_section_json(p, name, t, s.buffer()));
      return s.text();
    } finally {
      s.freeBuffers();
      handle.release();
    }
  }

  /**
   * The capacity {@link #sectionInto} needs (the padded length), with the same checks and errors
   * as {@link #section(String, Instant)}.
   */
  public long sectionSize(String section, Instant at) {
    byte[] name = Text.c(section, "section");
    long t = Args.seconds(at, "at");
    Pointer p = handle.acquire();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_share_section_size(p, name, t, s.out()));
      return s.outLong();
    } finally {
      handle.release();
    }
  }

  /**
   * Decrypts a granted section into {@code dst} at its position, advances the position by the
   * content's length and returns it: the plaintext is then in memory the caller owns, to wipe
   * when done. A direct buffer is written by the library itself (no copy at all); a heap buffer
   * through native memory wiped after one copy. {@code dst} needs {@link #sectionSize} bytes
   * remaining ({@link Status#E_INVALID_ARGUMENT} otherwise). Same checks and errors as
   * {@link #section(String, Instant)}; on failure nothing of the section is left in {@code dst}.
   */
  public int sectionInto(String section, Instant at, ByteBuffer dst) {
    byte[] name = Text.c(section, "section");
    long t = Args.seconds(at, "at");
    Pointer p = handle.acquire();
    try {
      Scratch s = Scratch.get();
      return Into.read(dst, () -> {
        Calls.check(Native.kartla_share_section_size(p, name, t, s.out()));
        return s.outLong();
      }, (out, capacity) -> {
        Calls.check(Native.kartla_share_section_into(p, name, t, out, capacity, s.out2()));
        return s.out2Long();
      });
    } finally {
      handle.release();
    }
  }

  /** As {@link #sectionInto(String, Instant, ByteBuffer)}, into the start of {@code dst}. */
  public int sectionInto(String section, Instant at, byte[] dst) {
    return sectionInto(section, at, ByteBuffer.wrap(Args.notNull(dst, "dst")));
  }

  /** What this file gives the agency: one entry per granted section, with purpose, bases and expiry. */
  public ShareDescription describe() {
    Pointer p = handle.acquire();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_share_describe(p, PROTOBUF, s.buffer()));
      return s.message(ShareDescription.parser());
    } finally {
      s.freeBuffers();
      handle.release();
    }
  }

  /** This copy's sequence number. */
  public long sequence() {
    Pointer p = handle.acquire();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_share_sequence(p, s.out()));
      return s.outLong();
    } finally {
      handle.release();
    }
  }

  /**
   * Returns if this copy's sequence is at least {@code lastSeen}; else {@link Status#E_ROLLBACK}
   * (authentic, but older than one already seen).
   */
  public void checkLastSeen(long lastSeen) {
    long seen = Args.unsigned(lastSeen, "lastSeen");
    Pointer p = handle.acquire();
    try {
      Calls.check(Native.kartla_share_check_last_seen(p, seen));
    } finally {
      handle.release();
    }
  }

  /**
   * Pins the owner: returns if this file is signed by the owner whose card file is
   * {@code ownerCard}, else {@link Status#E_AUTH} naming both fingerprints. A signature only
   * proves that some owner signed the file: an agency that knows whose record it expects should
   * check it. {@link Status#E_SIGNATURE} for a damaged card; {@link Status#E_INVALID_ARGUMENT} for
   * a card that is not an owner's.
   */
  public void checkOwner(byte[] ownerCard) {
    Args.notNull(ownerCard, "ownerCard");
    Pointer p = handle.acquire();
    try {
      Calls.check(Native.kartla_share_check_owner(p, ownerCard, ownerCard.length));
    } finally {
      handle.release();
    }
  }

  /** Releases the share (after any call still running on it). Idempotent. */
  @Override
  public void close() {
    handle.close();
  }

  /** Whether {@link #close()} was called (or the Cleaner closed it). */
  public boolean isClosed() {
    return handle.isClosed();
  }
}
