// SPDX-License-Identifier: Apache-2.0
/**
 * The EXPERIMENTAL tier of the Kartla C ABI (kartla/experimental/*.h, docs/API-STABILITY.md):
 * attestations and provenance, trust roots and trust lists, contributions, receipts and the views.
 * Like the C headers, which a program must opt into with {@code #define KARTLA_EXPERIMENTAL}, these
 * classes live apart from the stable {@code se.kartla} package so that using them is an import
 * written in the program's source. They may change or go in any release, minor or patch, and
 * the release notes say when they do.
 *
 * <p>Every class here is a set of static functions that keep no state, except {@link
 * se.kartla.experimental.TrustDraft}: they take the stable handles ({@link se.kartla.Record},
 * {@link se.kartla.Share}, {@link se.kartla.Identity}) and follow their thread-safety rules.
 */
package se.kartla.experimental;
