# SPDX-License-Identifier: Apache-2.0
"""Loading libkartla.so.1 and declaring its C functions for ctypes (kartla/*.h, ABI 1).

Private: the public API is in the other modules. Every function of the headers is declared here
with its exact argument and result types, so ctypes converts and checks each argument.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import pathlib
from ctypes import POINTER, c_char_p, c_int, c_int64, c_size_t, c_uint32, c_uint64, c_void_p

ABI_VERSION = 1
LIBRARY_NAME = "libkartla.so.1"


class Buffer(ctypes.Structure):
    """kartla_buffer: library-allocated output in guarded memory, wiped by kartla_buffer_free."""

    _fields_ = [("data", POINTER(ctypes.c_uint8)), ("len", c_size_t), ("internal", c_void_p)]


class IdentityOptions(ctypes.Structure):
    _fields_ = [("version", c_uint32), ("kdf_opslimit", c_uint32), ("kdf_memlimit_mib", c_uint32),
                ("created_at", c_int64)]


class AgencyInfo(ctypes.Structure):
    _fields_ = [("version", c_uint32), ("name", c_char_p), ("organisation_number", c_char_p), ("role", c_char_p)]


class RecordOpenOptions(ctypes.Structure):
    _fields_ = [("version", c_uint32), ("accept_older", c_uint32), ("last_seen", c_uint64)]


class RecordShareOptions(ctypes.Structure):
    _fields_ = [("version", c_uint32), ("purpose", c_char_p), ("expires_at", c_int64), ("now", c_int64),
                ("gdpr_art6_basis", c_char_p), ("gdpr_art9_basis", c_char_p),
                ("tell_involved", c_uint32)]


class EntryRef(ctypes.Structure):
    _fields_ = [("version", c_uint32), ("owner_card", c_char_p), ("owner_card_len", c_size_t),
                ("record_id", c_char_p), ("section", c_char_p), ("entry_id", c_char_p), ("entry", c_char_p),
                ("entry_len", c_size_t)]


class ViewOptions(ctypes.Structure):
    _fields_ = [("version", c_uint32), ("include_work_ability", c_uint32), ("language", c_char_p)]


P = c_void_p  # a handle (kartla_identity *, ...)
PP = POINTER(c_void_p)  # T **out
B = c_char_p  # const uint8_t * input, const char * text, or uint8_t * caller memory
Z = c_size_t
BUF = POINTER(Buffer)
ENC = c_int  # kartla_encoding
I64 = c_int64
U64 = c_uint64
ST = c_int  # kartla_status
NONE = None

_SIGNATURES: dict[str, tuple[object, list[object]]] = {
    # common.h
    "kartla_version": (c_char_p, []),
    "kartla_version_number": (c_uint32, []),
    "kartla_abi_version": (c_uint32, []),
    "kartla_format_version": (c_uint32, []),
    "kartla_status_name": (c_char_p, [c_int]),
    "kartla_last_error": (c_char_p, []),
    "kartla_buffer_init": (NONE, [BUF]),
    "kartla_buffer_free": (NONE, [BUF]),
    "kartla_section_count": (Z, []),
    "kartla_section_name": (c_char_p, [Z]),
    "kartla_section_is_special_category": (ST, [B, POINTER(c_int)]),
    # identity.h
    "kartla_identity_options_init": (NONE, [POINTER(IdentityOptions)]),
    "kartla_identity_new": (ST, [POINTER(IdentityOptions), B, Z, PP, BUF]),
    "kartla_identity_open": (ST, [B, Z, B, Z, PP]),
    "kartla_identity_open_file": (ST, [B, B, Z, PP]),
    "kartla_identity_recover": (ST, [B, Z, B, Z, PP]),
    "kartla_identity_recover_file": (ST, [B, B, Z, PP]),
    "kartla_identity_set_passphrase": (ST, [P, B, Z]),
    "kartla_identity_save": (ST, [P, B, c_uint32]),
    "kartla_identity_file_bytes": (ST, [P, BUF]),
    "kartla_identity_card": (ST, [P, BUF]),
    "kartla_identity_fingerprint": (ST, [P, BUF]),
    "kartla_identity_free": (NONE, [P]),
    "kartla_identity_use_state_folder": (ST, [P, B]),
    "kartla_card_fingerprint": (ST, [B, Z, BUF]),
    "kartla_agency_info_init": (NONE, [POINTER(AgencyInfo)]),
    "kartla_agency_role_count": (Z, []),
    "kartla_agency_role_name": (c_char_p, [Z]),
    "kartla_identity_new_agency": (ST, [POINTER(AgencyInfo), POINTER(IdentityOptions), B, Z, PP, BUF]),
    "kartla_card_describe": (ST, [B, Z, ENC, BUF]),
    # record.h
    "kartla_record_new": (ST, [P, PP]),
    "kartla_record_open_file": (ST, [B, P, PP]),
    "kartla_record_open": (ST, [B, Z, P, PP]),
    "kartla_record_open_options_init": (NONE, [POINTER(RecordOpenOptions)]),
    "kartla_record_open_file_with_options": (ST, [B, P, POINTER(RecordOpenOptions), PP]),
    "kartla_record_open_with_options": (ST, [B, Z, P, POINTER(RecordOpenOptions), PP]),
    "kartla_record_save": (ST, [P, B]),
    "kartla_record_set_clock": (ST, [P, I64]),
    "kartla_record_id": (ST, [P, BUF]),
    "kartla_record_sequence": (ST, [P, POINTER(U64)]),
    "kartla_record_sections": (ST, [P, ENC, BUF]),
    "kartla_record_has_section": (ST, [P, B, POINTER(c_int)]),
    "kartla_record_set_section": (ST, [P, B, B, Z]),
    "kartla_record_set_section_json": (ST, [P, B, B, Z]),
    "kartla_record_section": (ST, [P, B, BUF]),
    "kartla_record_section_size": (ST, [P, B, POINTER(Z)]),
    "kartla_record_section_into": (ST, [P, B, B, Z, POINTER(Z)]),
    "kartla_record_section_json": (ST, [P, B, BUF]),
    "kartla_record_remove_section": (ST, [P, B]),
    "kartla_record_free": (NONE, [P]),
    "kartla_validate_section": (ST, [B, B, Z, ENC, BUF]),
    "kartla_validate_section_json": (ST, [B, B, Z, ENC, BUF]),
    # share.h
    "kartla_record_share_options_init": (NONE, [POINTER(RecordShareOptions)]),
    "kartla_record_share": (ST, [P, B, Z, POINTER(c_char_p), Z, POINTER(RecordShareOptions), BUF]),
    "kartla_record_section_is_special": (ST, [P, B, POINTER(c_int)]),
    "kartla_record_export_bundle": (ST, [P, B, B]),
    "kartla_record_revoke": (ST, [P, B, Z, I64, ENC, BUF]),
    "kartla_share_open_file": (ST, [B, P, PP]),
    "kartla_share_open": (ST, [B, Z, P, PP]),
    "kartla_share_section": (ST, [P, B, I64, BUF]),
    "kartla_share_section_json": (ST, [P, B, I64, BUF]),
    "kartla_share_section_size": (ST, [P, B, I64, POINTER(Z)]),
    "kartla_share_section_into": (ST, [P, B, I64, B, Z, POINTER(Z)]),
    "kartla_share_describe": (ST, [P, ENC, BUF]),
    "kartla_share_sequence": (ST, [P, POINTER(U64)]),
    "kartla_share_check_last_seen": (ST, [P, U64]),
    "kartla_share_check_owner": (ST, [P, B, Z]),
    "kartla_share_free": (NONE, [P]),
    # verify.h
    "kartla_verification_open_file": (ST, [B, PP]),
    "kartla_verification_open": (ST, [B, Z, PP]),
    "kartla_verification_sequence": (ST, [P, POINTER(U64)]),
    "kartla_verification_record_id": (ST, [P, BUF]),
    "kartla_verification_owner_fingerprint": (ST, [P, BUF]),
    "kartla_verification_previous_hash": (ST, [P, BUF]),
    "kartla_verification_report": (ST, [P, ENC, BUF]),
    "kartla_verification_check_last_seen": (ST, [P, U64]),
    "kartla_verification_free": (NONE, [P]),
    # experimental/attest.h
    "kartla_section_entry": (ST, [B, B, Z, B, BUF]),
    "kartla_entry_ref_init": (NONE, [POINTER(EntryRef)]),
    "kartla_attestation_issue": (ST, [P, POINTER(EntryRef), B, I64, I64, BUF]),
    "kartla_attestation_verify": (ST, [B, Z, POINTER(EntryRef), B, Z, I64, ENC, BUF]),
    "kartla_record_attach_attestation": (ST, [P, P, B, Z, I64, POINTER(c_int)]),
    "kartla_record_provenance": (ST, [P, P, B, B, Z, I64, ENC, BUF]),
    "kartla_share_provenance": (ST, [P, B, B, Z, I64, ENC, BUF]),
    # experimental/contribution.h
    "kartla_contribution_create": (ST, [P, B, Z, B, B, B, Z, B, I64, BUF]),
    "kartla_contribution_describe": (ST, [P, B, Z, B, I64, ENC, BUF]),
    "kartla_record_accept_contribution": (ST, [P, P, B, Z, I64, POINTER(c_int)]),
    # experimental/receipt.h
    "kartla_record_receipt": (ST, [P, B, BUF]),
    "kartla_receipt_describe": (ST, [B, Z, B, Z, B, Z, ENC, BUF]),
    # experimental/trust.h
    "kartla_identity_new_trust_root": (ST, [B, POINTER(IdentityOptions), B, Z, PP, BUF]),
    "kartla_trust_draft_new": (ST, [U64, PP]),
    "kartla_trust_draft_next": (ST, [B, Z, PP]),
    "kartla_trust_draft_add": (ST, [P, B, Z, B, I64, I64]),
    "kartla_trust_draft_remove": (ST, [P, B, Z, POINTER(c_int)]),
    "kartla_trust_draft_sequence": (ST, [P, POINTER(U64)]),
    "kartla_trust_draft_free": (NONE, [P]),
    "kartla_trust_list_sign": (ST, [P, P, I64, I64, BUF]),
    "kartla_trust_list_verify": (ST, [B, Z, B, Z, U64, I64, ENC, BUF]),
    # experimental/views.h
    "kartla_view_options_init": (NONE, [POINTER(ViewOptions)]),
    "kartla_record_progress": (ST, [P, POINTER(ViewOptions), ENC, BUF]),
    "kartla_record_progress_text": (ST, [P, POINTER(ViewOptions), BUF]),
    "kartla_record_progress_svg": (ST, [P, POINTER(ViewOptions), BUF]),
    "kartla_record_plan": (ST, [P, POINTER(ViewOptions), ENC, BUF]),
    "kartla_record_plan_text": (ST, [P, POINTER(ViewOptions), BUF]),
    "kartla_record_show_text": (ST, [P, B, POINTER(ViewOptions), BUF]),
    "kartla_share_progress": (ST, [P, I64, POINTER(ViewOptions), ENC, BUF]),
    "kartla_share_progress_text": (ST, [P, I64, POINTER(ViewOptions), BUF]),
    "kartla_share_progress_svg": (ST, [P, I64, POINTER(ViewOptions), BUF]),
    "kartla_share_plan": (ST, [P, I64, POINTER(ViewOptions), ENC, BUF]),
    "kartla_share_plan_text": (ST, [P, I64, POINTER(ViewOptions), BUF]),
    "kartla_share_show_text": (ST, [P, B, I64, POINTER(ViewOptions), BUF]),
}


def _candidates() -> list[str]:
    named = os.environ.get("KARTLA_LIBRARY")
    if named:
        return [named]  # explicit: nothing else is tried
    found = []
    bundled = pathlib.Path(__file__).with_name("_lib") / LIBRARY_NAME
    if bundled.is_file():
        found.append(str(bundled))
    found.append(LIBRARY_NAME)  # the system's search path (an installed libkartla)
    system = ctypes.util.find_library("kartla")
    if system:
        found.append(system)
    return found


def _load() -> tuple[ctypes.CDLL, str]:
    errors = []
    for candidate in _candidates():
        try:
            lib = ctypes.CDLL(candidate)
        except OSError as e:
            errors.append(f"{candidate}: {e}")
            continue
        lib.kartla_abi_version.restype = c_uint32
        lib.kartla_abi_version.argtypes = []
        if lib.kartla_abi_version() != ABI_VERSION:
            errors.append(f"{candidate}: ABI version {lib.kartla_abi_version()}, this binding needs {ABI_VERSION}")
            continue
        return lib, candidate
    raise ImportError("kartla: cannot load libkartla.so.1 (set KARTLA_LIBRARY to its path):\n  " + "\n  ".join(errors))


lib, library_path = _load()

for _name, (_restype, _argtypes) in _SIGNATURES.items():
    _fn = getattr(lib, _name)
    _fn.restype = _restype
    _fn.argtypes = _argtypes
del _name, _restype, _argtypes, _fn
