# SPDX-License-Identifier: Apache-2.0
"""Status codes and the exception hierarchy (kartla/common.h, "Status codes").

Every failing call raises a subclass of `Error` chosen by the status the C function returned,
carrying that status and the library's message (kartla_last_error, read on the same OS thread
right after the call). The status is the whole verdict; the message is for people and logs.
"""

from __future__ import annotations

import enum


class Status(enum.IntEnum):
    """kartla_status. The member names are kartla_status_name's ("E_FORMAT"); values never change."""

    OK = 0
    E_INVALID_ARGUMENT = 1
    E_FORMAT = 2
    E_LIMIT = 3
    E_VERSION = 4
    E_SIGNATURE = 5
    E_INTEGRITY = 6
    E_AUTH = 7
    E_NOT_SHARED = 8
    E_EXPIRED = 9
    E_ROLLBACK = 10
    E_NOT_FOUND = 11
    E_SCHEMA = 12
    E_IO = 13
    E_BUSY = 14
    E_NO_MEMORY = 15
    E_CRYPTO = 16
    E_INTERNAL = 17


class Error(Exception):
    """A Kartla call failed. `status` is the kartla_status (a `Status`, or a plain int for a code
    newer than this binding), `status_name` its name ("E_NOT_SHARED"), `message` the library's
    message. Catch a subclass to handle one class of failure."""

    status: Status | int
    status_name: str
    message: str

    def __init__(self, status: Status | int, message: str) -> None:
        super().__init__(status, message)
        try:
            self.status = Status(status)
            self.status_name = self.status.name
        except ValueError:
            self.status = int(status)
            self.status_name = "UNKNOWN"
        self.message = message

    def __str__(self) -> str:
        return f"{self.status_name}: {self.message}"

    def __reduce__(self) -> tuple[type[Error], tuple[Status | int, str]]:
        return (type(self), (self.status, self.message))


class InvalidArgument(Error, ValueError, TypeError):
    """E_INVALID_ARGUMENT: misuse. Also raised by the binding itself, before any C call, for an
    argument of the wrong Python type (None where bytes are needed, a naive datetime, text with a
    NUL byte): it is a ValueError and a TypeError too, for code that catches those."""

    def __init__(self, status: Status | int = Status.E_INVALID_ARGUMENT, message: str = "") -> None:
        super().__init__(status, message)


class ClosedError(InvalidArgument):
    """A handle used after close() (or after its `with` block): refused by the binding, never
    passed to the library. Its status is E_INVALID_ARGUMENT, as the C ABI gives for a NULL handle."""


class Format(Error):
    """E_FORMAT: malformed, truncated, trailing data, non-canonical encoding."""


class Limit(Error):
    """E_LIMIT: input larger than a documented limit (docs/SPEC.md §9)."""


class Version(Error):
    """E_VERSION: written in a format version this library does not read."""


class Signature(Error):
    """E_SIGNATURE: a signature does not verify, or something is not covered by one."""


class Integrity(Error):
    """E_INTEGRITY: a section failed authentication (hash, key commitment or AEAD)."""


class Auth(Error):
    """E_AUTH: wrong passphrase, wrong recovery code, or not this identity's record."""


class NotShared(Error):
    """E_NOT_SHARED: this reader holds no grant for the section."""


class Expired(Error):
    """E_EXPIRED: a grant or other signed statement is past its validity."""


class Rollback(Error):
    """E_ROLLBACK: an older copy than one already seen."""


class NotFound(Error):
    """E_NOT_FOUND: the section (grant, entry) is not there."""


class Schema(Error):
    """E_SCHEMA: content does not match the section's schema or its rules."""


class IOFailure(Error):
    """E_IO: the operating system refused a read or write."""


class Busy(Error):
    """E_BUSY: another program is saving the record, or saved it since it was opened."""


class NoMemory(Error):
    """E_NO_MEMORY."""


class Crypto(Error):
    """E_CRYPTO: libsodium could not be initialised."""


class Internal(Error):
    """E_INTERNAL: a bug in Kartla: please report it."""


_CLASSES: dict[int, type[Error]] = {
    Status.E_INVALID_ARGUMENT: InvalidArgument,
    Status.E_FORMAT: Format,
    Status.E_LIMIT: Limit,
    Status.E_VERSION: Version,
    Status.E_SIGNATURE: Signature,
    Status.E_INTEGRITY: Integrity,
    Status.E_AUTH: Auth,
    Status.E_NOT_SHARED: NotShared,
    Status.E_EXPIRED: Expired,
    Status.E_ROLLBACK: Rollback,
    Status.E_NOT_FOUND: NotFound,
    Status.E_SCHEMA: Schema,
    Status.E_IO: IOFailure,
    Status.E_BUSY: Busy,
    Status.E_NO_MEMORY: NoMemory,
    Status.E_CRYPTO: Crypto,
    Status.E_INTERNAL: Internal,
}


def error_for(status: int, message: str) -> Error:
    """The exception for a failed call's status (an unknown code: the base class)."""
    return _CLASSES.get(status, Error)(status, message)


def invalid(message: str) -> InvalidArgument:
    return InvalidArgument(Status.E_INVALID_ARGUMENT, message)
