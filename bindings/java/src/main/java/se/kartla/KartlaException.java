// SPDX-License-Identifier: Apache-2.0
package se.kartla;

/**
 * The one error of the Kartla binding: a Kartla call that did not succeed. Unchecked, like the
 * library's status, which is the whole verdict: {@link #status()} says what happened,
 * {@link #libraryMessage()} explains it to a person (it is the library's {@code kartla_last_error},
 * read on the thread that made the call, right after it; or this binding's own message for misuse
 * it refuses before calling, such as a null argument or a closed handle, as
 * {@link Status#E_INVALID_ARGUMENT}).
 *
 * <p>Messages never contain section content, keys or passphrases. Immutable; thread-safe.
 */
public class KartlaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status status;
  private final int code;
  private final String libraryMessage;

  /** An error with this status and message. {@code status} must not be {@link Status#OK}. */
  public KartlaException(Status status, String message) {
    this(status, status.code(), message);
  }

  /**
   * An error with a raw C status code (an unknown one becomes {@link Status#UNKNOWN}) and its
   * message.
   */
  public KartlaException(int code, String message) {
    this(Status.of(code), code, message);
  }

  private KartlaException(Status status, int code, String message) {
    super(statusName(status, code) + ": " + (message == null || message.isEmpty() ? "(no message)" : message));
    if (status == Status.OK) throw new IllegalArgumentException("a KartlaException cannot carry Status.OK");
    this.status = status;
    this.code = code;
    this.libraryMessage = message == null ? "" : message;
  }

  private static String statusName(Status status, int code) {
    return status == Status.UNKNOWN ? "UNKNOWN (" + code + ")" : status.name();
  }

  /** What happened. */
  public Status status() {
    return status;
  }

  /** The status's name as the library spells it ({@code kartla_status_name}): "E_NOT_SHARED", ..., or "UNKNOWN". */
  public String statusName() {
    return status.name();
  }

  /** The C status code, also for {@link Status#UNKNOWN}. */
  public int code() {
    return code;
  }

  /** The explanation, for people and logs; never empty for an error the library reported. */
  public String libraryMessage() {
    return libraryMessage;
  }
}
