// SPDX-License-Identifier: Apache-2.0
// The experimental tier (kartla/experimental/*.h): attestations, contributions, termination
// receipts and trust lists. These may change between minor versions (docs/API-STABILITY.md).
// The views (progress, plan, show) are not wrapped yet.

import { fromBinary } from "@bufbuild/protobuf";
import { c, ENTRY_REF_VERSION } from "./native.js";
import {
  buffer, bytesIn, check, ENCODING_PROTOBUF, fail, Handle, jsonIn, MAKE, optionalBytesIn, optionalTextIn, outputLength, take,
  textIn, timeIn, u64In, u64Out, use,
} from "./core.js";
import { invalid, statusName } from "./errors.js";
import { Identity } from "./identity.js";
import { Record } from "./record.js";
import { Share } from "./share.js";
import {
  AttestationReportSchema, ContributionDescriptionSchema, ProvenanceReportSchema, ReceiptDescriptionSchema,
  TrustListDescriptionSchema,
} from "../gen/kartla/v1/results_pb.js";

/** One entry's exact bytes inside a section's content (what an attestation signs). */
export function sectionEntry(section, content, entryId) {
  const d = bytesIn(content, "content");
  const b = buffer();
  const st = c.kartla_section_entry(textIn(section, "section"), d, d.length, textIn(entryId, "entryId"), b);
  if (st) fail(st, b);
  return take(b);
}

/** The C struct of an entry reference {ownerCard, recordId, section, entryId, entry}. */
function entryRef(ref) {
  if (ref === null || typeof ref !== "object") throw invalid("ref must be an object");
  const card = bytesIn(ref.ownerCard, "ref.ownerCard");
  const entry = bytesIn(ref.entry, "ref.entry");
  return {
    version: ENTRY_REF_VERSION,
    owner_card: card,
    owner_card_len: card.length,
    record_id: textIn(ref.recordId, "ref.recordId"),
    section: textIn(ref.section, "ref.section"),
    entry_id: textIn(ref.entryId, "ref.entryId"),
    entry,
    entry_len: entry.length,
  };
}

/** An agency's attestation of the entry `ref` names, with a claim (JSON of kartla.v1.AttestationClaim). */
export function issueAttestation(agency, ref, claimJson, { issuedAt, expiresAt } = {}) {
  const r = entryRef(ref);
  const b = buffer();
  const st = c.kartla_attestation_issue(use(agency, Identity, "agency"), r, textIn(claimJson, "claimJson"),
    timeIn(issuedAt, "issuedAt"), timeIn(expiresAt, "expiresAt"), b);
  if (st) fail(st, b);
  return take(b);
}

/**
 * Judges an attestation against the entry `ref` names, with an optional trust list, at `now`.
 * A judged attestation is a result, not an exception: {status, statusName, report}, status 0 for a
 * valid one (report.verdict says whether it is trusted). Throws when there is no report (a bad or
 * expired trust list, bad arguments).
 */
export function verifyAttestation(attestation, ref, { trustList, now } = {}) {
  const a = bytesIn(attestation, "attestation");
  const r = entryRef(ref);
  const t = optionalBytesIn(trustList, "trustList");
  const b = buffer();
  const st = c.kartla_attestation_verify(a, a.length, r, t, t.length, timeIn(now, "now"), ENCODING_PROTOBUF, b);
  if (st && outputLength() === 0) fail(st, b);
  return { status: st, statusName: statusName(st), report: fromBinary(AttestationReportSchema, take(b)) };
}

/** The owner attaches an attestation to the record; true if it was added, false if already there. */
export function attachAttestation(record, owner, attestation, { now } = {}) {
  const a = bytesIn(attestation, "attestation");
  const added = [0];
  check(c.kartla_record_attach_attestation(use(record, Record, "record"), use(owner, Identity, "owner"), a, a.length,
    timeIn(now, "now"), added));
  return added[0] !== 0;
}

/** Each entry of a section with its provenance: kartla.v1.ProvenanceReport. */
export function recordProvenance(record, owner, section, { trustList, now } = {}) {
  const t = optionalBytesIn(trustList, "trustList");
  const b = buffer();
  const st = c.kartla_record_provenance(use(record, Record, "record"), use(owner, Identity, "owner"),
    textIn(section, "section"), t, t.length, timeIn(now, "now"), ENCODING_PROTOBUF, b);
  if (st) fail(st, b);
  return fromBinary(ProvenanceReportSchema, take(b));
}

export function shareProvenance(share, section, { trustList, now } = {}) {
  const t = optionalBytesIn(trustList, "trustList");
  const b = buffer();
  const st = c.kartla_share_provenance(use(share, Share, "share"), textIn(section, "section"), t, t.length,
    timeIn(now, "now"), ENCODING_PROTOBUF, b);
  if (st) fail(st, b);
  return fromBinary(ProvenanceReportSchema, take(b));
}

/** An agency's contribution of one entry (JSON) to a section of the owner's record, sealed to the owner. */
export function createContribution(agency, ownerCard, recordId, section, entryJson, { claimJson, now } = {}) {
  const k = bytesIn(ownerCard, "ownerCard");
  const e = jsonIn(entryJson, "entryJson");
  const b = buffer();
  const st = c.kartla_contribution_create(use(agency, Identity, "agency"), k, k.length, textIn(recordId, "recordId"),
    textIn(section, "section"), e, e.length, optionalTextIn(claimJson, "claimJson"), timeIn(now, "now"), b);
  if (st) fail(st, b);
  return take(b);
}

/** The owner's look at a contribution: kartla.v1.ContributionDescription. */
export function describeContribution(owner, contribution, { recordId, now } = {}) {
  const d = bytesIn(contribution, "contribution");
  const b = buffer();
  const st = c.kartla_contribution_describe(use(owner, Identity, "owner"), d, d.length,
    optionalTextIn(recordId, "recordId"), timeIn(now, "now"), ENCODING_PROTOBUF, b);
  if (st) fail(st, b);
  return fromBinary(ContributionDescriptionSchema, take(b));
}

/** The owner accepts a contribution; true if the entry was added, false if it was already there. */
export function acceptContribution(record, owner, contribution, { now } = {}) {
  const d = bytesIn(contribution, "contribution");
  const added = [0];
  check(c.kartla_record_accept_contribution(use(record, Record, "record"), use(owner, Identity, "owner"), d, d.length,
    timeIn(now, "now"), added));
  return added[0] !== 0;
}

/** The signed receipt of a grant (or of its end). */
export function recordReceipt(record, grantId) {
  const b = buffer();
  const st = c.kartla_record_receipt(use(record, Record, "record"), textIn(grantId, "grantId"), b);
  if (st) fail(st, b);
  return take(b);
}

/** A receipt checked (against the cards given) and described: kartla.v1.ReceiptDescription. */
export function describeReceipt(receipt, { ownerCard, agencyCard } = {}) {
  const r = bytesIn(receipt, "receipt");
  const o = optionalBytesIn(ownerCard, "ownerCard");
  const a = optionalBytesIn(agencyCard, "agencyCard");
  const b = buffer();
  const st = c.kartla_receipt_describe(r, r.length, o, o.length, a, a.length, ENCODING_PROTOBUF, b);
  if (st) fail(st, b);
  return fromBinary(ReceiptDescriptionSchema, take(b));
}

/** A trust list being drafted by a trust root: agencies with roles and validity windows. */
export class TrustDraft extends Handle {
  static create(sequence) {
    const out = [null];
    check(c.kartla_trust_draft_new(u64In(sequence, "sequence"), out));
    return new TrustDraft(MAKE, out[0], c.kartla_trust_draft_free);
  }

  /** A draft of the next version of a trust list (its entries, sequence + 1). */
  static next(trustList) {
    const t = bytesIn(trustList, "trustList");
    const out = [null];
    check(c.kartla_trust_draft_next(t, t.length, out));
    return new TrustDraft(MAKE, out[0], c.kartla_trust_draft_free);
  }

  add(card, role, validFrom, validUntil) {
    const k = bytesIn(card, "card");
    if (!(validFrom instanceof Date)) throw invalid("validFrom must be a Date");
    check(c.kartla_trust_draft_add(this._use(), k, k.length, textIn(role, "role"), timeIn(validFrom, "validFrom"),
      timeIn(validUntil, "validUntil")));
  }

  remove(card) {
    const k = bytesIn(card, "card");
    const removed = [0];
    check(c.kartla_trust_draft_remove(this._use(), k, k.length, removed));
    return removed[0] !== 0;
  }

  get sequence() {
    const out = [0];
    check(c.kartla_trust_draft_sequence(this._use(), out));
    return u64Out(out[0]);
  }
}

/** The trust root signs the draft: the trust list file. */
export function signTrustList(root, draft, { issuedAt, expiresAt } = {}) {
  if (!(expiresAt instanceof Date)) throw invalid("expiresAt must be a Date");
  const b = buffer();
  const st = c.kartla_trust_list_sign(use(root, Identity, "root"), use(draft, TrustDraft, "draft"),
    timeIn(issuedAt, "issuedAt"), timeIn(expiresAt, "expiresAt"), b);
  if (st) fail(st, b);
  return take(b);
}

/** A trust list verified (pinned to `expectedRootCard` if given): kartla.v1.TrustListDescription. */
export function verifyTrustList(trustList, { expectedRootCard, lastSeen = 0, now } = {}) {
  const t = bytesIn(trustList, "trustList");
  const r = optionalBytesIn(expectedRootCard, "expectedRootCard");
  const b = buffer();
  const st = c.kartla_trust_list_verify(t, t.length, r, r.length, u64In(lastSeen, "lastSeen"), timeIn(now, "now"),
    ENCODING_PROTOBUF, b);
  if (st) fail(st, b);
  return fromBinary(TrustListDescriptionSchema, take(b));
}

