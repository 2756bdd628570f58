// SPDX-License-Identifier: Apache-2.0
// The reading vectors of tests/vectors through the Node binding: what
// tests/vectors/check_library.cpp checks through the C ABI, for identity.json, record.json,
// negative.json, bundle.json, bundle_negative.json, attest.json, attest_negative.json,
// receipt.json and content.json. A negative vector must give exactly its status class, as the
// binding's typed error; a content vector exactly its violations, in order.

import assert from "node:assert/strict";
import { test, before, after } from "node:test";
import * as kartla from "../lib/index.js";
import { equalBytes, hexed, load, statusOf, when } from "./support.js";

const { experimental } = kartla;
const docs = new Map();
function doc(name) {
  if (!docs.has(name)) docs.set(name, load(name));
  return docs.get(name);
}

let owner;
const agencies = new Map();

before(async () => {
  // Argon2id at 64 MiB is the slow part: every identity is opened once, concurrently queued.
  const v = doc("identity.json");
  owner = await kartla.Identity.open(hexed(v, "identity_file"), new TextEncoder().encode(v.passphrase));
  for (const a of doc("bundle.json").agencies) {
    agencies.set(a.label, await kartla.Identity.open(hexed(a, "identity_file"), new TextEncoder().encode(a.passphrase)));
  }
});

after(() => {
  owner?.close();
  for (const identity of agencies.values()) identity.close();
});

/** Every vector file is judged on its own: an older copy or a fork is accepted, not a rollback. */
function openOwned(data) {
  return kartla.Record.open(data, owner, { acceptOlder: true });
}

function using(handle, fn) {
  try {
    return fn(handle);
  } finally {
    handle.close();
  }
}

// -- identity.json ----------------------------------------------------------------------------

test("identity.json: the owner opens and shows its card and fingerprint", () => {
  const v = doc("identity.json");
  equalBytes(owner.card, hexed(v, "card_file"));
  assert.equal(owner.fingerprint, v.fingerprint);
  equalBytes(owner.fileBytes(), hexed(v, "identity_file")); // re-encoding changes no byte
  assert.equal(kartla.cardFingerprint(hexed(v, "card_file")), v.fingerprint);
});

test("identity.json: every recovery code variant recovers", async () => {
  const v = doc("identity.json");
  const file = hexed(v, "identity_file");
  assert.ok(v.recovery_code_variants.length > 0);
  for (const variant of v.recovery_code_variants) {
    assert.equal(variant.result, "OK");
    const recovered = await kartla.Identity.recover(file, new TextEncoder().encode(variant.code));
    using(recovered, (r) => equalBytes(r.card, hexed(v, "card_file"), variant.comment));
  }
});

// -- record.json ------------------------------------------------------------------------------

function checkReport(report, expectedJson) {
  const e = JSON.parse(expectedJson);
  assert.equal(report.recordId, e.record_id);
  assert.equal(report.ownerFingerprint, e.owner_fingerprint);
  assert.equal(report.sequence, BigInt(e.sequence));
  assert.equal(report.previousManifestHash, e.previous_manifest_hash);
  assert.equal(report.kind, e.kind);
  for (const [key, field] of [["sections_listed", "sectionsListed"], ["sections_present", "sectionsPresent"],
    ["section_bytes", "sectionBytes"], ["grants_listed", "grantsListed"], ["grants_present", "grantsPresent"],
    ["file_bytes", "fileBytes"]]) {
    assert.equal(BigInt(report[field]), BigInt(e[key]), key);
  }
}

test("record.json: every version verifies without a key", () => {
  const d = doc("record.json");
  assert.ok(d.versions.length > 0);
  for (const version of d.versions) {
    using(kartla.Verification.open(hexed(version, "file")), (v) => {
      assert.equal(v.sequence, version.sequence);
      assert.equal(v.recordId, version.record_id);
      assert.equal(v.ownerFingerprint, d.owner.fingerprint);
      assert.equal(v.previousHash, version.previous_manifest_hash);
      checkReport(v.report(), version.verification_json);
      assert.equal(JSON.parse(v.reportJson()).record_id, version.record_id);
      for (const check of version.last_seen_checks) {
        assert.equal(statusOf(() => v.checkLastSeen(check.last_seen)), check.result);
      }
    });
  }
});

test("record.json: the owner reads every section", () => {
  for (const version of doc("record.json").versions) {
    using(openOwned(hexed(version, "file")), (record) => {
      assert.equal(record.id, version.record_id);
      assert.equal(record.sequence, version.sequence);
      const held = kartla.sections().filter((name) => record.hasSection(name)).length;
      assert.equal(held, version.sections.length);
      for (const section of version.sections) {
        const name = section.name;
        equalBytes(record.section(name), hexed(section, "content"), name);
        assert.equal(record.sectionSize(name), section.ciphertext_length - 40); // the padded length
        const into = new Uint8Array(record.sectionSize(name));
        const used = record.sectionInto(name, into);
        equalBytes(into.subarray(0, used), hexed(section, "content"), name);
      }
    });
  }
});

// -- negative.json, bundle_negative.json ------------------------------------------------------

async function runCheck(data, check) {
  const op = check.operation;
  switch (op) {
    case "verify":
      return statusOf(() => kartla.Verification.open(data).close());
    case "open_record":
      return statusOf(() => openOwned(data).close());
    case "read_section":
      return using(openOwned(data), (record) => statusOf(() => record.section(check.section)));
    case "open_identity":
    case "recover_identity": {
      // The synchronous twin: hundreds of Argon2id-free refusals and a few unlocks, in order.
      const secret = new TextEncoder().encode(op === "open_identity" ? check.passphrase : check.recovery_code);
      const opener = op === "open_identity" ? kartla.Identity.openSync : kartla.Identity.recoverSync;
      return statusOf(() => opener(data, secret).close());
    }
    case "open_share":
      return statusOf(() => kartla.Share.open(data, agencies.get(check.agency)).close());
    case "read_share_section":
      return using(kartla.Share.open(data, agencies.get(check.agency)),
        (share) => statusOf(() => share.section(check.section, when(check.at))));
    case "card_fingerprint":
      return statusOf(() => kartla.cardFingerprint(data));
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

for (const name of ["negative.json", "bundle_negative.json"]) {
  test(`${name}: each vector gives exactly its status class`, async () => {
    const vectors = doc(name).vectors;
    assert.ok(vectors.length > 0);
    const wrong = [];
    for (const vector of vectors) {
      const data = hexed(vector, "input");
      for (const check of vector.checks) {
        const got = await runCheck(data, check);
        if (got !== check.result) {
          wrong.push(`tc ${vector.tc_id} ${vector.name} ${check.operation}: ${got}, expected ${check.result}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
}

// -- bundle.json ------------------------------------------------------------------------------

test("bundle.json: the agencies show their cards and fingerprints", () => {
  for (const a of doc("bundle.json").agencies) {
    const identity = agencies.get(a.label);
    equalBytes(identity.card, hexed(a, "card_file"));
    assert.equal(identity.fingerprint, a.fingerprint);
  }
});

test("bundle.json: the files verify with their reports", () => {
  const d = doc("bundle.json");
  for (const name of ["record", "bundle", "revoked", "expired"]) {
    using(kartla.Verification.open(hexed(d[name], "file")), (v) => {
      checkReport(v.report(), d[name].verification_json);
      assert.equal(v.sequence, d[name].sequence);
    });
  }
});

test("bundle.json: the agencies see the purpose and the legal bases", () => {
  const d = doc("bundle.json");
  const file = hexed(d.record, "file");
  for (const grant of d.record.grants) {
    const terms = grant.terms_fields;
    const described = using(kartla.Share.open(file, agencies.get(grant.recipient)), (share) => share.describe().grants);
    assert.equal(described.length, terms.sections.length);
    described.forEach((shared, i) => {
      assert.equal(shared.section, terms.sections[i].name);
      assert.equal(shared.purpose, terms.purpose);
      assert.equal(shared.gdprArt6Basis, terms.gdpr_art6_basis);
      assert.equal(shared.gdprArt9Basis, terms.gdpr_art9_basis);
      assert.equal(BigInt(shared.grantedAt), BigInt(terms.granted_at));
      assert.equal(BigInt(shared.expiresAt), BigInt(terms.expires_at));
      assert.ok(shared.present && shared.current);
    });
  }
});

test("bundle.json: the bundle is pinned to its owner", () => {
  using(kartla.Share.open(hexed(doc("bundle.json").bundle, "file"), agencies.get("agency_a")), (share) => {
    share.checkOwner(owner.card);
    assert.equal(statusOf(() => share.checkOwner(agencies.get("agency_b").card)), "E_INVALID_ARGUMENT");
  });
});

test("bundle.json: every read gives its content or its status", () => {
  const d = doc("bundle.json");
  assert.ok(d.reads.length > 0);
  for (const r of d.reads) {
    using(kartla.Share.open(hexed(d[r.input], "file"), agencies.get(r.agency)), (share) => {
      let content;
      const status = statusOf(() => {
        content = share.section(r.section, when(r.at));
      });
      assert.equal(status, r.result, r.comment);
      if (status === "OK") equalBytes(content, hexed(r, "content"), r.comment);
    });
  }
});

// -- attest.json, attest_negative.json --------------------------------------------------------

function labelled(node, key, label) {
  const found = node[key].find((item) => item.label === label);
  assert.ok(found, `no ${key} labelled ${label}`);
  return found;
}

function trustListNamed(container, label) {
  if (!label) return undefined;
  if (label === "input_list") return hexed(container, "foreign_trust_list");
  return hexed(labelled(doc("attest.json"), "trust_lists", label), "file");
}

function checkAttestation(file, check, container) {
  const attest = doc("attest.json");
  const ref = {
    ownerCard: hexed(labelled(attest, "owners", check.owner), "card_file"), recordId: check.record_id,
    section: check.section, entryId: check.entry_id, entry: hexed(check, "entry"),
  };
  const trustList = trustListNamed(container, check.trust_list);
  const now = when(check.now);
  if (!check.verdict) { // no report: the call fails typed
    assert.equal(statusOf(() => experimental.verifyAttestation(file, ref, { trustList, now })), check.result,
      check.comment);
    return;
  }
  const judged = experimental.verifyAttestation(file, ref, { trustList, now });
  assert.equal(judged.statusName, check.result, check.comment);
  assert.equal(judged.report.verdict, check.verdict, check.comment);
  assert.equal(judged.report.finding, check.finding, check.comment);
  if (check.verdict !== "invalid") assert.equal(judged.report.entryId, check.entry_id);
}

function verifyList(file, check) {
  const expectedRootCard = check.expected_root
    ? hexed(labelled(doc("attest.json"), "roots", check.expected_root), "card_file") : undefined;
  return statusOf(() => experimental.verifyTrustList(file, { expectedRootCard, lastSeen: check.last_seen,
    now: when(check.now) }));
}

test("attest.json: the attestation checks", () => {
  const d = doc("attest.json");
  const file = hexed(d.attestation, "file");
  assert.ok(d.attestation_checks.length > 0);
  for (const check of d.attestation_checks) checkAttestation(file, check, d);
});

test("attest.json: the trust list checks", () => {
  const d = doc("attest.json");
  for (const check of d.trust_list_checks) {
    assert.equal(verifyList(hexed(labelled(d, "trust_lists", check.input), "file"), check), check.result, check.comment);
  }
  const current = labelled(d, "trust_lists", "current");
  const described = experimental.verifyTrustList(hexed(current, "file"), { now: when(d.trust_list_checks[0].now) });
  assert.ok(described.agencies.length > 0);
  const listed = described.agencies[0];
  const fields = current.fields.agencies[0];
  assert.equal(listed.fingerprint, d.agency.fingerprint);
  assert.equal(BigInt(listed.validFrom), BigInt(fields.valid_from));
  assert.equal(BigInt(listed.validUntil), BigInt(fields.valid_until));
  assert.equal(described.root.fingerprint, labelled(d, "roots", "root").fingerprint);
});

test("attest.json: the contribution checks", () => {
  const d = doc("attest.json");
  const c = d.contribution;
  const file = hexed(c, "file");
  for (const check of d.contribution_checks) {
    const now = when(check.now);
    if (check.operation === "describe_contribution") {
      const described = experimental.describeContribution(owner, file, { recordId: check.record_id || undefined, now });
      assert.equal(check.result, "OK");
      assert.equal(described.entryId, c.entry_id);
      assert.equal(described.recordId, d.record.record_id);
      assert.equal(described.sender.fingerprint, d.agency.fingerprint);
      continue;
    }
    assert.equal(check.operation, "accept_contribution");
    using(openOwned(hexed(d.record, "file")), (record) => {
      assert.equal(experimental.acceptContribution(record, owner, file, { now }), Boolean(check.added));
      const entry = experimental.sectionEntry("competences", record.section("competences"), c.entry_id);
      equalBytes(entry, hexed(c.fields, "entry"));
      assert.equal(experimental.acceptContribution(record, owner, file, { now }), false); // twice: no change
    });
  }
});

test("attest.json: the listed entries are the exact bytes", () => {
  const record = doc("attest.json").record;
  const content = hexed(record, "content");
  for (const e of record.entries) {
    equalBytes(experimental.sectionEntry("competences", content, e.entry_id), hexed(e, "entry"));
  }
});

test("attest_negative.json: each vector gives exactly its status class", () => {
  const d = doc("attest_negative.json");
  const attest = doc("attest.json");
  assert.ok(d.vectors.length > 0);
  for (const vector of d.vectors) {
    const data = hexed(vector, "input");
    for (const check of vector.checks) {
      const where = `${vector.name} / ${check.comment}`;
      const now = when(check.now);
      switch (check.operation) {
        case "verify_attestation":
          checkAttestation(data, check, d);
          break;
        case "verify_trust_list":
          assert.equal(verifyList(data, check), check.result, where);
          break;
        case "describe_contribution":
          assert.equal(statusOf(() => experimental.describeContribution(owner, data,
            { recordId: check.record_id || undefined, now })), check.result, where);
          break;
        case "accept_contribution":
          using(kartla.Record.open(hexed(attest.record, "file"), owner, { acceptOlder: true }), (record) => {
            let added = false;
            const got = statusOf(() => {
              added = experimental.acceptContribution(record, owner, data, { now });
            });
            assert.equal(got, check.result, where);
            assert.equal(added ? 1 : 0, check.added, where);
            if (got !== "OK") equalBytes(record.section("competences"), hexed(attest.record, "content"), where);
          });
          break;
        case "verify_record":
          assert.equal(statusOf(() => kartla.Verification.open(data).close()), check.result, where);
          break;
        default:
          throw new Error(`unknown operation ${check.operation}`);
      }
    }
  }
});

// -- receipt.json -----------------------------------------------------------------------------

test("receipt.json: receipts verify pinned and describe their fields", () => {
  const d = doc("receipt.json");
  const ownerCard = hexed(d.owner, "card_file");
  assert.ok(d.receipts.length > 0);
  for (const r of d.receipts) {
    const agencyCard = hexed(d.agency_cards, r.agency);
    const described = experimental.describeReceipt(hexed(r, "file"), { ownerCard, agencyCard });
    const f = r.fields;
    assert.equal(described.kind, f.kind === 1 ? "grant" : "termination");
    assert.equal(described.recordId, f.record_id);
    assert.equal(described.grantId, f.grant_id);
    assert.equal(described.ownerFingerprint, r.owner_fingerprint);
    assert.equal(described.agencyFingerprint, r.agency_fingerprint);
    assert.equal(described.agencyName, f.agency_name);
    assert.deepEqual([...described.sections], f.sections);
    assert.equal(described.purpose, f.purpose);
    assert.equal(described.gdprArt6Basis, f.gdpr_art6_basis);
    assert.equal(described.gdprArt9Basis, f.gdpr_art9_basis);
    assert.equal(BigInt(described.grantedAt), BigInt(f.granted_at));
    assert.equal(BigInt(described.expiresAt), BigInt(f.expires_at));
    assert.equal(BigInt(described.endedAt), BigInt(f.ended_at));
    assert.equal(described.endReason, { 1: "revoked", 2: "expired" }[f.end_reason] ?? "");
    assert.equal(BigInt(described.sequence), BigInt(f.sequence));
    assert.equal(described.manifestHash, f.manifest_hash);
  }
});

test("receipt.json: the negative receipts give their status", () => {
  const negative = doc("receipt.json").negative;
  assert.ok(negative.length > 0);
  for (const v of negative) {
    const got = statusOf(() => experimental.describeReceipt(hexed(v, "input"),
      { ownerCard: hexed(v, "owner_card"), agencyCard: hexed(v, "agency_card") }));
    assert.equal(got, v.result, `${v.name}: ${v.comment}`);
  }
});

// -- content.json -----------------------------------------------------------------------------

test("content.json: every vector gives exactly its violations, in order", async (t) => {
  const vectors = doc("content.json").vectors; // a missing file throws here: a failure, not a skip
  assert.ok(Array.isArray(vectors) && vectors.length > 0, "content.json holds no vectors");
  t.diagnostic(`${vectors.length} content vectors`);
  for (const [i, v] of vectors.entries()) {
    await t.test(`${i + 1} of ${vectors.length}: tc ${v.tc_id} ${v.name}`, () => {
      const report = kartla.validateSection(v.section, hexed(v, "content"));
      const got = report.violations.map(({ field, rule }) => ({ field, rule }));
      assert.equal(typeof v.valid, "boolean");
      assert.equal(report.section, v.section);
      assert.equal(report.valid, v.valid, v.comment);
      assert.equal(report.valid, got.length === 0, v.comment); // valid exactly when nothing is broken
      assert.deepEqual(got, v.violations, v.comment); // field path and rule id, in field order
    });
  }
});
