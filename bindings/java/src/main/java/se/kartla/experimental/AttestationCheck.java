// SPDX-License-Identifier: Apache-2.0
package se.kartla.experimental;

import se.kartla.Status;
import se.kartla.v1.AttestationReport;

/**
 * The outcome of {@link Attestations#verify}: the library judged the attestation and wrote a
 * report. {@code status} is {@link Status#OK} for a valid attestation, trusted or not (the
 * report's verdict says which), otherwise the class of the first check that failed, with the
 * library's {@code message}. Immutable; thread-safe.
 */
@Experimental
public record AttestationCheck(Status status, String message, AttestationReport report) {
  /** Whether the attestation holds (trusted or not: see {@code report().getVerdict()}). */
  public boolean valid() {
    return status == Status.OK;
  }
}
