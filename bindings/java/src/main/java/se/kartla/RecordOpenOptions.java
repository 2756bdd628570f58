// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import se.kartla.internal.Native;
import se.kartla.internal.Struct;

/**
 * How an owner opens a record ({@code kartla_record_open_options}, docs/SPEC.md §8.1): the
 * identity remembers the newest version of each record it has seen, so an older copy put back in
 * place of the record, or a fork, is {@link Status#E_ROLLBACK} unless {@code acceptOlder}.
 * {@code lastSeen} is the highest sequence the caller itself has seen (0 = none). Immutable;
 * thread-safe.
 *
 * @param acceptOlder open an older copy or a fork anyway (its next save takes a sequence above
 *     every one seen)
 * @param lastSeen the highest sequence the caller has seen, 0 for none; not negative
 */
public record RecordOpenOptions(boolean acceptOlder, long lastSeen) {
  /** The defaults: an older copy is refused; no sequence of the caller's own. */
  public static RecordOpenOptions defaults() {
    return new RecordOpenOptions(false, 0);
  }

  /** kartla_record_open_options: u32 version, u32 accept_older, u64 last_seen at 8. */
  Struct toStruct() {
    Struct s = new Struct(16);
    Native.kartla_record_open_options_init(s.pointer());
    return s.putInt(4, acceptOlder ? 1 : 0).putLong(8, se.kartla.internal.Args.unsigned(lastSeen, "lastSeen"));
  }
}
