# SPDX-License-Identifier: Apache-2.0
"""What every wrapper shares: calling, converting arguments, reading buffers, handles.

Private. The rules (kartla/common.h): a status per call, the message of a failure read on the
same OS thread right after it (a Python thread is one OS thread, and ctypes releases the GIL only
during the call itself, so nothing runs on this thread in between); outputs in library buffers
copied once into Python objects and then freed (wiped) at once.
"""

from __future__ import annotations

import ctypes
import datetime
import math
import os
import threading
import time
from typing import Any, Callable, NoReturn, TypeVar, Union

from google.protobuf.message import Message

from . import _errors
from ._native import Buffer, lib

BytesLike = Union[bytes, bytearray, memoryview]
PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
M = TypeVar("M", bound=Message)

ENCODING_PROTOBUF = 0
ENCODING_JSON = 1

_last_error = lib.kartla_last_error
_buffer_free = lib.kartla_buffer_free
_string_at = ctypes.string_at


def fail(status: int, *cleanup: Buffer) -> NoReturn:
    """Raises the typed error of `status` with this thread's last error message. Must be called
    right after the failing call, before any other Kartla call on this thread; the buffers in
    `cleanup` are freed after the message is read (kartla_buffer_free is a Kartla call too)."""
    message = _last_error()
    text = message.decode("utf-8", "replace") if message else ""
    for buffer in cleanup:
        _buffer_free(buffer)
    raise _errors.error_for(status, text)


def check(status: int) -> None:
    if status:
        fail(status)


# -- inputs ------------------------------------------------------------------------------------


def data_in(value: object, what: str) -> tuple[Any, int]:
    """(pointer argument, length) for a `const uint8_t *` + `size_t` pair. bytes go as they are;
    a bytearray or writable memoryview is passed in place (no copy); a read-only buffer is copied."""
    if isinstance(value, bytes):
        return value, len(value)
    if isinstance(value, (bytearray, memoryview)):
        view = memoryview(value)
        if not view.c_contiguous:
            raise _errors.invalid(f"{what}: the buffer must be contiguous")
        size = view.nbytes
        if size == 0:
            return None, 0
        if view.readonly:
            return view.tobytes(), size
        return (ctypes.c_char * size).from_buffer(view.cast("B")), size
    raise _errors.invalid(f"{what} must be bytes, bytearray or memoryview, not {type(value).__name__}")


def json_in(value: object, what: str) -> tuple[Any, int]:
    """JSON input: a str (encoded as UTF-8) or UTF-8 bytes."""
    if isinstance(value, str):
        data = value.encode("utf-8")
        return data, len(data)
    return data_in(value, what)


class secret_in:
    """`with secret_in(passphrase, "passphrase") as (ptr, size):` a passphrase or recovery code:
    bytes, or a bytearray (writable memoryview) passed in place, never copied, for the caller to
    wipe afterwards. A read-only memoryview is copied into a bytearray the binding wipes when the
    call is done. Text is refused: a str cannot be wiped."""

    __slots__ = ("_value", "_what", "_copy")

    def __init__(self, value: object, what: str) -> None:
        if isinstance(value, str):
            raise _errors.invalid(f"{what} must be bytes or bytearray (encode it: a str cannot be wiped)")
        if not isinstance(value, (bytes, bytearray, memoryview)):
            raise _errors.invalid(f"{what} must be bytes or bytearray, not {type(value).__name__}")
        self._value = value
        self._what = what
        self._copy: bytearray | None = None

    def __enter__(self) -> tuple[Any, int]:
        value = self._value
        if isinstance(value, memoryview) and value.readonly:
            self._copy = bytearray(value)
            value = self._copy
        return data_in(value, self._what)

    def __exit__(self, *exc: object) -> None:
        if self._copy is not None:
            wipe(self._copy)
            self._copy = None


_TEXT_CACHE: dict[str, bytes] = {}  # section names and the like, encoded once


def text_in(value: object, what: str) -> bytes:
    """A NUL-terminated UTF-8 `const char *`."""
    if type(value) is str:
        cached = _TEXT_CACHE.get(value)
        if cached is not None:
            return cached
        data = value.encode("utf-8")
        if b"\0" in data:
            raise _errors.invalid(f"{what} must not contain a NUL character")
        if len(value) <= 64 and len(_TEXT_CACHE) < 256:
            _TEXT_CACHE[value] = data
        return data
    if isinstance(value, str):
        data = value.encode("utf-8")
    elif isinstance(value, bytes):
        data = value
    else:
        raise _errors.invalid(f"{what} must be str, not {type(value).__name__}")
    if b"\0" in data:
        raise _errors.invalid(f"{what} must not contain a NUL character")
    return data


def optional_text_in(value: object, what: str) -> bytes | None:
    return None if value is None else text_in(value, what)


def path_in(value: object, what: str = "path") -> bytes:
    try:
        data = os.fsencode(value)  # type: ignore[arg-type]
    except TypeError:
        raise _errors.invalid(f"{what} must be a str, bytes or os.PathLike, not {type(value).__name__}") from None
    if b"\0" in data:
        raise _errors.invalid(f"{what} must not contain a NUL character")
    return data


_UTC = datetime.timezone.utc
_last_time: tuple[object, int] = (None, 0)  # the last datetime converted (readers repeat their `at`)


def time_in(value: object, what: str) -> int:
    """A timezone-aware datetime as Unix seconds (rounded down); None is 0, which the C functions
    read as "now" (or "no expiry" where the header says so)."""
    global _last_time
    if value is None:
        return 0
    last = _last_time
    if last[0] is value:
        return last[1]
    if not isinstance(value, datetime.datetime):
        raise _errors.invalid(f"{what} must be a timezone-aware datetime or None, not {type(value).__name__}")
    tz = value.tzinfo
    if tz is None or (tz is not _UTC and value.utcoffset() is None):
        raise _errors.invalid(f"{what} must be timezone-aware (a naive datetime names no instant)")
    seconds = math.floor(value.timestamp())
    _last_time = (value, seconds)
    return seconds


def uint_in(value: object, what: str, bits: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _errors.invalid(f"{what} must be an int, not {type(value).__name__}")
    if not 0 <= value < (1 << bits):
        raise _errors.invalid(f"{what} must be between 0 and 2**{bits} - 1")
    return value


def from_unix(seconds: int) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)


# -- outputs -----------------------------------------------------------------------------------


def take(buffer: Buffer) -> bytes:
    """The buffer's bytes, copied once; the buffer is freed (wiped) whatever happens."""
    try:
        return _string_at(buffer.data, buffer.len) if buffer.len else b""
    finally:
        _buffer_free(buffer)


def take_text(buffer: Buffer) -> str:
    return take(buffer).decode("utf-8")


def call_buffer(fn: Callable[..., int], *args: Any) -> bytes:
    """Calls fn(*args, &buffer) and returns the buffer's bytes."""
    buffer = Buffer()
    status = fn(*args, buffer)
    if status:
        fail(status, buffer)  # empty on failure (house rule); freeing it is harmless
    return take(buffer)


def call_text(fn: Callable[..., int], *args: Any) -> str:
    return call_buffer(fn, *args).decode("utf-8")


def call_message(cls: type[M], fn: Callable[..., int], *args: Any) -> M:
    """fn(*args, KARTLA_ENCODING_PROTOBUF, &buffer), parsed as `cls` (results.proto)."""
    return cls.FromString(call_buffer(fn, *args, ENCODING_PROTOBUF))


def call_json(fn: Callable[..., int], *args: Any) -> str:
    return call_text(fn, *args, ENCODING_JSON)


def wipe(buffer: bytearray | memoryview) -> None:
    """Overwrites a writable buffer with zeros (for plaintext or a passphrase the caller holds in
    a bytearray: bytes and str cannot be wiped)."""
    view = memoryview(buffer)
    if view.readonly:
        raise _errors.invalid("only a writable buffer (bytearray, writable memoryview) can be wiped")
    if view.nbytes:
        ctypes.memset((ctypes.c_char * view.nbytes).from_buffer(view.cast("B")), 0, view.nbytes)


# -- handles -----------------------------------------------------------------------------------


class Handle:
    """A C handle owned by one Python object: freed by close(), by the end of a `with` block, or
    (as a safety net only) when the object is collected. A closed handle is refused with
    ClosedError before any C call.

    Calls borrow the pointer: a close() while other threads are inside calls on the handle takes
    effect when the last of them returns, so a handle is never freed under a running call. Calls
    the C header says need exclusive use (every call on a type with `_exclusive`, e.g. a record)
    let one in at a time and wait for the shared ones to finish; the others wait for them."""

    __slots__ = ("_ptr", "_lock", "_gate", "_users", "_writer", "_closed", "__weakref__")
    _free: Callable[[Any], None]
    _exclusive = False  # every call needs exclusive use

    _ptr: int | None
    _lock: threading.Lock  # guards the counters below, held only for a few instructions
    _gate: threading.Lock  # held by an exclusive call for its whole duration
    _users: int  # shared calls in flight
    _writer: bool  # an exclusive call is in flight (or waiting for the shared ones to end)
    _closed: bool

    def __init__(self) -> None:
        raise TypeError(f"{type(self).__name__} objects are made by its open/create functions")

    @classmethod
    def _wrap(cls: type[H], ptr: int | None) -> H:
        if not ptr:
            raise _errors.Internal(_errors.Status.E_INTERNAL, "the library returned no handle and no error")
        self = cls.__new__(cls)
        self._ptr = ptr
        self._lock = threading.Lock()
        self._gate = threading.Lock()
        self._users = 0
        self._writer = False
        self._closed = False
        return self

    def _refuse(self) -> NoReturn:
        raise _errors.ClosedError(_errors.Status.E_INVALID_ARGUMENT, f"this {type(self).__name__} is closed")

    def _use(self, exclusive: bool = False) -> int:
        """The pointer, borrowed until the matching _done()."""
        if exclusive or self._exclusive:
            return self._use_exclusive()
        lock = self._lock
        lock.acquire()
        if self._closed or self._writer:
            lock.release()
            return self._use_shared_slow()
        self._users += 1
        lock.release()
        return self._ptr  # type: ignore[return-value]

    def _use_shared_slow(self) -> int:
        while True:
            with self._lock:
                if self._closed:
                    self._refuse()
                if not self._writer:
                    self._users += 1
                    return self._ptr  # type: ignore[return-value]
            with self._gate:  # an exclusive call is running: wait for it
                pass

    def _use_exclusive(self) -> int:
        self._gate.acquire()
        with self._lock:
            if self._closed:
                self._gate.release()
                self._refuse()
            self._writer = True  # no new shared call from now on
            users = self._users
        while users:  # rare: exclusive calls on a handle others are reading (set_passphrase)
            time.sleep(0.0002)
            with self._lock:
                users = self._users
        return self._ptr  # type: ignore[return-value]

    def _done(self, exclusive: bool = False) -> None:
        if exclusive or self._exclusive:
            with self._lock:
                self._writer = False
                if self._closed and not self._users:
                    self._release()
            self._gate.release()
            return
        lock = self._lock
        lock.acquire()
        self._users -= 1
        if self._closed and not self._users and not self._writer:
            self._release()
        lock.release()

    def _release(self) -> None:
        ptr, self._ptr = self._ptr, None
        if ptr:
            type(self)._free(ptr)

    def close(self) -> None:
        """Frees (and wipes) the handle. Closing twice is fine."""
        lock = getattr(self, "_lock", None)
        if lock is None:
            return
        with lock:
            if self._closed:
                return
            self._closed = True
            if not self._users and not self._writer:
                self._release()

    @property
    def closed(self) -> bool:
        return self._closed

    def __enter__(self: H) -> H:
        if self._closed:
            self._refuse()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone already
            pass

    def __repr__(self) -> str:
        return f"<kartla.{type(self).__name__}{' closed' if self._closed else ''}>"

    # A copy would free the same C object twice.
    def __copy__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} cannot be copied: open it again instead")

    def __deepcopy__(self, memo: object) -> NoReturn:
        raise TypeError(f"{type(self).__name__} cannot be copied: open it again instead")

    def __reduce__(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} cannot be pickled")


H = TypeVar("H", bound=Handle)


class Borrow:
    """`with Borrow(handle, cls, what) as ptr:` for a handle passed as an argument (an identity to a
    record function). None stays None: the C function then refuses it (E_INVALID_ARGUMENT)."""

    __slots__ = ("_handle", "_type", "_what", "_borrowed", "_exclusive")

    def __init__(self, handle: object, cls: type[Handle], what: str, exclusive: bool = False) -> None:
        self._handle = handle
        self._type = cls
        self._what = what
        self._exclusive = exclusive
        self._borrowed: Handle | None = None

    def __enter__(self) -> int | None:
        h = self._handle
        if h is None:
            return None
        if not isinstance(h, self._type):
            raise _errors.invalid(f"{self._what} must be a kartla.{self._type.__name__}, not {type(h).__name__}")
        ptr = h._use(self._exclusive)
        self._borrowed = h
        return ptr

    def __exit__(self, *exc: object) -> None:
        if self._borrowed is not None:
            self._borrowed._done(self._exclusive)
            self._borrowed = None
