// SPDX-License-Identifier: Apache-2.0
// Identities of owners, agencies and trust roots, and their public cards (kartla/identity.h).

import { fromBinary } from "@bufbuild/protobuf";
import { c, IDENTITY_OPTIONS_VERSION, AGENCY_INFO_VERSION } from "./native.js";
import {
  buffer, bytesIn, check, ENCODING_JSON, ENCODING_PROTOBUF, fail, Handle, MAKE, pathIn, secretIn, take,
  takeText, textIn, timeIn,
} from "./core.js";
import { errorFor, invalid } from "./errors.js";
import { runSlow, sharedSecret } from "./slow.js";
import { runSlowCall } from "./unlock-calls.js";
import { CardDescriptionSchema } from "../gen/kartla/v1/results_pb.js";

const SAVE_CREATE_ONLY = 1;

function u32Option(value, what) {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw invalid(`${what} must be an integer`);
  return value;
}

function options(o = {}) {
  if (o === null || typeof o !== "object") throw invalid("options must be an object");
  return {
    version: IDENTITY_OPTIONS_VERSION,
    kdf_opslimit: u32Option(o.kdfOpslimit, "kdfOpslimit"),
    kdf_memlimit_mib: u32Option(o.kdfMemlimitMib, "kdfMemlimitMib"),
    created_at: timeIn(o.createdAt, "createdAt"),
  };
}

function agencyInfo(info) {
  if (info === null || typeof info !== "object") throw invalid("agency must be an object");
  return {
    version: AGENCY_INFO_VERSION,
    name: textIn(info.name, "agency.name"),
    organisation_number: textIn(info.organisationNumber, "agency.organisationNumber"),
    role: textIn(info.role, "agency.role"),
  };
}

// The reply of a slow call as the caller's result: a wrapped handle, or the typed error.
function settle(reply, withCode) {
  if (reply.status !== 0) throw errorFor(reply.status, reply.message);
  const identity = new Identity(MAKE, reply.ptr, c.kartla_identity_free);
  return withCode ? { identity, recoveryCode: reply.recovery } : identity;
}

// Both ways of making a slow call: `async` on the worker thread, or here (the *Sync methods).
// `args` is a function making the call's arguments, so that a bad argument rejects the Promise
// (as an async function would) rather than throwing before it exists.
function slow(op, args, withCode) {
  let made;
  try {
    made = args();
  } catch (e) {
    return Promise.reject(e);
  }
  return runSlow(op, made).then((reply) => settle(reply, withCode));
}
function slowSync(op, makeArgs, withCode) {
  const args = makeArgs();
  try {
    return settle(runSlowCall(op, args), withCode);
  } finally {
    args.secret?.fill(0);
  }
}

/**
 * An unlocked identity: an owner's (participant's), an agency's or a trust root's keys.
 * The create, open and recover calls spend most of a second in Argon2id: each returns a Promise
 * and runs off the event loop; each has a *Sync twin for scripts and worker threads.
 */
export class Identity extends Handle {
  static create(passphrase, opts) {
    return slow("new", () => Identity.#newArgs(passphrase, opts), true);
  }
  static createSync(passphrase, opts) {
    return slowSync("new", () => Identity.#newArgs(passphrase, opts), true);
  }
  static createAgency(agency, passphrase, opts) {
    return slow("new_agency", () => ({ info: agencyInfo(agency), ...Identity.#newArgs(passphrase, opts) }), true);
  }
  static createAgencySync(agency, passphrase, opts) {
    return slowSync("new_agency", () => ({ info: agencyInfo(agency), ...Identity.#newArgs(passphrase, opts) }), true);
  }
  /** Experimental (kartla/experimental/trust.h): a trust root, which signs trust lists. */
  static createTrustRoot(name, passphrase, opts) {
    return slow("new_trust_root", () => ({ name: textIn(name, "name"), ...Identity.#newArgs(passphrase, opts) }), true);
  }
  static createTrustRootSync(name, passphrase, opts) {
    return slowSync("new_trust_root", () => ({ name: textIn(name, "name"), ...Identity.#newArgs(passphrase, opts) }), true);
  }

  static open(file, passphrase) {
    return slow("open", () => Identity.#fileArgs(file, passphrase, "passphrase"), false);
  }
  static openSync(file, passphrase) {
    return slowSync("open", () => Identity.#fileArgs(file, passphrase, "passphrase"), false);
  }
  static openFile(path, passphrase) {
    return slow("open_file", () => Identity.#pathArgs(path, passphrase, "passphrase"), false);
  }
  static openFileSync(path, passphrase) {
    return slowSync("open_file", () => Identity.#pathArgs(path, passphrase, "passphrase"), false);
  }
  static recover(file, recoveryCode) {
    return slow("recover", () => Identity.#fileArgs(file, recoveryCode, "recoveryCode"), false);
  }
  static recoverSync(file, recoveryCode) {
    return slowSync("recover", () => Identity.#fileArgs(file, recoveryCode, "recoveryCode"), false);
  }
  static recoverFile(path, recoveryCode) {
    return slow("recover_file", () => Identity.#pathArgs(path, recoveryCode, "recoveryCode"), false);
  }
  static recoverFileSync(path, recoveryCode) {
    return slowSync("recover_file", () => Identity.#pathArgs(path, recoveryCode, "recoveryCode"), false);
  }

  static #newArgs(passphrase, opts) {
    const o = options(opts);
    return { options: o, secret: sharedSecret(secretIn(passphrase, "passphrase")) };
  }
  static #fileArgs(file, secret, what) {
    const f = bytesIn(file, "file");
    return { file: sharedSecret(f), secret: sharedSecret(secretIn(secret, what)) };
  }
  static #pathArgs(path, secret, what) {
    return { path: pathIn(path), secret: sharedSecret(secretIn(secret, what)) };
  }

  /** Locks the identity under a new passphrase (Argon2id: blocks for as long as an unlock). */
  setPassphrase(passphrase) {
    const p = secretIn(passphrase, "passphrase");
    check(c.kartla_identity_set_passphrase(this._use(), p, p.length));
  }

  /** Writes the locked identity file atomically. */
  save(path, { createOnly = false } = {}) {
    check(c.kartla_identity_save(this._use(), pathIn(path), createOnly ? SAVE_CREATE_ONLY : 0));
  }

  /** The locked identity file's bytes. */
  fileBytes() {
    const b = buffer();
    const st = c.kartla_identity_file_bytes(this._use(), b);
    if (st) fail(st, b);
    return take(b);
  }

  /** The public card file's bytes (safe to give to anyone). */
  get card() {
    const b = buffer();
    const st = c.kartla_identity_card(this._use(), b);
    if (st) fail(st, b);
    return take(b);
  }

  /** The fingerprint: eight groups of four hex digits, to compare aloud. */
  get fingerprint() {
    const b = buffer();
    const st = c.kartla_identity_fingerprint(this._use(), b);
    if (st) fail(st, b);
    return takeText(b);
  }

  /** Keeps the identity's record of versions seen also in `folder` (kartla_identity_use_state_folder). */
  useStateFolder(folder) {
    check(c.kartla_identity_use_state_folder(this._use(), pathIn(folder, "folder")));
  }
}

/** A card's fingerprint (the card's self-signature is checked). */
export function cardFingerprint(card) {
  const k = bytesIn(card, "card");
  const b = buffer();
  const st = c.kartla_card_fingerprint(k, k.length, b);
  if (st) fail(st, b);
  return takeText(b);
}

/** A card file described, as kartla.v1.CardDescription. */
export function describeCard(card) {
  return fromBinary(CardDescriptionSchema, describeCardBytes(card, ENCODING_PROTOBUF));
}

/** A card file described, as kartla.v1.CardDescription's protobuf JSON. */
export function describeCardJson(card) {
  return new TextDecoder().decode(describeCardBytes(card, ENCODING_JSON));
}

function describeCardBytes(card, encoding) {
  const k = bytesIn(card, "card");
  const b = buffer();
  const st = c.kartla_card_describe(k, k.length, encoding, b);
  if (st) fail(st, b);
  return take(b);
}

/** The documented agency roles. */
export function agencyRoles() {
  const roles = [];
  const n = Number(c.kartla_agency_role_count());
  for (let i = 0; i < n; i++) roles.push(c.kartla_agency_role_name(i));
  return roles;
}

