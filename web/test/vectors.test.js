// SPDX-License-Identifier: Apache-2.0
// The reading vectors of tests/vectors (README.md there) through the JavaScript API, as every
// binding runs them: identity.json, record.json, negative.json, bundle.json and
// bundle_negative.json. A negative vector must give exactly its status class.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { kartla, readJSON, hex, statusOf } = require('./support');

const identityDoc = readJSON('tests/vectors/identity.json');
const bundleDoc = readJSON('tests/vectors/bundle.json');

// Each identity is opened once: Argon2id is the slow part.
let ids;
async function identities() {
  if (ids) return ids;
  const k = await kartla();
  const owner = k.Identity.open(hex(identityDoc.identity_file), identityDoc.passphrase);
  const agencies = {};
  for (const a of bundleDoc.agencies) agencies[a.label] = k.Identity.open(hex(a.identity_file), a.passphrase);
  ids = { owner, agencies };
  return ids;
}

function agency(label) {
  assert.ok(ids.agencies[label], `bundle.json has no agency ${label}`);
  return ids.agencies[label];
}

// The report's fields against the vector's report text (SPEC §8).
function checkReport(report, expectedText) {
  const expected = JSON.parse(expectedText);
  for (const key of ['record_id', 'owner_fingerprint', 'previous_manifest_hash', 'kind']) {
    assert.equal(report[key], expected[key], key);
  }
  for (const key of ['sequence', 'sections_listed', 'sections_present', 'section_bytes', 'grants_listed',
    'grants_present', 'file_bytes']) {
    assert.equal(Number(report[key]), Number(expected[key]), key);
  }
}

test('identity.json', async () => {
  const k = await kartla();
  const { owner } = await identities();
  assert.deepEqual(owner.card(), hex(identityDoc.card_file));
  assert.equal(owner.fingerprint(), identityDoc.fingerprint);
  // Opening and re-encoding must not change a single byte of the file.
  assert.deepEqual(owner.fileBytes(), hex(identityDoc.identity_file));
  assert.equal(k.cardFingerprint(hex(identityDoc.card_file)), identityDoc.fingerprint);
  assert.ok(identityDoc.recovery_code_variants.length > 0);
  for (const variant of identityDoc.recovery_code_variants) {
    let id;
    const got = statusOf(() => { id = k.Identity.recover(hex(identityDoc.identity_file), variant.code); });
    assert.equal(got, variant.result, `${variant.comment} ${variant.code}`);
    if (id) {
      assert.deepEqual(id.card(), hex(identityDoc.card_file), `${variant.code} recovers another identity`);
      id.close();
    }
  }
});

test('record.json', async () => {
  const k = await kartla();
  const { owner } = await identities();
  const doc = readJSON('tests/vectors/record.json');
  assert.ok(doc.versions.length > 0);
  for (const version of doc.versions) {
    const file = hex(version.file);
    const v = k.Verification.open(file);
    assert.equal(v.sequence(), BigInt(version.sequence));
    assert.equal(v.recordId(), version.record_id);
    assert.equal(v.ownerFingerprint(), doc.owner.fingerprint);
    assert.equal(v.previousHash(), version.previous_manifest_hash);
    checkReport(v.report(), version.verification_json);
    for (const c of version.last_seen_checks) {
      assert.equal(statusOf(() => v.checkLastSeen(c.last_seen)), c.result, `last seen ${c.last_seen}`);
    }
    v.close();
    // The owner reads back exactly the plaintext of every section.
    const r = k.Record.open(file, owner, { acceptOlder: true });
    assert.equal(r.id(), version.record_id);
    assert.equal(r.sequence(), BigInt(version.sequence));
    const held = k.sectionNames().filter((name) => r.hasSection(name));
    assert.equal(held.length, version.sections.length);
    for (const s of version.sections) {
      assert.deepEqual(r.section(s.name), hex(s.content), `${s.name} differs`);
      assert.equal(r.sectionSize(s.name), s.ciphertext_length - 40, `${s.name}: the padded length (SPEC 5.4)`);
    }
    r.close();
  }
});

// One check of negative.json or bundle_negative.json. A failing call hands nothing out: the API
// throws, so there is no handle or plaintext to leak.
function runCheck(k, input, check) {
  return statusOf(() => {
    switch (check.operation) {
      case 'verify':
        k.Verification.open(input).close();
        return;
      case 'open_record':
      case 'read_section': {
        const r = k.Record.open(input, ids.owner, { acceptOlder: true });
        try {
          if (check.operation === 'read_section') r.section(check.section);
        } finally {
          r.close();
        }
        return;
      }
      case 'open_identity':
        k.Identity.open(input, check.passphrase).close();
        return;
      case 'recover_identity':
        k.Identity.recover(input, check.recovery_code).close();
        return;
      case 'open_share':
      case 'read_share_section': {
        const s = k.Share.open(input, agency(check.agency));
        try {
          if (check.operation === 'read_share_section') s.section(check.section, check.at);
        } finally {
          s.close();
        }
        return;
      }
      case 'card_fingerprint':
        k.cardFingerprint(input);
        return;
      default:
        assert.fail(`unknown operation ${check.operation}`);
    }
  });
}

for (const name of ['negative.json', 'bundle_negative.json']) {
  test(name, async () => {
    const k = await kartla();
    await identities();
    const doc = readJSON(`tests/vectors/${name}`);
    assert.ok(doc.vectors.length > 0, 'no vectors');
    let checks = 0;
    for (const vector of doc.vectors) {
      const input = hex(vector.input);
      for (const check of vector.checks) {
        checks++;
        assert.equal(runCheck(k, input, check), check.result,
          `tc ${vector.tc_id} ${vector.name} (${vector.comment}) ${check.operation}`);
      }
    }
    assert.ok(checks > 0);
  });
}

test('bundle.json', async (t) => {
  const k = await kartla();
  await identities();
  await t.test('agencies', () => {
    for (const a of bundleDoc.agencies) {
      assert.deepEqual(agency(a.label).card(), hex(a.card_file));
      assert.equal(agency(a.label).fingerprint(), a.fingerprint);
    }
  });
  await t.test('verify', () => {
    for (const input of ['record', 'bundle', 'revoked', 'expired']) {
      const f = bundleDoc[input];
      const v = k.Verification.open(hex(f.file));
      checkReport(v.report(), f.verification_json);
      assert.equal(v.sequence(), BigInt(f.sequence), input);
      v.close();
    }
  });
  await t.test('describe', () => {
    const file = hex(bundleDoc.record.file);
    for (const g of bundleDoc.record.grants) {
      const s = k.Share.open(file, agency(g.recipient));
      const d = s.describe();
      s.close();
      const terms = g.terms_fields;
      assert.equal(d.grants.length, terms.sections.length, g.recipient);
      d.grants.forEach((got, i) => {
        assert.equal(got.section, terms.sections[i].name);
        assert.equal(got.purpose, terms.purpose);
        assert.equal(got.gdpr_art6_basis, terms.gdpr_art6_basis);
        assert.equal(got.gdpr_art9_basis, terms.gdpr_art9_basis);
        assert.equal(Number(got.granted_at), terms.granted_at);
        assert.equal(Number(got.expires_at), terms.expires_at);
        assert.ok(got.present && got.current, `${g.recipient}: grant ${i}`);
      });
    }
  });
  await t.test('owner pinned', () => {
    const s = k.Share.open(hex(bundleDoc.bundle.file), agency('agency_a'));
    s.checkOwner(ids.owner.card());
    assert.equal(statusOf(() => s.checkOwner(agency('agency_b').card())), 'E_INVALID_ARGUMENT');
    s.close();
  });
  await t.test('reads', () => {
    assert.ok(bundleDoc.reads.length > 0, 'no reads');
    for (const r of bundleDoc.reads) {
      const s = k.Share.open(hex(bundleDoc[r.input].file), agency(r.agency));
      let content;
      const got = statusOf(() => { content = s.section(r.section, r.at); });
      s.close();
      assert.equal(got, r.result, `${r.input}: ${r.agency} reads ${r.section} at ${r.at} (${r.comment})`);
      if (got === 'OK') assert.deepEqual(content, hex(r.content), `${r.section} content`);
    }
  });
});
