// SPDX-License-Identifier: Apache-2.0
package se.kartla.experimental;

import se.kartla.internal.Native;
import se.kartla.internal.Struct;
import se.kartla.internal.Text;

/**
 * The entry an attestation is about ({@code kartla_entry_ref}): the record owner's card file, the
 * record id (32 hex digits), the section, the entry's id and its exact bytes
 * ({@link Attestations#sectionEntry}). The entry's bytes are plaintext: the binding's native
 * copy is wiped after each call; the array is the caller's. Immutable holder (the arrays are not
 * copied); thread-safe if the caller does not change them.
 */
@Experimental
public record EntryRef(byte[] ownerCard, String recordId, String section, String entryId, byte[] entry) {
  /**
   * kartla_entry_ref: u32 version; owner_card 8, its length 16; record_id 24; section 32; entry_id
   * 40; entry 48, its length 56.
   */
  Struct toStruct() {
    Struct s = new Struct(64);
    try {
      Native.kartla_entry_ref_init(s.pointer());
      if (ownerCard != null) s.putBytes(8, 16, ownerCard);
      s.putText(24, Text.cOrNull(recordId, "recordId"));
      s.putText(32, Text.cOrNull(section, "section"));
      s.putText(40, Text.cOrNull(entryId, "entryId"));
      if (entry != null) s.putBytes(48, 56, entry);
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }
}
