// SPDX-License-Identifier: Apache-2.0
package se.kartla;

import se.kartla.internal.Native;
import se.kartla.internal.Struct;
import se.kartla.internal.Text;

/**
 * What an agency's card says about it ({@code kartla_agency_info}): its name (at most 256 bytes),
 * its organisation number (Swedish NNNNNN-NNNN, Luhn-checked, or Finnish Y-tunnus NNNNNNN-N) and
 * its role (one of {@link Kartla#agencyRoles()}). The library checks each when the identity is
 * made. Immutable; thread-safe.
 */
public record AgencyInfo(String name, String organisationNumber, String role) {
  /** kartla_agency_info: u32 version, then three pointers at 8, 16 and 24. */
  Struct toStruct() {
    Struct s = new Struct(32);
    try {
      Native.kartla_agency_info_init(s.pointer());
      s.putText(8, Text.c(name, "agency name"));
      s.putText(16, Text.c(organisationNumber, "organisation number"));
      s.putText(24, Text.c(role, "agency role"));
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }
}
