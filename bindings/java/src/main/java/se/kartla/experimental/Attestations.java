// SPDX-License-Identifier: Apache-2.0
package se.kartla.experimental;

import java.time.Instant;
import se.kartla.Identity;
import se.kartla.KartlaException;
import se.kartla.Record;
import se.kartla.Share;
import se.kartla.Status;
import se.kartla.internal.Args;
import se.kartla.internal.Calls;
import se.kartla.internal.Handle;
import se.kartla.internal.Lib;
import se.kartla.internal.Native;
import se.kartla.internal.Scratch;
import se.kartla.internal.Secret;
import se.kartla.internal.Struct;
import se.kartla.internal.Text;
import se.kartla.v1.AttestationReport;
import se.kartla.v1.ProvenanceReport;

/**
 * Attestations of entries, and provenance (kartla/experimental/attest.h, docs/SPEC.md §13): an
 * agency's signed claim about one entry of one person's record, bound to the owner's keys, the
 * record id, the section, the entry's id and its exact bytes. Static functions, no state: safe
 * on any thread, following the rules of the handles they take (a {@link Record} serialises its
 * calls).
 */
@Experimental
public final class Attestations {
  private Attestations() {}

  /**
   * The exact bytes of entry {@code entryId} inside section content {@code content} (protobuf
   * bytes of {@code section}): what an attestation covers. {@link Status#E_NOT_FOUND} if no entry
   * has that id; {@link Status#E_SCHEMA} if the content does not parse or two entries share it.
   */
  public static byte[] sectionEntry(String section, byte[] content, String entryId) {
    Lib.check();
    byte[] name = Text.c(section, "section");
    byte[] id = Text.c(entryId, "entryId");
    try (Secret c = Secret.of(content, "content")) {
      Scratch s = Scratch.get();
      try {
        Calls.check(Native.kartla_section_entry(name, c.pointer(), c.length(), id, s.buffer()));
        return s.bytes();
      } finally {
        s.freeBuffers();
      }
    }
  }

  /**
   * An attestation file signed by {@code agency} about the entry {@code ref} names, with
   * {@code claimJson} (docs/SPEC.md §13.2), issued at {@code issuedAt} (null: now), expiring at
   * {@code expiresAt} (null: never). {@link Status#E_SCHEMA} if the claim breaks a content rule
   * (field and rule id in the message); {@link Status#E_INVALID_ARGUMENT} if {@code agency} is not
   * an agency, the card not an owner's, or the entry bytes are not that entry's.
   */
  public static byte[] issue(Identity agency, EntryRef ref, String claimJson, Instant issuedAt, Instant expiresAt) {
    Lib.check();
    Args.notNull(ref, "ref");
    byte[] claim = Text.c(claimJson, "claimJson");
    long issued = Args.seconds(issuedAt, "issuedAt");
    long expires = Args.seconds(expiresAt, "expiresAt");
    Handle a = Calling.identity(agency, "agency");
    try (Struct r = ref.toStruct()) {
      return Calling.shared(a, p -> {
        Scratch s = Scratch.get();
        try {
          Calls.check(Native.kartla_attestation_issue(p, r.pointer(), claim, issued, expires, s.buffer()));
          return s.bytes();
        } finally {
          s.freeBuffers();
        }
      });
    }
  }

  /**
   * Checks an attestation file against the entry {@code ref} names at {@code now} (null: now),
   * with an optional trust list file (null: none). Returns the judgement whenever the
   * attestation was judged, valid or not ({@link AttestationCheck#status()}); throws when it
   * could not be judged (an expired or bad trust list: {@link Status#E_EXPIRED}, ...).
   */
  public static AttestationCheck verify(byte[] attestation, EntryRef ref, byte[] trustList, Instant now) {
    Lib.check();
    Args.notNull(attestation, "attestation");
    Args.notNull(ref, "ref");
    byte[] list = Calling.orEmpty(trustList);
    long t = Args.seconds(now, "now");
    try (Struct r = ref.toStruct()) {
      Scratch s = Scratch.get();
      try {
        int status = Native.kartla_attestation_verify(attestation, attestation.length, r.pointer(), list,
            list.length, t, Calling.PROTOBUF, s.buffer());
        KartlaException error = status == 0 ? null : Calls.error(status);
        if (!s.hasBuffer()) {
          if (error != null) throw error;
          throw new KartlaException(Status.E_INTERNAL, "kartla_attestation_verify gave no report");
        }
        AttestationReport report = s.message(AttestationReport.parser());
        return error == null
            ? new AttestationCheck(Status.OK, "", report)
            : new AttestationCheck(error.status(), error.libraryMessage(), report);
      } finally {
        s.freeBuffers();
      }
    }
  }

  /**
   * Stores an attestation with the entry of {@code record} it names, after checking it at
   * {@code now} (null: now); returns whether the record changed (false: it already held it). The
   * change reaches the disk with {@link Record#save}. {@code owner} is the record's owner
   * ({@link Status#E_AUTH} otherwise). An attestation that does not hold fails with the class
   * {@link #verify} gives.
   */
  public static boolean attach(Record record, Identity owner, byte[] attestation, Instant now) {
    Args.notNull(attestation, "attestation");
    long t = Args.seconds(now, "now");
    Handle r = Calling.record(record);
    Handle o = Calling.identity(owner, "owner");
    return Calling.exclusive(r, rp -> Calling.shared(o, op -> {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_record_attach_attestation(rp, op, attestation, attestation.length, t, s.out()));
      return s.outInt() != 0;
    }));
  }

  /**
   * The provenance of every entry of a section of the owner's record (self-declared, attested by a
   * trusted or unknown issuer, invalid), judged with {@code trustList} (null: no issuer trusted)
   * at {@code now} (null: now). {@link Status#E_NOT_FOUND} if the record does not hold the section.
   */
  public static ProvenanceReport provenance(Record record, Identity owner, String section, byte[] trustList,
      Instant now) {
    byte[] name = Text.c(section, "section");
    byte[] list = Calling.orEmpty(trustList);
    long t = Args.seconds(now, "now");
    Handle r = Calling.record(record);
    Handle o = Calling.identity(owner, "owner");
    return Calling.exclusive(r, rp -> Calling.shared(o, op -> {
      Scratch s = Scratch.get();
      try {
        Calls.check(Native.kartla_record_provenance(rp, op, name, list, list.length, t, Calling.PROTOBUF,
            s.buffer()));
        return s.message(ProvenanceReport.parser());
      } finally {
        s.freeBuffers();
      }
    }));
  }

  /** As {@link #provenance(Record, Identity, String, byte[], Instant)}, for a section an agency can read. */
  public static ProvenanceReport provenance(Share share, String section, byte[] trustList, Instant now) {
    byte[] name = Text.c(section, "section");
    byte[] list = Calling.orEmpty(trustList);
    long t = Args.seconds(now, "now");
    return Calling.shared(Calling.share(share), p -> {
      Scratch s = Scratch.get();
      try {
        Calls.check(Native.kartla_share_provenance(p, name, list, list.length, t, Calling.PROTOBUF, s.buffer()));
        return s.message(ProvenanceReport.parser());
      } finally {
        s.freeBuffers();
      }
    });
  }
}
