# SPDX-License-Identifier: Apache-2.0
"""The list of sections (kartla/common.h) and the kartla.v1 message of each."""

from __future__ import annotations

import ctypes
import functools
import re

from google.protobuf.message import Message

from . import _errors, v1
from ._core import check, text_in
from ._native import lib


@functools.lru_cache(maxsize=None)
def section_names() -> tuple[str, ...]:
    return tuple(lib.kartla_section_name(i).decode() for i in range(lib.kartla_section_count()))


def sections() -> list[str]:
    """Every section name the library knows, in its order ("profile", "languages", ...)."""
    return list(section_names())


def is_special_category(section: str) -> bool:
    """True for a section that holds health data (GDPR Art. 9) whatever its content
    (work_ability): never shared by a wildcard."""
    out = ctypes.c_int()
    check(lib.kartla_section_is_special_category(text_in(section, "section"), out))
    return bool(out.value)


@functools.lru_cache(maxsize=None)
def message_type(section: str) -> type[Message]:
    """The kartla.v1 class of a section's content: "work_ability" -> kartla.v1.WorkAbility."""
    if section not in section_names():
        raise _errors.invalid(f"unknown section {section!r}")
    cls = getattr(v1, "".join(part.capitalize() for part in section.split("_")), None)
    if cls is None:
        raise _errors.Internal(_errors.Status.E_INTERNAL, f"kartla.v1 has no message for section {section!r}")
    return cls  # type: ignore[no-any-return]


_SECTION_OF: dict[type, str] = {}


def section_of(cls: type[Message]) -> str:
    """The section whose content is a message of class `cls` (kartla.v1.Languages -> "languages")."""
    known = _SECTION_OF.get(cls)
    if known is not None:
        return known
    descriptor = getattr(cls, "DESCRIPTOR", None)
    full_name = getattr(descriptor, "full_name", "")
    if not full_name.startswith("kartla.v1."):
        raise _errors.invalid(f"{getattr(cls, '__name__', cls)!r} is not a kartla.v1 section message")
    name = re.sub(r"(?<!^)(?=[A-Z])", "_", full_name[len("kartla.v1."):]).lower()
    if name not in section_names() or message_type(name) is not cls:
        raise _errors.invalid(f"{full_name} is not the content of a section")
    _SECTION_OF[cls] = name
    return name
