# SPDX-License-Identifier: Apache-2.0
"""Kartla: a participant-owned competence-mapping record, through its C ABI (libkartla.so.1).

    import kartla
    from kartla import v1

    with kartla.Identity.open_file("agency.id", passphrase) as agency, \\
         kartla.Share.open_file("bundle.kartla", agency) as share:
        languages = share.read(v1.Languages)

Handles (Identity, Record, Share, Verification) are context managers with close(); every failure
is a kartla.Error subclass carrying `.status` and the library's message; bytes in and out, str for
JSON, timezone-aware datetimes for times, kartla.v1 for the typed messages. The experimental tier
(attestations, trust lists, contributions, receipts, views) is kartla.experimental.
"""

from __future__ import annotations

from . import v1
from ._core import wipe
from ._errors import (
    Auth,
    Busy,
    ClosedError,
    Crypto,
    Error,
    Expired,
    Format,
    Integrity,
    Internal,
    InvalidArgument,
    IOFailure,
    Limit,
    NoMemory,
    NotFound,
    NotShared,
    Rollback,
    Schema,
    Signature,
    Status,
    Version,
)
from ._native import lib as _lib
from ._native import library_path
from ._sections import is_special_category, message_type, section_of, sections
from .identity import Identity, NewIdentity, agency_roles, card_describe, card_describe_json, card_fingerprint
from .record import Record, validate_section, validate_section_json
from .share import Share
from .verification import Verification

__version__ = "1.0.0"


def version() -> str:
    """The library's version ("1.0.0")."""
    return str(_lib.kartla_version().decode())


def version_number() -> int:
    """major * 10000 + minor * 100 + patch."""
    return int(_lib.kartla_version_number())


def abi_version() -> int:
    """The ABI version (the shared library's SOVERSION)."""
    return int(_lib.kartla_abi_version())


def format_version() -> int:
    """The container format major version the library reads and writes."""
    return int(_lib.kartla_format_version())


__all__ = [
    "Auth", "Busy", "ClosedError", "Crypto", "Error", "Expired", "Format", "IOFailure", "Identity", "Integrity",
    "Internal", "InvalidArgument", "Limit", "NewIdentity", "NoMemory", "NotFound", "NotShared", "Record", "Rollback",
    "Schema", "Share", "Signature", "Status", "Verification", "Version", "abi_version", "agency_roles",
    "card_describe", "card_describe_json", "card_fingerprint", "format_version", "is_special_category",
    "library_path", "message_type", "section_of", "sections", "v1", "validate_section", "validate_section_json",
    "version", "version_number", "wipe",
]
