// SPDX-License-Identifier: Apache-2.0
package se.kartla;

/**
 * The status of a Kartla call: {@code kartla_status} of kartla/common.h, whose values never change
 * (new ones are only added). Each constant's name is the library's {@code kartla_status_name}
 * ("E_NOT_SHARED", ...). A code this binding does not know arrives as {@link #UNKNOWN}, with the
 * number kept in {@link KartlaException#code()}.
 *
 * <p>Decide on the status, never on the message text: the wording of messages is not part of
 * the API's promise (docs/API-STABILITY.md). Immutable; thread-safe.
 */
public enum Status {
  /** Success. Never carried by a {@link KartlaException}. */
  OK(0),
  /** Misuse: a null argument, a closed handle, a bad length, an unknown section name, the wrong kind of card. */
  E_INVALID_ARGUMENT(1),
  /** Malformed, truncated, trailing data, non-canonical encoding. */
  E_FORMAT(2),
  /** Input larger than a documented limit (docs/SPEC.md §9). */
  E_LIMIT(3),
  /** Written in a format version this library does not read. */
  E_VERSION(4),
  /** A signature does not verify, or something is not covered by one. */
  E_SIGNATURE(5),
  /** A section failed authentication (hash, key commitment or AEAD). */
  E_INTEGRITY(6),
  /** Wrong passphrase, wrong recovery code, or not this identity's record. */
  E_AUTH(7),
  /** This reader holds no grant for the section. */
  E_NOT_SHARED(8),
  /** A grant or other signed statement is past its validity. */
  E_EXPIRED(9),
  /** An older copy than one already seen. */
  E_ROLLBACK(10),
  /** The section (or entry, grant) is not there. */
  E_NOT_FOUND(11),
  /** Content does not match the section's schema or its rules. */
  E_SCHEMA(12),
  /** The operating system refused a read or write. */
  E_IO(13),
  /** Another program is saving the record, or saved it since it was opened. */
  E_BUSY(14),
  /** Out of memory. */
  E_NO_MEMORY(15),
  /** libsodium could not be initialised. */
  E_CRYPTO(16),
  /** A bug in Kartla: please report it. */
  E_INTERNAL(17),
  /** A status code newer than this binding. */
  UNKNOWN(-1);

  private static final Status[] BY_CODE = new Status[18];

  static {
    for (Status s : values()) {
      if (s.code >= 0) BY_CODE[s.code] = s;
    }
  }

  private final int code;

  Status(int code) {
    this.code = code;
  }

  /** The C value of this status; -1 for {@link #UNKNOWN}. */
  public int code() {
    return code;
  }

  /** The status of a C value; {@link #UNKNOWN} for one this binding does not know. */
  public static Status of(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
  }
}
