// SPDX-License-Identifier: Apache-2.0
// The agency's side: a share bundle or a record file, read with the agency's identity
// (kartla/share.h).

import { fromBinary } from "@bufbuild/protobuf";
import { c } from "./native.js";
import {
  buffer, bytesIn, check, ENCODING_JSON, ENCODING_PROTOBUF, fail, Handle, MAKE, pathIn, take, takeText, textIn,
  timeIn, u64In, u64Out, use,
} from "./core.js";
import { invalid } from "./errors.js";
import { Identity } from "./identity.js";
import { sectionOf } from "./sections.js";
import { ShareDescriptionSchema } from "../gen/kartla/v1/results_pb.js";

/**
 * What an agency can read of a record: only sections granted to it, each checked against the
 * owner's signature, its ciphertext hash, its key commitment and the grant's expiry at `at`
 * (a Date; undefined: now). Immutable once opened.
 */
export class Share extends Handle {
  static open(bytes, agency) {
    const d = bytesIn(bytes, "bytes");
    const out = [null];
    check(c.kartla_share_open(d, d.length, use(agency, Identity, "agency"), out));
    return new Share(MAKE, out[0], c.kartla_share_free);
  }

  static openFile(path, agency) {
    const out = [null];
    check(c.kartla_share_open_file(pathIn(path), use(agency, Identity, "agency"), out));
    return new Share(MAKE, out[0], c.kartla_share_free);
  }

  /** A granted section's protobuf bytes. NotSharedError, ExpiredError, IntegrityError. */
  section(section, at) {
    const b = buffer();
    const st = c.kartla_share_section(this._use(), textIn(section, "section"), timeIn(at, "at"), b);
    if (st) fail(st, b);
    return take(b);
  }

  sectionJson(section, at) {
    const b = buffer();
    const st = c.kartla_share_section_json(this._use(), textIn(section, "section"), timeIn(at, "at"), b);
    if (st) fail(st, b);
    return takeText(b);
  }

  /** The granted section whose message `schema` describes, as that typed message. */
  read(schema, at) {
    return fromBinary(schema, this.section(sectionOf(schema), at));
  }

  /** The capacity sectionInto needs (the padded length). */
  sectionSize(section, at) {
    const out = [0];
    check(c.kartla_share_section_size(this._use(), textIn(section, "section"), timeIn(at, "at"), out));
    return Number(out[0]);
  }

  /** Reads a granted section into memory the caller owns (and wipes); returns the length written. */
  sectionInto(section, into, at) {
    if (!(into instanceof Uint8Array)) throw invalid("buffer must be a Uint8Array");
    const used = [0];
    check(c.kartla_share_section_into(this._use(), textIn(section, "section"), timeIn(at, "at"), into, into.length, used));
    return Number(used[0]);
  }

  /** What this file gives the agency: kartla.v1.ShareDescription. */
  describe() {
    return fromBinary(ShareDescriptionSchema, this.#described(ENCODING_PROTOBUF));
  }

  describeJson() {
    return new TextDecoder().decode(this.#described(ENCODING_JSON));
  }

  #described(encoding) {
    const b = buffer();
    const st = c.kartla_share_describe(this._use(), encoding, b);
    if (st) fail(st, b);
    return take(b);
  }

  get sequence() {
    const out = [0];
    check(c.kartla_share_sequence(this._use(), out));
    return u64Out(out[0]);
  }

  /** RollbackError if this copy is older than `lastSeen`. */
  checkLastSeen(lastSeen) {
    check(c.kartla_share_check_last_seen(this._use(), u64In(lastSeen, "lastSeen")));
  }

  /** Pins the owner: AuthError unless the file is signed by the owner whose card is `card`. */
  checkOwner(card) {
    const k = bytesIn(card, "card");
    check(c.kartla_share_check_owner(this._use(), k, k.length));
  }
}
