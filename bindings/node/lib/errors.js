// SPDX-License-Identifier: Apache-2.0
// The error model: every failure is a KartlaError carrying the C status (a number), its name
// ('KARTLA_E_NOT_SHARED' as `code`, Node's convention for error codes) and the library's message;
// one subclass per status, so a caller can catch one class of failure with `instanceof`.

/** kartla_status: the values never change (kartla/common.h). */
export const Status = Object.freeze({
  OK: 0,
  E_INVALID_ARGUMENT: 1,
  E_FORMAT: 2,
  E_LIMIT: 3,
  E_VERSION: 4,
  E_SIGNATURE: 5,
  E_INTEGRITY: 6,
  E_AUTH: 7,
  E_NOT_SHARED: 8,
  E_EXPIRED: 9,
  E_ROLLBACK: 10,
  E_NOT_FOUND: 11,
  E_SCHEMA: 12,
  E_IO: 13,
  E_BUSY: 14,
  E_NO_MEMORY: 15,
  E_CRYPTO: 16,
  E_INTERNAL: 17,
});

const NAMES = new Map(Object.entries(Status).map(([name, value]) => [value, name]));

/** The status's name without the prefix ("E_FORMAT"); "UNKNOWN" for a code newer than this binding. */
export function statusName(status) {
  return NAMES.get(status) ?? "UNKNOWN";
}

export class KartlaError extends Error {
  constructor(status, message) {
    const name = statusName(status);
    super(`${name}: ${message}`);
    this.name = new.target.name;
    /** The kartla_status, a number. */
    this.status = status;
    /** "KARTLA_" + the status name, e.g. "KARTLA_E_NOT_SHARED". */
    this.code = `KARTLA_${name}`;
    /** The status name, e.g. "E_NOT_SHARED". */
    this.statusName = name;
    /** The library's message (or the binding's, for a failure found before any C call). */
    this.detail = message;
  }
}

export class InvalidArgumentError extends KartlaError {}
/** A handle used after close(): found by the binding, never passed to the library. */
export class ClosedError extends InvalidArgumentError {}
export class FormatError extends KartlaError {}
export class LimitError extends KartlaError {}
export class VersionError extends KartlaError {}
export class SignatureError extends KartlaError {}
export class IntegrityError extends KartlaError {}
export class AuthError extends KartlaError {}
export class NotSharedError extends KartlaError {}
export class ExpiredError extends KartlaError {}
export class RollbackError extends KartlaError {}
export class NotFoundError extends KartlaError {}
export class SchemaError extends KartlaError {}
export class IOError extends KartlaError {}
export class BusyError extends KartlaError {}
export class NoMemoryError extends KartlaError {}
export class CryptoError extends KartlaError {}
export class InternalError extends KartlaError {}

const CLASSES = new Map([
  [Status.E_INVALID_ARGUMENT, InvalidArgumentError],
  [Status.E_FORMAT, FormatError],
  [Status.E_LIMIT, LimitError],
  [Status.E_VERSION, VersionError],
  [Status.E_SIGNATURE, SignatureError],
  [Status.E_INTEGRITY, IntegrityError],
  [Status.E_AUTH, AuthError],
  [Status.E_NOT_SHARED, NotSharedError],
  [Status.E_EXPIRED, ExpiredError],
  [Status.E_ROLLBACK, RollbackError],
  [Status.E_NOT_FOUND, NotFoundError],
  [Status.E_SCHEMA, SchemaError],
  [Status.E_IO, IOError],
  [Status.E_BUSY, BusyError],
  [Status.E_NO_MEMORY, NoMemoryError],
  [Status.E_CRYPTO, CryptoError],
  [Status.E_INTERNAL, InternalError],
]);

/** The typed error of a status (a plain KartlaError for a code newer than this binding). */
export function errorFor(status, message) {
  const Class = CLASSES.get(status) ?? KartlaError;
  return new Class(status, message);
}

/** The binding's own E_INVALID_ARGUMENT, for an argument refused before any C call. */
export function invalid(message) {
  return new InvalidArgumentError(Status.E_INVALID_ARGUMENT, message);
}
