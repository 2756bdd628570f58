// SPDX-License-Identifier: Apache-2.0
/**
 * Kartla: a portable, participant-owned competence-mapping record, for Java.
 *
 * <p>{@code se.kartla} is the stable tier of the C ABI, {@code se.kartla.experimental} the
 * experimental one (docs/API-STABILITY.md), {@code se.kartla.v1} the classes generated from the
 * section and result schemas (proto/kartla/v1). {@code se.kartla.internal} is not exported.
 */
module se.kartla {
  requires transitive com.google.protobuf;
  requires com.sun.jna;

  exports se.kartla;
  exports se.kartla.experimental;
  exports se.kartla.v1;
}
