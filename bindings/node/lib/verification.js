// SPDX-License-Identifier: Apache-2.0
// Verification of a record or bundle by anyone, without keys (kartla/verify.h).

import { fromBinary } from "@bufbuild/protobuf";
import { c } from "./native.js";
import {
  buffer, bytesIn, check, ENCODING_JSON, ENCODING_PROTOBUF, fail, Handle, MAKE, pathIn, take, takeText, u64In,
  u64Out,
} from "./core.js";
import { VerificationReportSchema } from "../gen/kartla/v1/results_pb.js";

/** A record or bundle whose owner signature, grants and section hashes verified. */
export class Verification extends Handle {
  static open(bytes) {
    const d = bytesIn(bytes, "bytes");
    const out = [null];
    check(c.kartla_verification_open(d, d.length, out));
    return new Verification(MAKE, out[0], c.kartla_verification_free);
  }

  static openFile(path) {
    const out = [null];
    check(c.kartla_verification_open_file(pathIn(path), out));
    return new Verification(MAKE, out[0], c.kartla_verification_free);
  }

  get sequence() {
    const out = [0];
    check(c.kartla_verification_sequence(this._use(), out));
    return u64Out(out[0]);
  }

  get recordId() {
    return this.#text(c.kartla_verification_record_id);
  }

  get ownerFingerprint() {
    return this.#text(c.kartla_verification_owner_fingerprint);
  }

  /** The previous manifest's hash (64 hex digits; "" for the first version). */
  get previousHash() {
    return this.#text(c.kartla_verification_previous_hash);
  }

  #text(fn) {
    const b = buffer();
    const st = fn(this._use(), b);
    if (st) fail(st, b);
    return takeText(b);
  }

  /** The whole report: kartla.v1.VerificationReport. */
  report() {
    return fromBinary(VerificationReportSchema, this.#report(ENCODING_PROTOBUF));
  }

  reportJson() {
    return new TextDecoder().decode(this.#report(ENCODING_JSON));
  }

  #report(encoding) {
    const b = buffer();
    const st = c.kartla_verification_report(this._use(), encoding, b);
    if (st) fail(st, b);
    return take(b);
  }

  /** RollbackError if this copy is older than `lastSeen`. */
  checkLastSeen(lastSeen) {
    check(c.kartla_verification_check_last_seen(this._use(), u64In(lastSeen, "lastSeen")));
  }
}
