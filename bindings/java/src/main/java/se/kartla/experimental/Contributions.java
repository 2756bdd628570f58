// SPDX-License-Identifier: Apache-2.0
package se.kartla.experimental;

import java.time.Instant;
import se.kartla.Identity;
import se.kartla.Record;
import se.kartla.Status;
import se.kartla.internal.Args;
import se.kartla.internal.Calls;
import se.kartla.internal.Handle;
import se.kartla.internal.Native;
import se.kartla.internal.Scratch;
import se.kartla.internal.Secret;
import se.kartla.internal.Text;
import se.kartla.v1.ContributionDescription;

/**
 * Contributions (kartla/experimental/contribution.h, docs/SPEC.md §13.5): an agency's entry for
 * one section of a person's record, signed by the agency and sealed to the owner, who accepts it
 * into the record or does not. Static functions, no state.
 */
@Experimental
public final class Contributions {
  private Contributions() {}

  /**
   * An agency's contribution file: {@code entryJson} (the JSON of one element of the section's
   * {@code entries}, with a non-empty "id") for section {@code section} of record
   * {@code recordId} of the owner whose card is {@code ownerCard}, signed by {@code agency} and
   * sealed to that owner. {@code claimJson} null: the default claim (CONTRIBUTED). {@code now}
   * null: now. {@link Status#E_SCHEMA} if the entry or claim breaks a rule (field path and rule
   * id in the message); {@link Status#E_INVALID_ARGUMENT} if {@code agency} is not an agency, the
   * card not an owner's, or the section takes no contributions.
   */
  public static byte[] create(Identity agency, byte[] ownerCard, String recordId, String section, String entryJson,
      String claimJson, Instant now) {
    Args.notNull(ownerCard, "ownerCard");
    byte[] id = Text.c(recordId, "recordId");
    byte[] name = Text.c(section, "section");
    byte[] claim = Text.cOrNull(claimJson, "claimJson");
    long t = Args.seconds(now, "now");
    Handle a = Calling.identity(agency, "agency");
    try (Secret entry = Secret.ofString(entryJson, "entryJson")) {
      return Calling.shared(a, ap -> {
        Scratch s = Scratch.get();
        try {
          Calls.check(Native.kartla_contribution_create(ap, ownerCard, ownerCard.length, id, name, entry.pointer(),
              entry.length(), claim, t, s.buffer()));
          return s.bytes();
        } finally {
          s.freeBuffers();
        }
      });
    }
  }

  /**
   * Opens a contribution file as {@code owner} and verifies it completely before describing it.
   * {@code recordId}: 32 hex digits to require that record, or null. {@link Status#E_AUTH} not
   * sealed to this owner or damaged; {@link Status#E_SIGNATURE} a bad signature or made for
   * another person or record.
   */
  public static ContributionDescription describe(Identity owner, byte[] contribution, String recordId, Instant now) {
    Args.notNull(contribution, "contribution");
    byte[] id = Text.cOrNull(recordId, "recordId");
    long t = Args.seconds(now, "now");
    return Calling.shared(Calling.identity(owner, "owner"), op -> {
      Scratch s = Scratch.get();
      try {
        Calls.check(Native.kartla_contribution_describe(op, contribution, contribution.length, id, t,
            Calling.PROTOBUF, s.buffer()));
        return s.message(ContributionDescription.parser());
      } finally {
        s.freeBuffers();
      }
    });
  }

  /**
   * Accepts a contribution into the owner's record (every check of {@link #describe}, with this
   * record's id); returns whether the record changed (false: it already held this contribution).
   * {@link Status#E_SCHEMA} if the section with the entry merged would break a rule;
   * {@link Status#E_INVALID_ARGUMENT} if the section holds a different entry with the same id. On
   * failure the record is unchanged. To reject a contribution, do not accept it.
   */
  public static boolean accept(Record record, Identity owner, byte[] contribution, Instant now) {
    Args.notNull(contribution, "contribution");
    long t = Args.seconds(now, "now");
    Handle r = Calling.record(record);
    Handle o = Calling.identity(owner, "owner");
    return Calling.exclusive(r, rp -> Calling.shared(o, op -> {
      Scratch s = Scratch.get();
      Calls.check(Native.kartla_record_accept_contribution(rp, op, contribution, contribution.length, t, s.out()));
      return s.outInt() != 0;
    }));
  }
}
