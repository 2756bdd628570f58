// SPDX-License-Identifier: Apache-2.0
/**
 * The STABLE tier of the Kartla C ABI (kartla/kartla.h; docs/API-STABILITY.md: kept for the whole
 * major version), for Java.
 *
 * <ul>
 *   <li>{@link se.kartla.Identity}: owners', agencies' and trust roots' keys; cards.
 *   <li>{@link se.kartla.Record}: the owner's record; sections; sharing, bundles, revocation.
 *   <li>{@link se.kartla.Share}: the agency's side: a bundle or record file opened with its identity.
 *   <li>{@link se.kartla.Verification}: a record or bundle verified by anyone, without keys.
 *   <li>{@link se.kartla.Kartla}: versions, sections, roles, cards, content validation.
 * </ul>
 *
 * <p>House rules, as in the C header kartla/common.h: every failure is a {@link
 * se.kartla.KartlaException} with a {@link se.kartla.Status} and the library's message; handles
 * are {@link java.lang.AutoCloseable} (try-with-resources), safe to close twice, refusing use
 * after close with {@link se.kartla.Status#E_INVALID_ARGUMENT}, and closed by a Cleaner when
 * forgotten; structured results are protobuf messages of {@code se.kartla.v1}; section content is
 * {@code byte[]} (protobuf) or {@code String} (protobuf JSON) or a typed message ({@link
 * se.kartla.Section}); times are {@link java.time.Instant}s (null: now, where the C ABI takes 0 for
 * now); passphrases are {@code char[]} or {@code byte[]}, copied into memory the binding wipes.
 */
package se.kartla;
