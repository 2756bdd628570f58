// SPDX-License-Identifier: Apache-2.0
// What every wrapper shares: calling, checking arguments, reading library buffers, handles.
//
// Private. The rules (kartla/common.h): a status per call; the message of a failure read on the
// same OS thread right after it (JavaScript runs each isolate on one thread and a synchronous
// koffi call returns on it, so nothing can run in between); outputs in library buffers copied
// once into JavaScript memory and then freed (which wipes them) at once.

import koffi from "koffi";
import { c } from "./native.js";
import { errorFor, invalid, ClosedError, Status } from "./errors.js";

export const ENCODING_PROTOBUF = 0;
export const ENCODING_JSON = 1;

const lastError = c.kartla_last_error;
const bufferFree = c.kartla_buffer_free;

// The kartla_buffer every call writes its output into: 24 bytes (data, len, internal) of memory the
// binding owns, read in place. One per thread (each worker loads this module anew) is enough:
// between a call and the take() or fail() that empties it no other code runs on the thread.
const scratch = new Uint8Array(new ArrayBuffer(24));
const words = new BigUint64Array(scratch.buffer);

/** The empty kartla_buffer for a call's output. */
export function buffer() {
  if (words[0] !== 0n || words[1] !== 0n) {
    // A buffer not taken or freed: a bug here, and memory the library still holds.
    bufferFree(scratch);
    throw errorFor(Status.E_INTERNAL, "kartla: an output buffer was not released");
  }
  return scratch;
}

/** Throws the typed error of `status` with this thread's message. Call right after the failing
 * call; the buffers are freed after the message is read (kartla_buffer_free is a Kartla call). */
export function fail(status, ...cleanup) {
  const message = lastError() ?? "";
  for (const b of cleanup) bufferFree(b);
  throw errorFor(status, message);
}

export function check(status) {
  if (status !== 0) fail(status);
}

/** The library buffer's bytes, copied into a new Uint8Array; the buffer is freed (wiped). */
export function take(b) {
  try {
    const len = Number(words[1]);
    if (len === 0) return new Uint8Array(0);
    return new Uint8Array(koffi.view(words[0], len)).slice();
  } finally {
    bufferFree(b);
  }
}

/** The library buffer's bytes, copied into shared memory (one copy, which a worker thread can
 * hand over uncopied); the buffer is freed (wiped). */
export function takeShared(b) {
  try {
    const len = Number(words[1]);
    const out = new Uint8Array(new SharedArrayBuffer(len));
    if (len > 0) out.set(new Uint8Array(koffi.view(words[0], len)));
    return out;
  } finally {
    bufferFree(b);
  }
}

/** The length of what the last call wrote into the output buffer (before take()). */
export function outputLength() {
  return Number(words[1]);
}

const decoder = new TextDecoder("utf-8", { fatal: false });

/** The library buffer's text; the buffer is freed (wiped). */
export function takeText(b) {
  try {
    const len = Number(words[1]);
    if (len === 0) return "";
    return decoder.decode(new Uint8Array(koffi.view(words[0], len)));
  } finally {
    bufferFree(b);
  }
}

// -- inputs -----------------------------------------------------------------------------------

function describe(value) {
  if (value === null) return "null";
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return typeof value;
}

/** A `const uint8_t *` + `size_t` pair's bytes: a Uint8Array (a Buffer is one), passed in place.
 * Anything else is refused here: koffi would take a number or a BigInt for an address. */
export function bytesIn(value, what) {
  if (!(value instanceof Uint8Array)) throw invalid(`${what} must be a Uint8Array, not ${describe(value)}`);
  return value;
}

/** Optional bytes: undefined or null is the empty input. */
export function optionalBytesIn(value, what) {
  return value === undefined || value === null ? EMPTY : bytesIn(value, what);
}

export const EMPTY = new Uint8Array(0);
const encoder = new TextEncoder();

/** JSON input: a string (encoded as UTF-8) or UTF-8 bytes. */
export function jsonIn(value, what) {
  if (typeof value === "string") return encoder.encode(value);
  return bytesIn(value, what);
}

/** A passphrase or recovery code: a Uint8Array the caller can wipe afterwards (fill(0)). Text is
 * refused: a JavaScript string cannot be wiped, and the binding will not make it look as if it
 * could. */
export function secretIn(value, what) {
  if (typeof value === "string") {
    throw invalid(`${what} must be a Uint8Array (encode it: a string cannot be wiped)`);
  }
  return bytesIn(value, what);
}

/** A NUL-terminated UTF-8 `const char *`. */
export function textIn(value, what) {
  if (typeof value !== "string") throw invalid(`${what} must be a string, not ${describe(value)}`);
  if (value.includes("\0")) throw invalid(`${what} must not contain a NUL character`);
  return value;
}

export function optionalTextIn(value, what) {
  return value === undefined || value === null ? null : textIn(value, what);
}

/** A file path: a string or a URL (file:). */
export function pathIn(value, what = "path") {
  if (value instanceof URL) {
    if (value.protocol !== "file:") throw invalid(`${what} must be a file: URL`);
    value = decodeURIComponent(value.pathname);
  }
  return textIn(value, what);
}

/** A Date as Unix seconds (rounded down); undefined or null is 0, which the C functions read as
 * "now" (or "no expiry" where the header says so). */
export function timeIn(value, what) {
  if (value === undefined || value === null) return 0;
  if (!(value instanceof Date)) throw invalid(`${what} must be a Date, not ${describe(value)}`);
  const ms = value.getTime();
  if (!Number.isFinite(ms)) throw invalid(`${what} is an invalid Date`);
  return Math.floor(ms / 1000);
}

/** Unix seconds from the library as a Date. */
export function timeOut(seconds) {
  return new Date(Number(seconds) * 1000);
}

/** A uint64_t input (a sequence number): a non-negative safe integer or a BigInt. */
export function u64In(value, what) {
  if (typeof value === "bigint") {
    if (value < 0n || value > 0xffffffffffffffffn) throw invalid(`${what} is out of range`);
    return value;
  }
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(`${what} must be a non-negative integer, not ${describe(value)} ${String(value)}`);
  }
  return value;
}

/** A uint64_t output as a number when exact, else a BigInt (sequence numbers stay small). */
export function u64Out(value) {
  if (typeof value === "bigint") return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  return value;
}

// -- handles ----------------------------------------------------------------------------------

// A safety net only: a handle the program forgot to close is freed (and its keys wiped) when the
// garbage collector reclaims its wrapper, at a time nobody can predict. close() is the contract.
const finalizers = new Map();
function finalizerFor(free) {
  let registry = finalizers.get(free);
  if (!registry) {
    registry = new FinalizationRegistry((ptr) => free(ptr));
    finalizers.set(free, registry);
  }
  return registry;
}

// Only this binding makes handles: a constructor called with anything else throws, so no caller
// can wrap an address of its own choosing.
export const MAKE = Symbol("kartla.make");

/** A C handle: close() frees it (wiping its keys); using it afterwards is a ClosedError. */
export class Handle {
  #ptr;
  #free;

  /** @internal */
  constructor(token, ptr, free) {
    if (token !== MAKE) throw invalid(`a ${new.target.name} is made by its static methods (open, create, ...)`);
    if (!ptr) throw errorFor(Status.E_INTERNAL, "the library returned no handle");
    this.#ptr = ptr;
    this.#free = free;
    finalizerFor(free).register(this, ptr, this);
  }

  /** @internal The pointer, for a call; a ClosedError once closed. */
  _use() {
    if (this.#ptr === null) {
      throw new ClosedError(Status.E_INVALID_ARGUMENT, `this ${this.constructor.name} is closed`);
    }
    return this.#ptr;
  }

  /** Frees the handle and wipes its keys. Closing twice is fine. */
  close() {
    const ptr = this.#ptr;
    if (ptr === null) return;
    this.#ptr = null;
    finalizerFor(this.#free).unregister(this);
    this.#free(ptr);
  }

  get closed() {
    return this.#ptr === null;
  }
}

// `using x = ...` (TypeScript 5.2+, and JavaScript where explicit resource management is
// supported) closes the handle. Node 20 defines Symbol.dispose only as a polyfilled symbol with no
// `using` syntax; where it is undefined there is nothing to hook into.
if (typeof Symbol.dispose === "symbol") {
  Handle.prototype[Symbol.dispose] = function dispose() {
    this.close();
  };
}

/** The pointer of a handle argument of class `cls`, or a typed error. */
export function use(handle, cls, what) {
  if (!(handle instanceof cls)) throw invalid(`${what} must be a kartla ${cls.name}, not ${describe(handle)}`);
  return handle._use();
}

/** Overwrites a Uint8Array the caller owns with zeros (a recovery code, a section read into). */
export function wipe(bytes) {
  bytesIn(bytes, "bytes").fill(0);
}
