// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import com.sun.jna.Pointer;
import java.nio.file.Path;
import se.kartla.internal.Access;
import se.kartla.internal.Args;
import se.kartla.internal.Calls;
import se.kartla.internal.Handle;
import se.kartla.internal.Lib;
import se.kartla.internal.Native;
import se.kartla.internal.Scratch;
import se.kartla.internal.Secret;
import se.kartla.internal.Struct;
import se.kartla.internal.Text;

/**
 * An identity: an owner's (participant's), an agency's or a trust root's Ed25519 + X25519 keys,
 * unlocked ({@code kartla_identity}, kartla/identity.h). Its file keeps the secret keys encrypted
 * under Argon2id(passphrase) and, separately, under a recovery code.
 *
 * <p><b>Ownership:</b> the caller owns an Identity and closes it ({@link #close()} wipes the keys
 * in the library); a forgotten one is closed when it is garbage collected. Closing twice is
 * fine; any other call on a closed Identity is a {@link KartlaException} with
 * {@link Status#E_INVALID_ARGUMENT}. Objects made with it (a {@link Record}, a {@link Share})
 * keep what they need and do not depend on it staying open.
 *
 * <p><b>Passphrases and recovery codes</b> are taken as {@code char[]} (or UTF-8 {@code byte[]}):
 * the binding encodes them into memory it wipes after the call and keeps no copy; the caller's
 * array stays the caller's to wipe ({@code Arrays.fill(passphrase, '\0')}).
 *
 * <p><b>Thread safety:</b> one Identity may be used from several threads at once (opening
 * records and shares, reading its card); {@link #setPassphrase} and {@link #useStateFolder} wait
 * until no other call is using it.
 */
public final class Identity implements AutoCloseable {
  static {
    Access.set(new Access.Bridge() {
      @Override
      public Handle handle(Identity identity) {
        return Args.notNull(identity, "identity").handle;
      }

      @Override
      public Handle handle(Record record) {
        return Args.notNull(record, "record").handle;
      }

      @Override
      public Handle handle(Share share) {
        return Args.notNull(share, "share").handle;
      }

      @Override
      public NewIdentity newIdentity(Pointer identity, char[] recoveryCode) {
        return new NewIdentity(new Identity(identity), recoveryCode);
      }
    });
  }

  private static final int SAVE_CREATE_ONLY = 1;

  final Handle handle;

  private Identity(Pointer peer) {
    handle = new Handle(this, "Identity", peer, Native::kartla_identity_free, Handle.Concurrency.READ_WRITE);
  }

  /**
   * A new owner identity, unlocked, and its recovery code. {@code options} may be null (the
   * defaults). The passphrase must not be empty.
   */
  public static NewIdentity create(char[] passphrase, IdentityOptions options) {
    Lib.check();
    try (Secret pw = Secret.ofChars(passphrase, "passphrase")) {
      return create(pw, options);
    }
  }

  /** As {@link #create(char[], IdentityOptions)}, with the passphrase as UTF-8 bytes. */
  public static NewIdentity create(byte[] passphrase, IdentityOptions options) {
    Lib.check();
    try (Secret pw = Secret.of(passphrase, "passphrase")) {
      return create(pw, options);
    }
  }

  private static NewIdentity create(Secret pw, IdentityOptions options) {
    try (Struct o = IdentityOptions.toStruct(options)) {
      Scratch s = Scratch.get();
      try {
        Calls.check(Native.kartla_identity_new(o.pointer(), pw.pointer(), pw.length(), s.out(), s.buffer2()));
        return new NewIdentity(new Identity(s.outPointer()), s.chars2());
      } finally {
        s.freeBuffers();
      }
    }
  }

  /**
   * A new agency identity, whose card names the agency ({@code info}, checked by the library:
   * {@link Status#E_INVALID_ARGUMENT} says what is wrong, e.g. an organisation number whose check
   * digit fails), and its recovery code.
   */
  public static NewIdentity createAgency(AgencyInfo info, char[] passphrase, IdentityOptions options) {
    Lib.check();
    Args.notNull(info, "info");
    try (Secret pw = Secret.ofChars(passphrase, "passphrase");
        Struct i = info.toStruct();
        Struct o = IdentityOptions.toStruct(options)) {
      Scratch s = Scratch.get();
      try {
        Calls.check(Native.kartla_identity_new_agency(i.pointer(), o.pointer(), pw.pointer(), pw.length(), s.out(),
            s.buffer2()));
        return new NewIdentity(new Identity(s.outPointer()), s.chars2());
      } finally {
        s.freeBuffers();
      }
    }
  }

  /**
   * Unlocks an identity file's bytes. {@link Status#E_AUTH} for a wrong passphrase;
   * {@link Status#E_FORMAT} / {@link Status#E_LIMIT} for a file whose Argon2id parameters are out
   * of bounds (refused before any hashing).
   */
  public static Identity open(byte[] file, char[] passphrase) {
    Lib.check();
    try (Secret pw = Secret.ofChars(passphrase, "passphrase")) {
      return open(file, pw);
    }
  }

  /** As {@link #open(byte[], char[])}, with the passphrase as UTF-8 bytes. */
  public static Identity open(byte[] file, byte[] passphrase) {
    Lib.check();
    try (Secret pw = Secret.of(passphrase, "passphrase")) {
      return open(file, pw);
    }
  }

  private static Identity open(byte[] file, Secret pw) {
    Args.notNull(file, "file");
    Scratch s = Scratch.get();
    Calls.check(Native.kartla_identity_open(file, file.length, pw.pointer(), pw.length(), s.out()));
    return new Identity(s.outPointer());
  }

  /** As {@link #open(byte[], char[])}, from a file. */
  public static Identity openFile(Path path, char[] passphrase) {
    Lib.check();
    byte[] p = Text.path(path, "path");
    try (Secret pw = Secret.ofChars(passphrase, "passphrase")) {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_identity_open_file(p, pw.pointer(), pw.length(), s.out()));
      return new Identity(s.outPointer());
    }
  }

  /** As {@link #openFile(Path, char[])}, with the passphrase as UTF-8 bytes. */
  public static Identity openFile(Path path, byte[] passphrase) {
    Lib.check();
    byte[] p = Text.path(path, "path");
    try (Secret pw = Secret.of(passphrase, "passphrase")) {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_identity_open_file(p, pw.pointer(), pw.length(), s.out()));
      return new Identity(s.outPointer());
    }
  }

  /**
   * Unlocks with the recovery code instead (any case; '-' and ' ' separators ignored). A mistyped
   * and a wrong code are both {@link Status#E_AUTH}, with different messages.
   */
  public static Identity recover(byte[] file, char[] recoveryCode) {
    Lib.check();
    Args.notNull(file, "file");
    try (Secret code = Secret.ofChars(recoveryCode, "recovery code")) {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_identity_recover(file, file.length, code.pointer(), code.length(), s.out()));
      return new Identity(s.outPointer());
    }
  }

  /** As {@link #recover(byte[], char[])}, from a file. */
  public static Identity recoverFile(Path path, char[] recoveryCode) {
    Lib.check();
    byte[] p = Text.path(path, "path");
    try (Secret code = Secret.ofChars(recoveryCode, "recovery code")) {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_identity_recover_file(p, code.pointer(), code.length(), s.out()));
      return new Identity(s.outPointer());
    }
  }

  /**
   * Locks the identity under a new passphrase (fresh salt); the recovery code stays valid. The
   * change reaches the disk with {@link #save}. Waits until no other call uses this identity.
   */
  public void setPassphrase(char[] passphrase) {
    try (Secret pw = Secret.ofChars(passphrase, "passphrase")) {
      setPassphrase(pw);
    }
  }

  /** As {@link #setPassphrase(char[])}, with the passphrase as UTF-8 bytes. */
  public void setPassphrase(byte[] passphrase) {
    try (Secret pw = Secret.of(passphrase, "passphrase")) {
      setPassphrase(pw);
    }
  }

  private void setPassphrase(Secret pw) {
    Pointer p = handle.acquireExclusive();
    try {
      Calls.check(Native.kartla_identity_set_passphrase(p, pw.pointer(), pw.length()));
    } finally {
      handle.releaseExclusive();
    }
  }

  /**
   * Writes the locked identity file atomically (temporary file, fsync, rename, directory fsync),
   * with the versions of records it has seen, replacing any file at {@code path}.
   */
  public void save(Path path) {
    save(path, 0);
  }

  /** As {@link #save}, but {@link Status#E_INVALID_ARGUMENT} if {@code path} exists. */
  public void saveNew(Path path) {
    save(path, SAVE_CREATE_ONLY);
  }

  private void save(Path path, int flags) {
    byte[] target = Text.path(path, "path");
    Pointer p = handle.acquire();
    try {
      Calls.check(Native.kartla_identity_save(p, target, flags));
    } finally {
      handle.release();
    }
  }

  /** The locked identity file's bytes. */
  public byte[] fileBytes() {
    return bytes(Native::kartla_identity_file_bytes);
  }

  /** The public card file's bytes: safe to give to anyone. */
  public byte[] card() {
    return bytes(Native::kartla_identity_card);
  }

  /** The fingerprint: eight groups of four hex digits, to compare aloud. */
  public String fingerprint() {
    Pointer p = handle.acquire();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_identity_fingerprint(p, s.buffer()));
      return s.text();
    } finally {
      s.freeBuffers();
      handle.release();
    }
  }

  /**
   * Keeps this identity's record of versions seen also in {@code folder}, a folder of this
   * computer that does not travel with the record (e.g. $XDG_STATE_HOME/kartla); merges what is
   * there. {@link Status#E_IO} if the folder cannot be used; {@link Status#E_INTEGRITY} if its
   * file was not written by this identity. Waits until no other call uses this identity.
   */
  public void useStateFolder(Path folder) {
    byte[] f = Text.path(folder, "folder");
    Pointer p = handle.acquireExclusive();
    try {
      Calls.check(Native.kartla_identity_use_state_folder(p, f));
    } finally {
      handle.releaseExclusive();
    }
  }

  /** Wipes the keys and releases the identity (after any call still running on it). Idempotent. */
  @Override
  public void close() {
    handle.close();
  }

  /** Whether {@link #close()} was called (or the Cleaner closed it). */
  public boolean isClosed() {
    return handle.isClosed();
  }

  private interface BufferCall {
    int call(Pointer identity, Pointer out);
  }

  private byte[] bytes(BufferCall call) {
    Pointer p = handle.acquire();
    Scratch s = Scratch.get();
    try {
      Calls.check(call.call(p, s.buffer()));
      return s.bytes();
    } finally {
      s.freeBuffers();
      handle.release();
    }
  }
}
