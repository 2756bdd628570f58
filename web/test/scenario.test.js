// SPDX-License-Identifier: Apache-2.0
// The shared binding scenario (tests/bindings/README.md, data in tests/bindings/scenario.json)
// through the JavaScript API, the steps that apply to the web app, in order, each a check:
// scenario:identity.create, scenario:identity.reopen (from bytes: the app has no paths),
// scenario:record.sections, scenario:record.save, scenario:record.verify, scenario:agency.create,
// scenario:share.grant, scenario:share.read, scenario:share.not_shared, scenario:share.expired,
// scenario:share.revoke, scenario:contribution, scenario:errors.
// Not here: scenario:attest needs the experimental tier's attestation and trust-list calls, which
// this API does not wrap yet; scenario:threads has no counterpart (one WebAssembly instance runs
// on one thread).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { repo, kartla, readJSON, statusOf } = require('./support');

const sc = readJSON('tests/bindings/scenario.json');
const now = sc.clock.now;
const kdf = { opslimit: sc.kdf.opslimit, memlimitMib: sc.kdf.memlimit_mib };
const examples = path.join(repo, sc.sections.examples_dir);
const exampleNames = fs.readdirSync(examples).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))
  .filter((n) => !sc.sections.owner_only.includes(n)).sort();
const example = (name) => fs.readFileSync(path.join(examples, `${name}.json`), 'utf8');

test('the shared scenario', async (t) => {
  const k = await kartla();
  const seen = new Map(); // status -> the error, for scenario:errors
  const expectStatus = (status, fn, what) => {
    try {
      fn();
    } catch (e) {
      assert.equal(e.name, 'KartlaError', what);
      assert.equal(e.status, status, `${what}: ${e.message}`);
      seen.set(status, e);
      return;
    }
    assert.fail(`${what}: no error, expected ${status}`);
  };
  let owner, ownerFile, recoveryCode, record, recordFile, agency, bundle, grantId, sectionBytes;

  await t.test('scenario:identity.create', () => {
    const made = k.Identity.create(sc.owner.passphrase, { ...kdf, createdAt: now - 86400 });
    owner = made.identity;
    recoveryCode = made.recoveryCode;
    assert.match(recoveryCode, /\S/);
    assert.equal(k.cardFingerprint(owner.card()), owner.fingerprint());
  });

  await t.test('scenario:identity.reopen', () => {
    ownerFile = owner.fileBytes();
    const opened = k.Identity.open(ownerFile, sc.owner.passphrase);
    const recovered = k.Identity.recover(ownerFile, recoveryCode);
    assert.equal(opened.fingerprint(), owner.fingerprint());
    assert.equal(recovered.fingerprint(), owner.fingerprint());
    opened.close();
    recovered.close();
    expectStatus('E_AUTH', () => k.Identity.open(ownerFile, sc.owner.wrong_passphrase), 'wrong passphrase');
  });

  // The web app re-keys a recovered identity at the phone's cost (web/app/worker.js): the cost
  // must reach the core (a cost over the ceiling is refused, the identity unchanged), and the file
  // must open with the new passphrase afterwards. The C++ tests check that the file records it.
  await t.test('a new passphrase at a chosen Argon2id cost', () => {
    const recovered = k.Identity.recover(ownerFile, recoveryCode);
    try {
      const before = recovered.fileBytes();
      expectStatus('E_INVALID_ARGUMENT', () => recovered.setPassphrase('new passphrase', { memlimitMib: 2048 }), 'over the ceiling');
      expectStatus('E_INVALID_ARGUMENT', () => recovered.setPassphrase('new passphrase', { opslimit: 2 }), 'under the floor');
      assert.deepEqual(recovered.fileBytes(), before, 'a refused cost changes nothing');
      recovered.setPassphrase('new passphrase', { opslimit: 3, memlimitMib: 64 });
      const reopened = k.Identity.open(recovered.fileBytes(), 'new passphrase');
      assert.equal(reopened.fingerprint(), owner.fingerprint());
      reopened.close();
    } finally {
      recovered.close();
    }
  });

  await t.test('scenario:record.sections', () => {
    record = k.Record.create(owner);
    record.setClock(now);
    sectionBytes = new Map();
    assert.ok(exampleNames.length > 5, 'the examples are there');
    for (const name of exampleNames) {
      record.setSectionJson(name, example(name));
      const bytes = record.section(name);
      record.setSection(name, bytes);
      const again = record.section(name);
      assert.deepEqual(again, bytes, `${name}: protobuf round trip`);
      sectionBytes.set(name, again);
      const json = JSON.parse(record.sectionJson(name));
      for (const key of Object.keys(JSON.parse(example(name)))) assert.ok(key in json, `${name}.${key}`);
    }
    const listed = record.sections().sections.map((s) => s.name).sort();
    for (const name of exampleNames) assert.ok(listed.includes(name), `sections() lists ${name}`);
    expectStatus('E_INVALID_ARGUMENT', () => record.setSectionJson(sc.sections.owner_only[0], '{}'), 'owner-only section');
    const absent = k.sectionNames().find((n) => !record.hasSection(n) && !sc.sections.owner_only.includes(n));
    if (absent) expectStatus('E_NOT_FOUND', () => record.section(absent), `absent ${absent}`);
    else expectStatus('E_NOT_FOUND', () => record.section(sc.sections.owner_only[0]), 'the ledger before any share');
    const before = record.section('profile');
    expectStatus('E_SCHEMA', () => record.setSectionJson('profile', '{"no_such_field": 1}'), 'unknown field');
    assert.deepEqual(record.section('profile'), before, 'a refused set changes nothing');
  });

  await t.test('scenario:record.save', () => {
    recordFile = record.save();
    const reopened = k.Record.open(recordFile, owner);
    assert.equal(reopened.sequence(), 1n);
    for (const [name, bytes] of sectionBytes) assert.deepEqual(reopened.section(name), bytes, name);
    reopened.close();
  });

  await t.test('scenario:record.verify', () => {
    const v = k.Verification.open(recordFile);
    assert.equal(v.sequence(), 1n);
    assert.equal(v.recordId(), record.id());
    assert.equal(v.ownerFingerprint(), owner.fingerprint());
    const report = v.report();
    assert.equal(report.kind, 'record');
    assert.equal(Number(report.sections_listed), sectionBytes.size);
    v.close();
    expectStatus('E_FORMAT', () => k.Verification.open(recordFile.slice(0, recordFile.length >> 1)), 'truncated');
  });

  await t.test('scenario:agency.create', () => {
    agency = k.Identity.createAgency({
      name: sc.agency.name, organisationNumber: sc.agency.organisation_number, role: sc.agency.role,
    }, sc.agency.passphrase, kdf).identity;
    const d = k.cardDescribe(agency.card());
    assert.equal(d.kind, 'agency');
    assert.equal(d.name, sc.agency.name);
    assert.equal(d.role, sc.agency.role);
  });

  await t.test('scenario:share.grant', () => {
    grantId = record.share(agency.card(), sc.share.sections, {
      purpose: sc.share.purpose, gdprArt6Basis: sc.share.gdpr_art6_basis,
      expiresAt: now + sc.share.expires_after, now,
    });
    assert.match(grantId, /^[0-9a-f]{32}$/);
    recordFile = record.save();
    bundle = record.exportBundle(grantId);
    expectStatus('E_INVALID_ARGUMENT', () => record.share(owner.card(), sc.share.sections, { purpose: sc.share.purpose }),
      "the owner's own card");
  });

  const readAt = now + sc.share.read_after;
  await t.test('scenario:share.read', () => {
    for (const file of [bundle, recordFile]) {
      const s = k.Share.open(file, agency);
      for (const name of sc.share.sections) {
        assert.deepEqual(s.section(name, readAt), sectionBytes.get(name), name);
        assert.deepEqual(JSON.parse(s.sectionJson(name, readAt)), JSON.parse(record.sectionJson(name)), name);
      }
      const d = s.describe();
      assert.deepEqual(d.grants.map((g) => g.section).sort(), [...sc.share.sections].sort());
      for (const g of d.grants) assert.equal(g.purpose, sc.share.purpose);
      s.checkOwner(owner.card());
      expectStatus('E_INVALID_ARGUMENT', () => s.checkOwner(agency.card()), "an agency's card as the owner's");
      s.close();
    }
  });

  await t.test('scenario:share.not_shared', () => {
    for (const file of [bundle, recordFile]) {
      const s = k.Share.open(file, agency);
      expectStatus('E_NOT_SHARED', () => s.section(sc.share.not_shared_section, readAt), 'not shared');
      s.close();
    }
  });

  await t.test('scenario:share.expired', () => {
    const s = k.Share.open(bundle, agency);
    expectStatus('E_EXPIRED', () => s.section(sc.share.sections[0], now + sc.share.expired_read_after), 'expired');
    s.close();
  });

  await t.test('scenario:share.revoke', () => {
    const oldSequence = record.sequence();
    const summary = record.revoke(agency.card(), now + sc.revoke.after);
    assert.equal(summary.grant_ids.length, 1);
    const rewritten = { ...JSON.parse(example(sc.revoke.rewrite_section)), ...sc.revoke.rewrite_merge };
    record.setSectionJson(sc.revoke.rewrite_section, JSON.stringify(rewritten));
    const newFile = record.save();
    const fresh = k.Share.open(newFile, agency);
    expectStatus('E_NOT_SHARED', () => fresh.section(sc.revoke.rewrite_section, readAt), 'after revocation');
    fresh.checkLastSeen(oldSequence + 1n);
    const newSequence = fresh.sequence();
    fresh.close();
    // What was shared cannot be unshared: the bundle taken before still reads the old content.
    const old = k.Share.open(bundle, agency);
    assert.deepEqual(old.section(sc.revoke.rewrite_section, readAt), sectionBytes.get(sc.revoke.rewrite_section));
    expectStatus('E_ROLLBACK', () => old.checkLastSeen(newSequence), 'the old bundle is older');
    old.close();
  });

  await t.test('scenario:contribution', () => {
    const spec = sc.contribution;
    const entryId = JSON.parse(spec.entry_json).id;
    const c = k.contributionCreate(agency, owner.card(), record.id(), spec.section, spec.entry_json, null, now);
    const d = k.contributionDescribe(owner, c, record.id(), now);
    assert.equal(d.sender.name, sc.agency.name);
    assert.equal(d.section, spec.section);
    assert.equal(d.entry_id, entryId);
    assert.equal(record.acceptContribution(owner, c, now), true, 'the first accept adds the entry');
    assert.equal(record.acceptContribution(owner, c, now), false, 'accepting again changes nothing');
    const entries = JSON.parse(record.sectionJson(spec.section)).entries;
    assert.ok(entries.some((e) => e.id === entryId), 'the section holds the contributed entry');
    expectStatus('E_AUTH', () => k.contributionDescribe(agency, c, record.id(), now), 'opened by the agency, not the owner');
  });

  await t.test('scenario:errors', () => {
    for (const status of ['E_AUTH', 'E_SCHEMA', 'E_NOT_FOUND', 'E_INVALID_ARGUMENT', 'E_FORMAT', 'E_NOT_SHARED',
      'E_EXPIRED', 'E_ROLLBACK']) {
      const e = seen.get(status);
      assert.ok(e, `the scenario provoked ${status}`);
      assert.ok(e instanceof Error && e.detail.length > 0, `${status} carries the library's message`);
      assert.equal(typeof e.code, 'number');
    }
    const closed = k.Identity.open(ownerFile, sc.owner.passphrase);
    closed.close();
    closed.close(); // twice is fine
    expectStatus('E_INVALID_ARGUMENT', () => closed.fingerprint(), 'a closed handle');
  });

  record.close();
  owner.close();
  agency.close();
});
