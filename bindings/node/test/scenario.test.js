// SPDX-License-Identifier: Apache-2.0
// The shared binding scenario (tests/bindings/README.md) through the Node binding.
//
// Each test is one step, named by its id (scenario:<id>), run in order on one shared state; the
// data comes from tests/bindings/scenario.json. tests/bindings/cpp/scenario_test.cpp is the
// reference.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test, after } from "node:test";
import { Worker } from "node:worker_threads";
import * as kartla from "../lib/index.js";
import { SectionListSchema, VerificationReportSchema } from "../gen/kartla/v1/index.js";
import { isMessage } from "@bufbuild/protobuf";
import { REPO, equalBytes, scenario, utf8 } from "./support.js";

const { experimental } = kartla;
const s = scenario();
const now = s.clock.now;
const at = (seconds) => new Date(seconds * 1000);
const kdf = { kdfMemlimitMib: s.kdf.memlimit_mib, kdfOpslimit: s.kdf.opslimit };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kartla-node-scenario-"));
const st = { content: new Map() };
const provoked = new Map(); // every status the scenario provoked, for scenario:errors

after(() => {
  for (const h of [st.owner, st.record, st.agency]) h?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** fn must throw the binding's typed error of `status`, with a message. */
function expectError(status, fn) {
  let caught;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  return checkProvoked(status, caught);
}

async function expectRejection(status, promise) {
  let caught;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  return checkProvoked(status, caught);
}

function checkProvoked(status, error) {
  assert.ok(error instanceof kartla.KartlaError, `expected ${status}, got ${error}`);
  assert.equal(error.statusName, status, `expected ${status}, got ${error}`);
  assert.equal(error.status, kartla.Status[status]);
  assert.equal(error.code, `KARTLA_${status}`);
  assert.ok(error.detail);
  provoked.set(status, error);
  return error;
}

test("scenario:identity.create", async () => {
  st.passphrase = utf8(s.owner.passphrase);
  const created = await kartla.Identity.create(st.passphrase, { createdAt: at(now - 86400), ...kdf });
  assert.ok(created.recoveryCode instanceof Uint8Array && created.recoveryCode.length > 0);
  st.recoveryCode = created.recoveryCode.slice();
  kartla.wipe(created.recoveryCode);
  assert.ok(created.recoveryCode.every((b) => b === 0));
  st.owner = created.identity;
  st.ownerCard = st.owner.card;
  assert.equal(kartla.cardFingerprint(st.ownerCard), st.owner.fingerprint);
});

test("scenario:identity.reopen", async () => {
  st.identityPath = path.join(dir, "owner.kartla-id");
  st.owner.save(st.identityPath);
  const data = new Uint8Array(fs.readFileSync(st.identityPath));
  const fingerprint = st.owner.fingerprint;
  for (const opened of [
    await kartla.Identity.openFile(st.identityPath, st.passphrase),
    await kartla.Identity.open(data, st.passphrase),
    await kartla.Identity.recoverFile(st.identityPath, st.recoveryCode),
    await kartla.Identity.recover(data, st.recoveryCode),
    kartla.Identity.openSync(data, st.passphrase),
  ]) {
    assert.equal(opened.fingerprint, fingerprint);
    opened.close();
  }
  const wrong = utf8(s.owner.wrong_passphrase);
  const error = await expectRejection("E_AUTH", kartla.Identity.openFile(st.identityPath, wrong));
  assert.ok(error instanceof kartla.AuthError);
  assert.ok(expectError("E_AUTH", () => kartla.Identity.openFileSync(st.identityPath, wrong)) instanceof kartla.AuthError);
});

test("scenario:record.sections", () => {
  const spec = s.sections;
  const examples = path.join(REPO, spec.examples_dir);
  const record = kartla.Record.create(st.owner);
  st.record = record;
  record.setClock(at(now));
  for (const file of fs.readdirSync(examples).filter((f) => f.endsWith(".json")).sort()) {
    const name = file.slice(0, -".json".length);
    const text = fs.readFileSync(path.join(examples, file), "utf8");
    if (spec.owner_only.includes(name)) {
      expectError("E_INVALID_ARGUMENT", () => record.setSectionJson(name, text));
      continue;
    }
    record.setSectionJson(name, text);
    const data = record.section(name);
    assert.ok(data instanceof Uint8Array);
    record.setSection(name, data);
    equalBytes(record.section(name), data, name);
    const readBack = JSON.parse(record.sectionJson(name));
    for (const key of Object.keys(JSON.parse(text))) assert.ok(key in readBack, `${name}.${key}`);
    st.content.set(name, data);
  }
  assert.ok(st.content.size >= 10);
  const listed = record.sections();
  assert.ok(isMessage(listed, SectionListSchema));
  assert.deepEqual(listed.sections.map((x) => x.name).sort(), [...st.content.keys()].sort());
  const notFound = expectError("E_NOT_FOUND", () => {
    record.removeSection("education");
    record.section("education");
  });
  assert.ok(notFound instanceof kartla.NotFoundError);
  record.setSection("education", st.content.get("education"));
  const schema = expectError("E_SCHEMA", () => record.setSectionJson("profile", '{"no_such_field": 1}'));
  assert.ok(schema instanceof kartla.SchemaError);
  equalBytes(record.section("profile"), st.content.get("profile"));
  st.recordId = record.id;
});

test("scenario:record.save", () => {
  st.recordPath = path.join(dir, "record.kartla");
  st.record.save(st.recordPath);
  const reopened = kartla.Record.openFile(st.recordPath, st.owner);
  try {
    assert.equal(reopened.sequence, 1);
    for (const [name, data] of st.content) equalBytes(reopened.section(name), data, name);
  } finally {
    reopened.close();
  }
});

test("scenario:record.verify", () => {
  const v = kartla.Verification.openFile(st.recordPath);
  try {
    assert.equal(v.sequence, 1);
    assert.equal(v.recordId, st.recordId);
    assert.equal(v.ownerFingerprint, st.owner.fingerprint);
    const report = v.report();
    assert.ok(isMessage(report, VerificationReportSchema));
    assert.equal(report.kind, "record");
    assert.equal(report.sectionsListed, st.content.size);
  } finally {
    v.close();
  }
  const data = fs.readFileSync(st.recordPath);
  const half = new Uint8Array(data.subarray(0, Math.floor(data.length / 2)));
  assert.ok(expectError("E_FORMAT", () => kartla.Verification.open(half)) instanceof kartla.FormatError);
  expectError("E_FORMAT", () => kartla.Record.open(half, st.owner));
});

test("scenario:agency.create", async () => {
  const spec = s.agency;
  st.agencyPassphrase = utf8(spec.passphrase);
  const created = await kartla.Identity.createAgency(
    { name: spec.name, organisationNumber: spec.organisation_number, role: spec.role },
    st.agencyPassphrase, { createdAt: at(now - 86400), ...kdf });
  kartla.wipe(created.recoveryCode);
  st.agency = created.identity;
  st.agencyCard = st.agency.card;
  const card = kartla.describeCard(st.agencyCard);
  assert.equal(card.kind, "agency");
  assert.equal(card.name, spec.name);
  st.agencyPath = path.join(dir, "agency.kartla-id");
  st.agency.save(st.agencyPath);
});

test("scenario:share.grant", () => {
  const spec = s.share;
  st.shared = [...spec.sections];
  st.purpose = spec.purpose;
  const expiresAt = at(now + spec.expires_after);
  const grantId = st.record.share(st.agencyCard, st.shared, {
    purpose: st.purpose, expiresAt, now: at(now), gdprArt6Basis: spec.gdpr_art6_basis,
  });
  assert.match(grantId, /^[0-9a-f]{32}$/);
  expectError("E_INVALID_ARGUMENT",
    () => st.record.share(st.ownerCard, st.shared, { purpose: st.purpose, expiresAt, now: at(now) }));
  st.record.save(st.recordPath);
  st.bundlePath = path.join(dir, "bundle.kartla");
  st.record.exportBundle(grantId, st.bundlePath);
});

/** The bundle and the record file, each from a path and from bytes. */
function opened() {
  return [
    kartla.Share.openFile(st.bundlePath, st.agency),
    kartla.Share.open(new Uint8Array(fs.readFileSync(st.bundlePath)), st.agency),
    kartla.Share.openFile(st.recordPath, st.agency),
    kartla.Share.open(fs.readFileSync(st.recordPath), st.agency),
  ];
}

test("scenario:share.read", () => {
  const readAt = at(now + s.share.read_after);
  for (const share of opened()) {
    try {
      for (const name of st.shared) {
        equalBytes(share.section(name, readAt), st.content.get(name), name);
        assert.ok(Object.keys(JSON.parse(share.sectionJson(name, readAt))).length > 0);
        const mine = new Uint8Array(share.sectionSize(name, readAt));
        const used = share.sectionInto(name, mine, readAt);
        equalBytes(mine.subarray(0, used), st.content.get(name), name);
        kartla.wipe(mine);
      }
      const described = share.describe();
      assert.deepEqual(described.grants.map((g) => g.section), st.shared);
      assert.ok(described.grants.every((g) => g.purpose === st.purpose));
      share.checkOwner(st.ownerCard);
      expectError("E_INVALID_ARGUMENT", () => share.checkOwner(st.agencyCard));
    } finally {
      share.close();
    }
  }
});

test("scenario:share.not_shared", () => {
  const readAt = at(now + s.share.read_after);
  const all = opened();
  try {
    for (const share of [all[0], all[2]]) { // the bundle and the record file
      const error = expectError("E_NOT_SHARED", () => share.section(s.share.not_shared_section, readAt));
      assert.ok(error instanceof kartla.NotSharedError);
    }
  } finally {
    all.forEach((share) => share.close());
  }
});

test("scenario:share.expired", () => {
  const late = at(now + s.share.expired_read_after);
  for (const share of opened()) {
    try {
      assert.ok(expectError("E_EXPIRED", () => share.section(st.shared[0], late)) instanceof kartla.ExpiredError);
    } finally {
      share.close();
    }
  }
});

test("scenario:share.revoke", () => {
  const spec = s.revoke;
  const readAt = at(now + s.share.read_after);
  const section = spec.rewrite_section;
  const rewritten = JSON.parse(fs.readFileSync(path.join(REPO, s.sections.examples_dir, `${section}.json`), "utf8"));
  Object.assign(rewritten, spec.rewrite_merge);
  const summary = st.record.revoke(st.agencyCard, at(now + spec.after));
  assert.equal(summary.$typeName, "kartla.v1.RevocationSummary");
  st.record.setSectionJson(section, JSON.stringify(rewritten));
  st.record.save(st.recordPath);
  const afterRevoke = kartla.Share.openFile(st.recordPath, st.agency);
  const before = kartla.Share.openFile(st.bundlePath, st.agency);
  try {
    expectError("E_NOT_SHARED", () => afterRevoke.section(section, readAt));
    equalBytes(before.section(section, readAt), st.content.get(section)); // what was shared stays shared
    afterRevoke.checkLastSeen(before.sequence + 1);
    const error = expectError("E_ROLLBACK", () => before.checkLastSeen(afterRevoke.sequence));
    assert.ok(error instanceof kartla.RollbackError);
  } finally {
    afterRevoke.close();
    before.close();
  }
});

test("scenario:attest", async () => {
  const spec = s.attest;
  const section = spec.section;
  const ref = {
    ownerCard: st.ownerCard, recordId: st.recordId, section, entryId: spec.entry_id,
    entry: experimental.sectionEntry(section, st.record.section(section), spec.entry_id),
  };
  const attestation = experimental.issueAttestation(st.agency, ref, spec.claim_json, { issuedAt: at(now) });
  const root = await kartla.Identity.createTrustRoot(spec.trust_root_name, st.passphrase, kdf);
  kartla.wipe(root.recoveryCode);
  const draft = experimental.TrustDraft.create(1);
  let trustList;
  try {
    draft.add(st.agencyCard, s.agency.role, at(now - spec.agency_valid_from_before));
    trustList = experimental.signTrustList(root.identity, draft, {
      issuedAt: at(now), expiresAt: at(now + spec.trust_list_expires_after),
    });
  } finally {
    draft.close();
    root.identity.close();
  }
  const without = experimental.verifyAttestation(attestation, ref, { now: at(now) });
  assert.equal(without.status, kartla.Status.OK);
  assert.equal(without.report.verdict, spec.expected_verdict_without_list);
  const withList = experimental.verifyAttestation(attestation, ref, { trustList, now: at(now) });
  assert.equal(withList.status, kartla.Status.OK);
  assert.equal(withList.report.verdict, spec.expected_verdict);
  assert.equal(experimental.attachAttestation(st.record, st.owner, attestation, { now: at(now) }), true);
  assert.equal(experimental.attachAttestation(st.record, st.owner, attestation, { now: at(now) }), false);
  const provenance = experimental.recordProvenance(st.record, st.owner, section, { trustList, now: at(now) });
  const entries = provenance.entries.filter((e) => e.entryId === spec.entry_id);
  assert.ok(entries.length > 0);
  assert.equal(entries[0].provenance, spec.expected_verdict);
});

test("scenario:contribution", () => {
  const spec = s.contribution;
  const section = spec.section;
  const entryId = JSON.parse(spec.entry_json).id;
  const contribution = experimental.createContribution(st.agency, st.ownerCard, st.recordId, section,
    spec.entry_json, { now: at(now) });
  const described = experimental.describeContribution(st.owner, contribution, { recordId: st.recordId, now: at(now) });
  assert.equal(described.sender.name, s.agency.name);
  assert.equal(described.section, section);
  assert.equal(described.entryId, entryId);
  assert.equal(experimental.acceptContribution(st.record, st.owner, contribution, { now: at(now) }), true);
  assert.equal(experimental.acceptContribution(st.record, st.owner, contribution, { now: at(now) }), false);
  assert.ok(experimental.sectionEntry(section, st.record.section(section), entryId).length > 0);
  expectError("E_AUTH",
    () => experimental.describeContribution(st.agency, contribution, { recordId: st.recordId, now: at(now) }));
});

test("scenario:errors", async () => {
  for (const name of ["E_AUTH", "E_SCHEMA", "E_NOT_FOUND", "E_INVALID_ARGUMENT", "E_FORMAT", "E_NOT_SHARED",
    "E_EXPIRED", "E_ROLLBACK"]) {
    const error = provoked.get(name);
    assert.ok(error, `${name} was not provoked`);
    assert.ok(error instanceof kartla.KartlaError && error instanceof Error);
    assert.equal(error.statusName, name);
    assert.ok(error.detail);
    assert.ok(error.message.startsWith(`${name}: `));
  }
  // A closed handle is the binding's own typed error, never passed to the library.
  const identity = await kartla.Identity.openFile(st.agencyPath, st.agencyPassphrase);
  identity.close();
  identity.close(); // twice is fine
  for (const call of [() => kartla.Share.openFile(st.bundlePath, identity), () => identity.card]) {
    assert.throws(call, (e) => e instanceof kartla.ClosedError && e instanceof kartla.InvalidArgumentError
      && e.status === kartla.Status.E_INVALID_ARGUMENT && e.detail.length > 0);
  }
});

test("scenario:threads", async () => {
  const spec = s.threads;
  const readAt = now + s.share.read_after;
  const expected = Object.fromEntries(st.shared.map((name) => [name, st.content.get(name)]));
  const runs = Array.from({ length: spec.count }, () => new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./scenario-thread.js", import.meta.url), {
      workerData: {
        identityPath: st.agencyPath, passphrase: st.agencyPassphrase, bundlePath: st.bundlePath,
        shared: st.shared, expected, notShared: s.share.not_shared_section, readAt, reads: spec.reads_each,
      },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  }));
  const results = await Promise.all(runs);
  for (const r of results) {
    assert.deepEqual(r.problems, []);
    assert.equal(r.good, spec.reads_each);
  }
});
