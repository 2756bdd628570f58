// SPDX-License-Identifier: Apache-2.0
// The owner's record, its sections, sharing and revocation (kartla/record.h, kartla/share.h).

import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { c, RECORD_OPEN_OPTIONS_VERSION, RECORD_SHARE_OPTIONS_VERSION } from "./native.js";
import {
  buffer, bytesIn, check, ENCODING_JSON, ENCODING_PROTOBUF, fail, Handle, jsonIn, MAKE, optionalTextIn, outputLength, pathIn,
  take, takeText, textIn, timeIn, u64In, u64Out, use,
} from "./core.js";
import { invalid } from "./errors.js";
import { Identity } from "./identity.js";
import { sectionOf } from "./sections.js";
import { RevocationSummarySchema, SectionListSchema, ValidationReportSchema } from "../gen/kartla/v1/results_pb.js";

function openOptions({ acceptOlder = false, lastSeen = 0 } = {}) {
  return { version: RECORD_OPEN_OPTIONS_VERSION, accept_older: acceptOlder ? 1 : 0, last_seen: u64In(lastSeen, "lastSeen") };
}

/** `buffer` as caller memory the library writes into. */
function writable(buffer) {
  if (!(buffer instanceof Uint8Array)) throw invalid("buffer must be a Uint8Array");
  return buffer;
}

/**
 * The owner's record: every section readable and writable; changes reach the disk only with
 * save(), which writes the next signed version. The record keeps its own copy of the owner's
 * keys: the identity may be closed while the record lives.
 */
export class Record extends Handle {
  /** A new, empty record owned by `owner`, not yet saved (sequence 0). */
  static create(owner) {
    const out = [null];
    check(c.kartla_record_new(use(owner, Identity, "owner"), out));
    return new Record(MAKE, out[0], c.kartla_record_free);
  }

  /** Opens the owner's record from its bytes. `acceptOlder` and `lastSeen`: kartla_record_open_options. */
  static open(bytes, owner, opts) {
    const d = bytesIn(bytes, "bytes");
    const out = [null];
    if (opts === undefined) {
      check(c.kartla_record_open(d, d.length, use(owner, Identity, "owner"), out));
    } else {
      check(c.kartla_record_open_with_options(d, d.length, use(owner, Identity, "owner"), openOptions(opts), out));
    }
    return new Record(MAKE, out[0], c.kartla_record_free);
  }

  static openFile(path, owner, opts) {
    const out = [null];
    if (opts === undefined) {
      check(c.kartla_record_open_file(pathIn(path), use(owner, Identity, "owner"), out));
    } else {
      check(c.kartla_record_open_file_with_options(pathIn(path), use(owner, Identity, "owner"), openOptions(opts), out));
    }
    return new Record(MAKE, out[0], c.kartla_record_free);
  }

  /** Writes the next signed version atomically. */
  save(path) {
    check(c.kartla_record_save(this._use(), pathIn(path)));
  }

  /** The record's clock (a Date; undefined: the system clock), used for grant and ledger times. */
  setClock(now) {
    check(c.kartla_record_set_clock(this._use(), timeIn(now, "now")));
  }

  /** The record id: 32 hex digits. */
  get id() {
    const b = buffer();
    const st = c.kartla_record_id(this._use(), b);
    if (st) fail(st, b);
    return takeText(b);
  }

  /** The sequence number of the version last saved or opened (0 before the first save). */
  get sequence() {
    const out = [0];
    check(c.kartla_record_sequence(this._use(), out));
    return u64Out(out[0]);
  }

  /** The sections the record holds, as kartla.v1.SectionList. */
  sections() {
    return fromBinary(SectionListSchema, this.#described(ENCODING_PROTOBUF));
  }

  sectionsJson() {
    return new TextDecoder().decode(this.#described(ENCODING_JSON));
  }

  #described(encoding) {
    const b = buffer();
    const st = c.kartla_record_sections(this._use(), encoding, b);
    if (st) fail(st, b);
    return take(b);
  }

  hasSection(section) {
    const out = [0];
    check(c.kartla_record_has_section(this._use(), textIn(section, "section"), out));
    return out[0] !== 0;
  }

  /** Sets a section from its protobuf bytes (validated; E_SCHEMA leaves the section as it was). */
  setSection(section, content) {
    const d = bytesIn(content, "content");
    check(c.kartla_record_set_section(this._use(), textIn(section, "section"), d, d.length));
  }

  /** Sets a section from protobuf JSON (a string, or UTF-8 bytes). */
  setSectionJson(section, json) {
    const d = jsonIn(json, "json");
    check(c.kartla_record_set_section_json(this._use(), textIn(section, "section"), d, d.length));
  }

  /** Sets the section whose message `schema` describes (ProfileSchema -> "profile") to `message`. */
  setMessage(schema, message) {
    this.setSection(sectionOf(schema), toBinary(schema, message));
  }

  /** A section's content as protobuf bytes. */
  section(section) {
    const b = buffer();
    const st = c.kartla_record_section(this._use(), textIn(section, "section"), b);
    if (st) fail(st, b);
    return take(b);
  }

  sectionJson(section) {
    const b = buffer();
    const st = c.kartla_record_section_json(this._use(), textIn(section, "section"), b);
    if (st) fail(st, b);
    return takeText(b);
  }

  /** The section whose message `schema` describes, as that typed message. */
  read(schema) {
    return fromBinary(schema, this.section(sectionOf(schema)));
  }

  /** The capacity sectionInto needs (the padded length). */
  sectionSize(section) {
    const out = [0];
    check(c.kartla_record_section_size(this._use(), textIn(section, "section"), out));
    return Number(out[0]);
  }

  /** Reads a section into memory the caller owns (and wipes); returns the length written. */
  sectionInto(section, into) {
    const w = writable(into);
    const used = [0];
    check(c.kartla_record_section_into(this._use(), textIn(section, "section"), w, w.length, used));
    return Number(used[0]);
  }

  removeSection(section) {
    check(c.kartla_record_remove_section(this._use(), textIn(section, "section")));
  }

  /**
   * Grants `sections` to the agency whose card is `card`; returns the grant id (32 hex digits).
   * `expiresAt`, `now`: Dates (undefined: no expiry; the record's clock).
   */
  share(card, sections, { purpose, expiresAt, now, gdprArt6Basis, gdprArt9Basis } = {}) {
    const k = bytesIn(card, "card");
    if (!Array.isArray(sections)) throw invalid("sections must be an array of section names");
    const names = sections.map((s, i) => textIn(s, `sections[${i}]`));
    const options = {
      version: RECORD_SHARE_OPTIONS_VERSION,
      purpose: textIn(purpose, "purpose"),
      expires_at: timeIn(expiresAt, "expiresAt"),
      now: timeIn(now, "now"),
      gdpr_art6_basis: optionalTextIn(gdprArt6Basis, "gdprArt6Basis"),
      gdpr_art9_basis: optionalTextIn(gdprArt9Basis, "gdprArt9Basis"),
      tell_involved: 0,
    };
    const b = buffer();
    const st = c.kartla_record_share(this._use(), k, k.length, names, names.length, options, b);
    if (st) fail(st, b);
    return takeText(b);
  }

  /** True if sharing the section would share health data (GDPR Art. 9). */
  isSpecial(section) {
    const out = [0];
    check(c.kartla_record_section_is_special(this._use(), textIn(section, "section"), out));
    return out[0] !== 0;
  }

  /** Writes the bundle of one grant (the record must be saved). */
  exportBundle(grantId, path) {
    check(c.kartla_record_export_bundle(this._use(), textIn(grantId, "grantId"), pathIn(path)));
  }

  /** Revokes every grant to the agency whose card is `card`; kartla.v1.RevocationSummary. */
  revoke(card, now) {
    const k = bytesIn(card, "card");
    const b = buffer();
    const st = c.kartla_record_revoke(this._use(), k, k.length, timeIn(now, "now"), ENCODING_PROTOBUF, b);
    if (st) fail(st, b);
    return fromBinary(RevocationSummarySchema, take(b));
  }
}

/** Validates section content (protobuf bytes): kartla.v1.ValidationReport, valid or not. */
export function validateSection(section, content) {
  return validate(c.kartla_validate_section, section, bytesIn(content, "content"));
}

/** Validates section content given as protobuf JSON. */
export function validateSectionJson(section, json) {
  return validate(c.kartla_validate_section_json, section, jsonIn(json, "json"));
}

function validate(fn, section, data) {
  const b = buffer();
  const st = fn(textIn(section, "section"), data, data.length, ENCODING_PROTOBUF, b);
  // E_SCHEMA comes with its report (the exception to the house rule): invalid content is a result.
  if (st !== 0 && !(st === 12 && outputLength() > 0)) fail(st, b);
  return fromBinary(ValidationReportSchema, take(b));
}
