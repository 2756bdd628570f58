// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import se.kartla.internal.Args;
import se.kartla.internal.Calls;
import se.kartla.internal.Handle;
import se.kartla.internal.Lib;
import se.kartla.internal.Native;
import se.kartla.internal.Scratch;
import se.kartla.internal.Text;
import se.kartla.v1.VerificationReport;

/**
 * A record or bundle verified by anyone, without keys ({@code kartla_verification},
 * kartla/verify.h): the owner's signature over the exact manifest bytes, every entry and grant
 * covered by it, and the hash of every section body present. Opening is verifying: a file that
 * fails is a {@link KartlaException} ({@link Status#E_FORMAT}, {@link Status#E_SIGNATURE},
 * {@link Status#E_INTEGRITY}, ...).
 *
 * <p><b>Ownership:</b> the caller owns it and closes it; a forgotten one is closed when garbage
 * collected; closing twice is fine; a call on a closed one is {@link Status#E_INVALID_ARGUMENT}.
 *
 * <p><b>Thread safety:</b> immutable; may be shared between threads.
 */
public final class Verification implements AutoCloseable {
  private static final int PROTOBUF = 0;

  private final Handle handle;

  private Verification(Pointer peer) {
    handle = new Handle(this, "Verification", peer, Native::kartla_verification_free, Handle.Concurrency.SHARED);
  }

  public static Verification openFile(Path path) {
    Lib.check();
    byte[] p = Text.path(path, "path");
    Scratch s = Scratch.get();
    Calls.check(Native.kartla_verification_open_file(p, s.out()));
    return new Verification(s.outPointer());
  }

  public static Verification open(byte[] bytes) {
    Lib.check();
    Args.notNull(bytes, "bytes");
    Scratch s = Scratch.get();
    Calls.check(Native.kartla_verification_open(bytes, bytes.length, s.out()));
    return new Verification(s.outPointer());
  }

  public long sequence() {
    Pointer p = handle.acquire();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_verification_sequence(p, s.out()));
      return s.outLong();
    } finally {
      handle.release();
    }
  }

  /** The record id: 32 hex digits. */
  public String recordId() {
    return text(Native::kartla_verification_record_id);
  }

  /** The owner's fingerprint: compare it with the person's card to know whose record this is. */
  public String ownerFingerprint() {
    return text(Native::kartla_verification_owner_fingerprint);
  }

  /** The previous manifest's hash (64 hex digits); empty for the first version. */
  public String previousHash() {
    return text(Native::kartla_verification_previous_hash);
  }

  /** The whole report (docs/SPEC.md §8): exactly what a finder of the file learns. */
  public VerificationReport report() {
    Pointer p = handle.acquire();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_verification_report(p, PROTOBUF, s.buffer()));
      return s.message(VerificationReport.parser());
    } finally {
      s.freeBuffers();
      handle.release();
    }
  }

  /**
   * Returns if the verified copy's sequence is at least {@code lastSeen}; else
   * {@link Status#E_ROLLBACK}: authentic, but not the latest.
   */
  public void checkLastSeen(long lastSeen) {
    long seen = Args.unsigned(lastSeen, "lastSeen");
    Pointer p = handle.acquire();
    try {
      Calls.check(Native.kartla_verification_check_last_seen(p, seen));
    } finally {
      handle.release();
    }
  }

  @Override
  public void close() {
    handle.close();
  }

  public boolean isClosed() {
    return handle.isClosed();
  }

  private interface TextCall {
    int call(Pointer v, Pointer out);
  }

  private String text(TextCall call) {
    Pointer p = handle.acquire();
    Scratch s = Scratch.get();
    try {
      Calls.check(call.call(p, s.buffer()));
      return s.text();
    } finally {
      s.freeBuffers();
      handle.release();
    }
  }
}
