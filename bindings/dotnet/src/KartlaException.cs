// SPDX-License-Identifier: Apache-2.0
using System;

namespace Kartla
{
    /// <summary>
    /// The verdict of a Kartla call: the values of <c>kartla_status</c> (kartla/common.h). The
    /// values never change and new ones are only added; a code this binding does not know
    /// arrives as <see cref="Unknown"/> with the number in <see cref="KartlaException.Code"/>.
    /// Decide on the status, never on the message text (docs/API-STABILITY.md).
    /// </summary>
    public enum Status
    {
        /// <summary>A status code newer than this binding (<see cref="KartlaException.Code"/> has it).</summary>
        Unknown = -1,
        /// <summary>KARTLA_OK: success.</summary>
        Ok = 0,
        /// <summary>KARTLA_E_INVALID_ARGUMENT: misuse, an unknown section name, a card of the wrong kind.</summary>
        InvalidArgument = 1,
        /// <summary>KARTLA_E_FORMAT: malformed, truncated, trailing data, non-canonical encoding.</summary>
        Format = 2,
        /// <summary>KARTLA_E_LIMIT: input larger than a documented limit (docs/SPEC.md §9).</summary>
        Limit = 3,
        /// <summary>KARTLA_E_VERSION: written in a format version this library does not read.</summary>
        Version = 4,
        /// <summary>KARTLA_E_SIGNATURE: a signature does not verify, or something is not covered by one.</summary>
        Signature = 5,
        /// <summary>KARTLA_E_INTEGRITY: a section failed authentication.</summary>
        Integrity = 6,
        /// <summary>KARTLA_E_AUTH: wrong passphrase or recovery code, or not this identity's record.</summary>
        Auth = 7,
        /// <summary>KARTLA_E_NOT_SHARED: this reader holds no grant for the section.</summary>
        NotShared = 8,
        /// <summary>KARTLA_E_EXPIRED: a grant or other signed statement is past its validity.</summary>
        Expired = 9,
        /// <summary>KARTLA_E_ROLLBACK: an older copy than one already seen.</summary>
        Rollback = 10,
        /// <summary>KARTLA_E_NOT_FOUND: the section (or grant, entry) is not there.</summary>
        NotFound = 11,
        /// <summary>KARTLA_E_SCHEMA: content does not match the section's schema or its rules.</summary>
        Schema = 12,
        /// <summary>KARTLA_E_IO: the operating system refused a read or write.</summary>
        IO = 13,
        /// <summary>KARTLA_E_BUSY: another program is saving the record, or saved it since it was opened.</summary>
        Busy = 14,
        /// <summary>KARTLA_E_NO_MEMORY.</summary>
        NoMemory = 15,
        /// <summary>KARTLA_E_CRYPTO: libsodium could not be initialised.</summary>
        Crypto = 16,
        /// <summary>KARTLA_E_INTERNAL: a bug in Kartla; please report it.</summary>
        Internal = 17,
    }

    /// <summary>
    /// The one exception every failed Kartla call throws: the status (as <see cref="Status"/>,
    /// its C name in <see cref="StatusName"/>, e.g. <c>"E_NOT_SHARED"</c>) and the library's
    /// message for that failure, read on the thread that made the call right after it
    /// (kartla/common.h, "Errors and threads").
    /// </summary>
    /// <remarks>
    /// Misuse that .NET has its own exceptions for is reported with them before any native call:
    /// <see cref="ArgumentNullException"/> for a null argument that is not optional,
    /// <see cref="ArgumentException"/> for text with a NUL character or invalid UTF-16,
    /// <see cref="ArgumentOutOfRangeException"/> for a time before 1970-01-01T00:00:01Z, and
    /// <see cref="ObjectDisposedException"/> for a handle used after <c>Dispose</c>.
    /// </remarks>
    [Serializable]
    public sealed class KartlaException : Exception
    {
        /// <summary>The status, or <see cref="Kartla.Status.Unknown"/> for a code this binding does not know.</summary>
        public Status Status { get; }
        /// <summary>The numeric <c>kartla_status</c>, also for codes newer than this binding.</summary>
        public int Code { get; }
        /// <summary>The C enum constant's name without its prefix (<c>kartla_status_name</c>), e.g. <c>"E_AUTH"</c>.</summary>
        public string StatusName { get; }
        /// <summary>The library's message (<c>kartla_last_error</c>), for people and logs; its wording may change.</summary>
        public string LibraryMessage { get; }

        internal KartlaException(int code, string statusName, string libraryMessage)
            : base(statusName + ": " + libraryMessage)
        {
            Code = code;
            Status = Enum.IsDefined(typeof(Status), code) && code >= 0 ? (Status)code : Status.Unknown;
            StatusName = statusName;
            LibraryMessage = libraryMessage;
        }
    }
}
