# SPDX-License-Identifier: Apache-2.0
"""Owner and agency identities, and their public cards (kartla/identity.h)."""

from __future__ import annotations

import ctypes
import datetime
from typing import NamedTuple

from . import _core, v1
from ._core import BytesLike, PathLike, check, data_in, path_in, secret_in, text_in, time_in
from ._native import AgencyInfo, Buffer, IdentityOptions, lib

SAVE_CREATE_ONLY = 1


def _options(kdf_opslimit: int, kdf_memlimit_mib: int, created_at: datetime.datetime | None) -> IdentityOptions:
    options = IdentityOptions()
    lib.kartla_identity_options_init(options)
    options.kdf_opslimit = _core.uint_in(kdf_opslimit, "kdf_opslimit", 32)
    options.kdf_memlimit_mib = _core.uint_in(kdf_memlimit_mib, "kdf_memlimit_mib", 32)
    options.created_at = time_in(created_at, "created_at")
    return options


class NewIdentity(NamedTuple):
    """A new identity and its recovery code. Show the code to the person once (it is never
    stored), then wipe it: `kartla.wipe(new.recovery_code)`."""

    identity: Identity
    recovery_code: bytearray


class Identity(_core.Handle):
    """An unlocked identity: an owner's (participant's), an agency's or a trust root's keys.

    Thread safety: may be used by several threads at once, except set_passphrase and
    use_state_folder, which wait until no other call uses it. close() wipes the keys."""

    __slots__ = ()
    _free = lib.kartla_identity_free

    # -- making and opening -------------------------------------------------------------------

    @classmethod
    def _made(cls, status: int, out: ctypes.c_void_p, code: Buffer) -> NewIdentity:
        if status:
            _core.fail(status, code)
        identity = cls._wrap(out.value)
        try:
            recovery = bytearray(ctypes.string_at(code.data, code.len))
        finally:
            lib.kartla_buffer_free(code)
        return NewIdentity(identity, recovery)

    @classmethod
    def create(cls, passphrase: BytesLike, *, kdf_opslimit: int = 0, kdf_memlimit_mib: int = 0,
               created_at: datetime.datetime | None = None) -> NewIdentity:
        """A new owner identity, unlocked, and its recovery code. The passphrase must not be empty.
        kdf_opslimit (3..16) and kdf_memlimit_mib (64..1024) set Argon2id's cost; 0 = the defaults
        (3 passes, 256 MiB). created_at goes into the card (None = now)."""
        options = _options(kdf_opslimit, kdf_memlimit_mib, created_at)
        with secret_in(passphrase, "passphrase") as (pw, pw_len):
            out, code = ctypes.c_void_p(), Buffer()
            status = lib.kartla_identity_new(options, pw, pw_len, out, code)
            return cls._made(status, out, code)

    @classmethod
    def create_agency(cls, name: str, organisation_number: str, role: str, passphrase: BytesLike, *,
                      kdf_opslimit: int = 0, kdf_memlimit_mib: int = 0,
                      created_at: datetime.datetime | None = None) -> NewIdentity:
        """A new agency identity: its card names the agency, its organisation number (Swedish
        NNNNNN-NNNN or Finnish Y-tunnus) and its role (one of agency_roles()). InvalidArgument names
        what is wrong."""
        info = AgencyInfo()
        lib.kartla_agency_info_init(info)
        info.name = text_in(name, "name")
        info.organisation_number = text_in(organisation_number, "organisation_number")
        info.role = text_in(role, "role")
        options = _options(kdf_opslimit, kdf_memlimit_mib, created_at)
        with secret_in(passphrase, "passphrase") as (pw, pw_len):
            out, code = ctypes.c_void_p(), Buffer()
            status = lib.kartla_identity_new_agency(info, options, pw, pw_len,
                                                    out, code)
            return cls._made(status, out, code)

    @classmethod
    def create_trust_root(cls, name: str, passphrase: BytesLike, *, kdf_opslimit: int = 0,
                          kdf_memlimit_mib: int = 0, created_at: datetime.datetime | None = None) -> NewIdentity:
        """EXPERIMENTAL (kartla/experimental/trust.h): a trust root's identity, which signs trust
        lists. `name`: e.g. "Kartla trust root, Region Skåne"."""
        options = _options(kdf_opslimit, kdf_memlimit_mib, created_at)
        with secret_in(passphrase, "passphrase") as (pw, pw_len):
            out, code = ctypes.c_void_p(), Buffer()
            status = lib.kartla_identity_new_trust_root(text_in(name, "name"), options, pw, pw_len,
                                                        out, code)
            return cls._made(status, out, code)

    @classmethod
    def open(cls, data: BytesLike, passphrase: BytesLike) -> Identity:
        """Unlocks an identity file's bytes. Auth: wrong passphrase."""
        d, d_len = data_in(data, "data")
        with secret_in(passphrase, "passphrase") as (pw, pw_len):
            out = ctypes.c_void_p()
            check(lib.kartla_identity_open(d, d_len, pw, pw_len, out))
            return cls._wrap(out.value)

    @classmethod
    def open_file(cls, path: PathLike, passphrase: BytesLike) -> Identity:
        p = path_in(path)
        with secret_in(passphrase, "passphrase") as (pw, pw_len):
            out = ctypes.c_void_p()
            check(lib.kartla_identity_open_file(p, pw, pw_len, out))
            return cls._wrap(out.value)

    @classmethod
    def recover(cls, data: BytesLike, recovery_code: BytesLike) -> Identity:
        """Unlocks with the recovery code (any case; '-' and ' ' ignored). Auth: a wrong or
        mistyped code."""
        d, d_len = data_in(data, "data")
        with secret_in(recovery_code, "recovery_code") as (c, c_len):
            out = ctypes.c_void_p()
            check(lib.kartla_identity_recover(d, d_len, c, c_len, out))
            return cls._wrap(out.value)

    @classmethod
    def recover_file(cls, path: PathLike, recovery_code: BytesLike) -> Identity:
        p = path_in(path)
        with secret_in(recovery_code, "recovery_code") as (c, c_len):
            out = ctypes.c_void_p()
            check(lib.kartla_identity_recover_file(p, c, c_len, out))
            return cls._wrap(out.value)

    # -- using --------------------------------------------------------------------------------

    def set_passphrase(self, passphrase: BytesLike) -> None:
        """Locks the identity under a new passphrase (the recovery code stays valid); the change
        reaches the disk with save()."""
        with secret_in(passphrase, "passphrase") as (pw, pw_len):
            ptr = self._use(exclusive=True)
            try:
                check(lib.kartla_identity_set_passphrase(ptr, pw, pw_len))
            finally:
                self._done(exclusive=True)

    def save(self, path: PathLike, *, create_only: bool = False) -> None:
        """Writes the locked identity file atomically, with the record versions it has seen.
        create_only: InvalidArgument if the path exists."""
        p = path_in(path)
        ptr = self._use()
        try:
            check(lib.kartla_identity_save(ptr, p, SAVE_CREATE_ONLY if create_only else 0))
        finally:
            self._done()

    def file_bytes(self) -> bytes:
        """The locked identity file's bytes."""
        ptr = self._use()
        try:
            return _core.call_buffer(lib.kartla_identity_file_bytes, ptr)
        finally:
            self._done()

    @property
    def card(self) -> bytes:
        """The public card file's bytes (safe to give to anyone)."""
        ptr = self._use()
        try:
            return _core.call_buffer(lib.kartla_identity_card, ptr)
        finally:
            self._done()

    @property
    def fingerprint(self) -> str:
        """Eight groups of four hex digits, to compare aloud."""
        ptr = self._use()
        try:
            return _core.call_text(lib.kartla_identity_fingerprint, ptr)
        finally:
            self._done()

    def use_state_folder(self, folder: PathLike) -> None:
        """Also keeps the versions seen in `folder` on this computer (e.g. $XDG_STATE_HOME/kartla).
        IOFailure if the folder cannot be used; Integrity if its file is another identity's."""
        p = path_in(folder, "folder")
        ptr = self._use(exclusive=True)
        try:
            check(lib.kartla_identity_use_state_folder(ptr, p))
        finally:
            self._done(exclusive=True)


def card_fingerprint(card: BytesLike) -> str:
    """The fingerprint of a card file, after checking its self-signature (Signature)."""
    c, c_len = data_in(card, "card")
    return _core.call_text(lib.kartla_card_fingerprint, c, c_len)


def card_describe(card: BytesLike) -> v1.CardDescription:
    """A card file described (kartla.v1.CardDescription). Signature: its self-signature fails."""
    c, c_len = data_in(card, "card")
    return _core.call_message(v1.CardDescription, lib.kartla_card_describe, c, c_len)


def card_describe_json(card: BytesLike) -> str:
    c, c_len = data_in(card, "card")
    return _core.call_json(lib.kartla_card_describe, c, c_len)


def agency_roles() -> list[str]:
    """The documented agency roles."""
    return [lib.kartla_agency_role_name(i).decode() for i in range(lib.kartla_agency_role_count())]


