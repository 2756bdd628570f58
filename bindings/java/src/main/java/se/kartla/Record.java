// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import com.google.protobuf.Message;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import se.kartla.internal.Args;
import se.kartla.internal.Calls;
import se.kartla.internal.Handle;
import se.kartla.internal.Lib;
import se.kartla.internal.Native;
import se.kartla.internal.Scratch;
import se.kartla.internal.Secret;
import se.kartla.internal.Struct;
import se.kartla.internal.Text;
import se.kartla.v1.RevocationSummary;
import se.kartla.v1.SectionList;
import se.kartla.v1.SectionListing;

/**
 * The owner's record ({@code kartla_record}, kartla/record.h and the owner's side of
 * kartla/share.h): every section readable and writable; changes reach the disk only with
 * {@link #save}, which writes the next signed version.
 *
 * <p><b>Ownership:</b> the caller owns a Record and closes it ({@link #close()} wipes its keys);
 * a forgotten one is closed when garbage collected. Closing twice is fine; any other call on a
 * closed Record is a {@link KartlaException} ({@link Status#E_INVALID_ARGUMENT}). The record keeps
 * its own copy of the owner's keys: the {@link Identity} may be closed while it lives.
 *
 * <p><b>Thread safety:</b> the C record must not be used by two threads at once (it caches an
 * open file); this class makes concurrent calls wait for each other, so sharing one Record
 * between threads is safe but serial. Use one Record per thread for parallel work.
 *
 * <p><b>Plaintext:</b> section content handed in is copied into memory the binding wipes after
 * the call. Content handed out ({@code byte[]}, {@code String}, protobuf objects) lives in the
 * Java heap, which cannot be wiped reliably; {@link #sectionInto} reads into memory the caller
 * owns and can wipe.
 */
public final class Record implements AutoCloseable {
  private static final int PROTOBUF = 0;

  final Handle handle;

  private Record(Pointer peer) {
    handle = new Handle(this, "Record", peer, Native::kartla_record_free, Handle.Concurrency.EXCLUSIVE);
  }

  /**
   * A new, empty record owned by {@code owner}, not yet saved (sequence 0).
   * {@link Status#E_INVALID_ARGUMENT} if {@code owner} is an agency's or a trust root's identity.
   */
  public static Record create(Identity owner) {
    Lib.check();
    Handle o = Args.notNull(owner, "owner").handle;
    Pointer op = o.acquire();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_record_new(op, s.out()));
      return new Record(s.outPointer());
    } finally {
      o.release();
    }
  }

  /** Opens the owner's record file, with the default {@link RecordOpenOptions}. */
  public static Record openFile(Path path, Identity owner) {
    return openFile(path, owner, null);
  }

  /**
   * Opens the owner's record file. {@link Status#E_INVALID_ARGUMENT} if {@code owner} is not an
   * owner identity; {@link Status#E_AUTH} if the record is another identity's;
   * {@link Status#E_FORMAT} for a share bundle; {@link Status#E_ROLLBACK} for an older copy or a
   * fork (see {@link RecordOpenOptions}); signature, limit and format errors as
   * {@link Verification#openFile}. The file is held open: bodies are read when asked for.
   * {@code options} may be null (the defaults).
   */
  public static Record openFile(Path path, Identity owner, RecordOpenOptions options) {
    Lib.check();
    byte[] p = Text.path(path, "path");
    Handle o = Args.notNull(owner, "owner").handle;
    try (Struct opts = (options == null ? RecordOpenOptions.defaults() : options).toStruct()) {
      Pointer op = o.acquire();
      try {
        Scratch s = Scratch.get();
        Calls.check(Native.kartla_record_open_file_with_options(p, op, opts.pointer(), s.out()));
        return new Record(s.outPointer());
      } finally {
        o.release();
      }
    }
  }

  /** As {@link #openFile(Path, Identity)}, from the file's bytes (copied). */
  public static Record open(byte[] bytes, Identity owner) {
    return open(bytes, owner, null);
  }

  /** As {@link #openFile(Path, Identity, RecordOpenOptions)}, from the file's bytes (copied). */
  public static Record open(byte[] bytes, Identity owner, RecordOpenOptions options) {
    Lib.check();
    Args.notNull(bytes, "bytes");
    Handle o = Args.notNull(owner, "owner").handle;
    try (Struct opts = (options == null ? RecordOpenOptions.defaults() : options).toStruct()) {
      Pointer op = o.acquire();
      try {
        Scratch s = Scratch.get();
        Calls.check(Native.kartla_record_open_with_options(bytes, bytes.length, op, opts.pointer(), s.out()));
        return new Record(s.outPointer());
      } finally {
        o.release();
      }
    }
  }

  /**
   * Saves the next version (sequence + 1) atomically under an exclusive lock on
   * {@code path}.lock. First, every grant past its expiry at the record's clock ends as a
   * revocation would. {@link Status#E_BUSY} if another program holds the lock or saved a newer
   * version; {@link Status#E_ROLLBACK} if a later version was seen since this one was opened;
   * {@link Status#E_IO} if the disk refused (the old file is then unchanged).
   */
  public void save(Path path) {
    byte[] p = Text.path(path, "path");
    Pointer r = handle.acquireExclusive();
    try {
      Calls.check(Native.kartla_record_save(r, p));
    } finally {
      handle.releaseExclusive();
    }
  }

  /**
   * The time the owner's operations use where they take none of their own (saving ends the
   * grants expired by then; exporting refuses them); null = the system clock.
   */
  public void setClock(Instant now) {
    long t = Args.seconds(now, "now");
    Pointer r = handle.acquireExclusive();
    try {
      Calls.check(Native.kartla_record_set_clock(r, t));
    } finally {
      handle.releaseExclusive();
    }
  }

  /** The record id: 32 lowercase hex digits, the same in every version and bundle. */
  public String id() {
    Pointer r = handle.acquireExclusive();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_record_id(r, s.buffer()));
      return s.text();
    } finally {
      s.freeBuffers();
      handle.releaseExclusive();
    }
  }

  /** The sequence number of the version last opened or saved (0 if never saved). */
  public long sequence() {
    Pointer r = handle.acquireExclusive();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_record_sequence(r, s.out()));
      return s.outLong();
    } finally {
      handle.releaseExclusive();
    }
  }

  /** The sections the record holds, unknown ids (a newer writer's) included. */
  public SectionList sections() {
    Pointer r = handle.acquireExclusive();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_record_sections(r, PROTOBUF, s.buffer()));
      return s.message(SectionList.parser());
    } finally {
      s.freeBuffers();
      handle.releaseExclusive();
    }
  }

  /** The names of the sections the record holds. */
  public List<String> sectionNames() {
    List<String> names = new ArrayList<>();
    for (SectionListing l : sections().getSectionsList()) names.add(l.getName());
    return names;
  }

  /** Whether the record holds the section. */
  public boolean hasSection(String section) {
    byte[] name = Text.c(section, "section");
    Pointer r = handle.acquireExclusive();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_record_has_section(r, name, s.out()));
      return s.outInt() != 0;
    } finally {
      handle.releaseExclusive();
    }
  }

  /**
   * Replaces a section's content with protobuf bytes of its message. {@link Status#E_SCHEMA} if
   * they are not a valid message of that type or break a content rule (the record is unchanged);
   * {@link Status#E_INVALID_ARGUMENT} for "sharing_ledger" (only sharing writes it).
   */
  public void setSection(String section, byte[] protobuf) {
    byte[] name = Text.c(section, "section");
    try (Secret content = Secret.of(protobuf, "protobuf")) {
      Pointer r = handle.acquireExclusive();
      try {
        Calls.check(Native.kartla_record_set_section(r, name, content.pointer(), content.length()));
      } finally {
        handle.releaseExclusive();
      }
    }
  }

  /** As {@link #setSection(String, byte[])}, from a message of the section's class. */
  public <T extends Message> void setSection(Section<T> section, T content) {
    Args.notNull(section, "section");
    byte[] bytes = Args.notNull(content, "content").toByteArray();
    try {
      setSection(section.name(), bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** As {@link #setSection(String, byte[])}, from protobuf JSON; E_SCHEMA names what does not match. */
  public void setSectionJson(String section, String json) {
    byte[] name = Text.c(section, "section");
    try (Secret content = Secret.ofString(json, "json")) {
      Pointer r = handle.acquireExclusive();
      try {
        Calls.check(Native.kartla_record_set_section_json(r, name, content.pointer(), content.length()));
      } finally {
        handle.releaseExclusive();
      }
    }
  }

  /**
   * A section's content as protobuf bytes. {@link Status#E_NOT_FOUND} if the record does not hold
   * it; {@link Status#E_INTEGRITY} if it fails authentication (nothing is returned).
   */
  public byte[] section(String section) {
    byte[] name = Text.c(section, "section");
    Pointer r = handle.acquireExclusive();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_record_section(r, name, s.buffer()));
      return s.bytes();
    } finally {
      s.freeBuffers();
      handle.releaseExclusive();
    }
  }

  /** A section's content as its message, parsed from the library's memory without a copy in between. */
  public <T extends Message> T section(Section<T> section) {
    byte[] name = Text.c(Args.notNull(section, "section").name(), "section");
    Pointer r = handle.acquireExclusive();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_record_section(r, name, s.buffer()));
      return s.message(section.parser());
    } finally {
      s.freeBuffers();
      handle.releaseExclusive();
    }
  }

  /** A section's content as protobuf JSON (snake_case field names). */
  public String sectionJson(String section) {
    byte[] name = Text.c(section, "section");
    Pointer r = handle.acquireExclusive();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_record_section_json(r, name, s.buffer()));
      return s.text();
    } finally {
      s.freeBuffers();
      handle.releaseExclusive();
    }
  }

  /**
   * The capacity {@link #sectionInto} needs: the section's padded length (at least the content's
   * length, at most 6.25 % or the 1 KiB floor above it). {@link Status#E_NOT_FOUND} if absent.
   */
  public long sectionSize(String section) {
    byte[] name = Text.c(section, "section");
    Pointer r = handle.acquireExclusive();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_record_section_size(r, name, s.out()));
      return s.outLong();
    } finally {
      handle.releaseExclusive();
    }
  }

  /**
   * Decrypts a section into {@code dst} at its position, advances the position by the content's
   * length and returns it: the plaintext is then in memory the caller owns and should wipe when
   * done. A direct buffer is written by the library itself, with no copy; a heap buffer through
   * native memory that is wiped after one copy. {@code dst} needs {@link #sectionSize} bytes
   * remaining ({@link Status#E_INVALID_ARGUMENT} otherwise). On failure nothing of the section is
   * left in {@code dst}.
   */
  public int sectionInto(String section, ByteBuffer dst) {
    byte[] name = Text.c(section, "section");
    Pointer r = handle.acquireExclusive();
    try {
      Scratch s = Scratch.get();
      return Into.read(dst, () -> {
        Calls.check(Native.kartla_record_section_size(r, name, s.out()));
        return s.outLong();
      }, (out, capacity) -> {
        Calls.check(Native.kartla_record_section_into(r, name, out, capacity, s.out2()));
        return s.out2Long();
      });
    } finally {
      handle.releaseExclusive();
    }
  }

  /** As {@link #sectionInto(String, ByteBuffer)}, into the start of {@code dst}. */
  public int sectionInto(String section, byte[] dst) {
    return sectionInto(section, ByteBuffer.wrap(Args.notNull(dst, "dst")));
  }

  /** Removes a section. {@link Status#E_NOT_FOUND} if absent. */
  public void removeSection(String section) {
    byte[] name = Text.c(section, "section");
    Pointer r = handle.acquireExclusive();
    try {
      Calls.check(Native.kartla_record_remove_section(r, name));
    } finally {
      handle.releaseExclusive();
    }
  }

  /**
   * Whether sharing the section would share health data (GDPR Art. 9): work_ability always;
   * notes or documents with an entry flagged as health data.
   */
  public boolean isSpecial(String section) {
    byte[] name = Text.c(section, "section");
    Pointer r = handle.acquireExclusive();
    try {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_record_section_is_special(r, name, s.out()));
      return s.outInt() != 0;
    } finally {
      handle.releaseExclusive();
    }
  }

  /**
   * Grants {@code sections} (never "sharing_ledger") to the agency whose card file is
   * {@code agencyCard}, and returns the grant's id (32 hex digits). The change reaches the disk
   * with {@link #save}; then {@link #exportBundle} writes the agency's bundle.
   * {@link Status#E_NOT_FOUND} for a section the record does not hold;
   * {@link Status#E_INVALID_ARGUMENT} for a card that is not an agency's, no purpose, a past
   * expiry, health data without an Art. 9(2) basis, or a basis that is not a valid code.
   */
  public String share(byte[] agencyCard, List<String> sections, ShareOptions options) {
    Args.notNull(agencyCard, "agencyCard");
    Args.notNull(sections, "sections");
    Args.notNull(options, "options");
    Struct names = sections.isEmpty() ? null : new Struct(8 * sections.size());
    try (Struct opts = options.toStruct()) {
      for (int i = 0; i < sections.size(); i++) names.putText(8L * i, Text.c(sections.get(i), "sections[" + i + "]"));
      Pointer r = handle.acquireExclusive();
      Scratch s = Scratch.get();
      try {
        Calls.check(Native.kartla_record_share(r, agencyCard, agencyCard.length,
            names == null ? null : names.pointer(), sections.size(), opts.pointer(), s.buffer()));
        return s.text();
      } finally {
        s.freeBuffers();
        handle.releaseExclusive();
      }
    } finally {
      if (names != null) names.close();
    }
  }

  /**
   * Writes, atomically, the share bundle of one grant: the signed manifest, the ciphertexts the
   * grant still covers and that grant only. The record must be saved. {@link Status#E_NOT_FOUND}
   * for an unknown or revoked grant; {@link Status#E_EXPIRED} past its expiry at the record's
   * clock: an ended grant is never exported.
   */
  public void exportBundle(String grantId, Path out) {
    byte[] id = Text.c(grantId, "grantId");
    byte[] p = Text.path(out, "out");
    Pointer r = handle.acquireExclusive();
    try {
      Calls.check(Native.kartla_record_export_bundle(r, id, p));
    } finally {
      handle.releaseExclusive();
    }
  }

  /**
   * Revokes every grant to the agency whose card is {@code agencyCard}, at {@code now} (null:
   * the record's clock). What was shared cannot be unshared: the sections it could read move to
   * new keys at the next {@link #save}, so it cannot read anything written afterwards; what it
   * already read or copied stays with it. {@link Status#E_NOT_FOUND} if nothing is shared with
   * that agency.
   */
  public RevocationSummary revoke(byte[] agencyCard, Instant now) {
    Args.notNull(agencyCard, "agencyCard");
    long t = Args.seconds(now, "now");
    Pointer r = handle.acquireExclusive();
    Scratch s = Scratch.get();
    try {
      Calls.check(Native.kartla_record_revoke(r, agencyCard, agencyCard.length, t, PROTOBUF, s.buffer()));
      return s.message(RevocationSummary.parser());
    } finally {
      s.freeBuffers();
      handle.releaseExclusive();
    }
  }

  /** Wipes the keys and releases the record (after a call still running on it). Idempotent. */
  @Override
  public void close() {
    handle.close();
  }

  /** Whether {@link #close()} was called (or the Cleaner closed it). */
  public boolean isClosed() {
    return handle.isClosed();
  }
}
