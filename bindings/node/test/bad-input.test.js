// SPDX-License-Identifier: Apache-2.0
// Bad input through the binding is a typed KartlaError, never a crash of Node: wrong JavaScript
// types (a number or a BigInt where bytes are needed would otherwise be taken for an address),
// forged and closed handles, a card of the wrong kind, garbage, truncated and damaged files.

import assert from "node:assert/strict";
import { test, before, after } from "node:test";
import * as kartla from "../lib/index.js";
import { makeWorld, READ_AT, SHARED } from "./fixture.js";
import { statusOf, statusOfAsync, utf8 } from "./support.js";

let w;
before(async () => {
  w = await makeWorld();
});
after(() => w?.close());

/** fn must throw the binding's InvalidArgumentError (found before any C call, or by the library). */
function refused(fn, what) {
  assert.throws(fn, (e) => e instanceof kartla.InvalidArgumentError && e.status === kartla.Status.E_INVALID_ARGUMENT
    && e.code === "KARTLA_E_INVALID_ARGUMENT" && e.detail.length > 0, what);
}

const NOT_BYTES = [undefined, null, 0, 12345, 2n ** 40n, "text", [1, 2, 3], { length: 4 }, new ArrayBuffer(4),
  new Uint16Array(2), new DataView(new ArrayBuffer(2))];

test("anything but a Uint8Array where bytes are needed is refused before the call", () => {
  const share = kartla.Share.openFile(w.bundlePath, w.agency);
  try {
    for (const value of NOT_BYTES) {
      const what = String(typeof value === "bigint" ? `${value}n` : value?.constructor?.name ?? value);
      refused(() => kartla.Share.open(value, w.agency), `Share.open(${what})`);
      refused(() => kartla.Verification.open(value), `Verification.open(${what})`);
      refused(() => kartla.Record.open(value, w.owner), `Record.open(${what})`);
      refused(() => kartla.cardFingerprint(value), `cardFingerprint(${what})`);
      refused(() => w.record.setSection("profile", value), `setSection(${what})`);
      refused(() => share.checkOwner(value), `checkOwner(${what})`);
      refused(() => share.sectionInto("profile", value, READ_AT), `sectionInto(${what})`);
      refused(() => kartla.Identity.openSync(value, utf8("x")), `Identity.openSync(${what})`);
    }
  } finally {
    share.close();
  }
});

test("the Promise calls reject bad arguments rather than throw", async () => {
  for (const value of NOT_BYTES) {
    const promise = kartla.Identity.open(value, utf8("x"));
    assert.ok(promise instanceof Promise);
    assert.equal(await statusOfAsync(() => promise), "E_INVALID_ARGUMENT");
  }
  // A passphrase as a string: refused, because a string cannot be wiped.
  assert.equal(await statusOfAsync(() => kartla.Identity.create("a passphrase")), "E_INVALID_ARGUMENT");
  assert.equal(await statusOfAsync(() => kartla.Identity.openFile(w.agencyPath, "byråns lösenfras")),
    "E_INVALID_ARGUMENT");
  assert.equal(await statusOfAsync(() => kartla.Identity.create(utf8("x"), { kdfMemlimitMib: -1 })),
    "E_INVALID_ARGUMENT");
  // Refused by the library, off the event loop: an empty passphrase, a cost below the floor.
  assert.equal(await statusOfAsync(() => kartla.Identity.create(new Uint8Array(0))), "E_INVALID_ARGUMENT");
  assert.notEqual(await statusOfAsync(() => kartla.Identity.create(utf8("x"), { kdfMemlimitMib: 1 })), "OK");
});

test("wrong strings, names, times and numbers are typed errors", () => {
  const share = kartla.Share.openFile(w.bundlePath, w.agency);
  try {
    for (const name of [undefined, null, 7, Symbol("profile"), {}, "pro\0file"]) {
      refused(() => share.section(name, READ_AT), `section(${String(name)})`);
    }
    assert.equal(statusOf(() => share.section("no_such_section", READ_AT)), "E_INVALID_ARGUMENT");
    for (const when of [1767225600, "2026-01-02", new Date(NaN), {}]) {
      refused(() => share.section("profile", when), `at ${String(when)}`);
    }
    for (const seen of [-1, 1.5, "1", NaN, -1n]) refused(() => share.checkLastSeen(seen), `lastSeen ${seen}`);
    refused(() => w.record.share(w.agency.card, "profile", { purpose: "x" }), "sections as a string");
    refused(() => w.record.share(w.agency.card, SHARED, {}), "no purpose");
  } finally {
    share.close();
  }
  assert.notEqual(statusOf(() => w.record.setSection("profile", utf8("\xff\xff garbage"))), "OK");
  assert.equal(statusOf(() => w.record.sectionInto("profile", new Uint8Array(1))), "E_INVALID_ARGUMENT");
});

test("a handle of the wrong class, a plain object or a forged handle is refused", () => {
  for (const notAnIdentity of [null, undefined, {}, w.record, 1n, 0x1000n]) {
    refused(() => kartla.Share.openFile(w.bundlePath, notAnIdentity), String(notAnIdentity));
    refused(() => kartla.Record.create(notAnIdentity), String(notAnIdentity));
  }
  refused(() => new kartla.Identity(Symbol("make"), 0x1000n, () => {}), "new Identity");
  refused(() => new kartla.Share(undefined, 0x1000n), "new Share");
  refused(() => kartla.experimental.attachAttestation(w.owner, w.record, utf8("x")), "arguments swapped");
});

test("a closed handle is a ClosedError on every method, and closing twice is fine", async () => {
  const agency = await kartla.Identity.openFile(w.agencyPath, w.agencyPassphrase);
  const share = kartla.Share.openFile(w.bundlePath, agency);
  const record = kartla.Record.create(w.owner);
  const verification = kartla.Verification.openFile(w.recordPath);
  const draft = kartla.experimental.TrustDraft.create(1);
  const calls = [
    () => agency.card, () => agency.fingerprint, () => agency.fileBytes(), () => agency.save(`${w.dir}/x`),
    () => agency.setPassphrase(utf8("y")),
    () => share.section("profile", READ_AT), () => share.sectionJson("profile"), () => share.describe(),
    () => share.sequence, () => share.checkLastSeen(0), () => share.sectionSize("profile"),
    () => share.sectionInto("profile", new Uint8Array(8)), () => share.read(undefined),
    () => record.id, () => record.sequence, () => record.sections(), () => record.section("profile"),
    () => record.setSectionJson("profile", "{}"), () => record.save(`${w.dir}/y`), () => record.setClock(),
    () => verification.sequence, () => verification.report(), () => verification.recordId,
    () => draft.sequence, () => draft.add(w.agency.card, "validation_provider", new Date()),
    () => kartla.Share.openFile(w.bundlePath, agency), () => kartla.Record.create(agency),
  ];
  for (const h of [agency, share, record, verification, draft]) {
    assert.equal(h.closed, false);
    h.close();
    h.close();
    assert.equal(h.closed, true);
  }
  for (const call of calls) {
    assert.throws(call, (e) => (e instanceof kartla.ClosedError || e instanceof kartla.InvalidArgumentError)
      && e.status === kartla.Status.E_INVALID_ARGUMENT, String(call));
  }
  assert.throws(() => share.section("profile", READ_AT), kartla.ClosedError);
  if (typeof Symbol.dispose === "symbol") {
    const disposable = kartla.Share.openFile(w.bundlePath, w.agency);
    disposable[Symbol.dispose]();
    assert.equal(disposable.closed, true);
  }
});

test("an owner's card where an agency's is needed, and the reverse", () => {
  assert.equal(statusOf(() => w.record.share(w.owner.card, SHARED, { purpose: "x" })), "E_INVALID_ARGUMENT");
  // The owner's identity holds no grant of the bundle: it opens (anyone may look) and reads nothing.
  const asOwner = kartla.Share.openFile(w.bundlePath, w.owner);
  try {
    assert.equal(statusOf(() => asOwner.section("profile", READ_AT)), "E_NOT_SHARED");
  } finally {
    asOwner.close();
  }
  const share = kartla.Share.openFile(w.bundlePath, w.agency);
  try {
    assert.equal(statusOf(() => share.checkOwner(w.agency.card)), "E_INVALID_ARGUMENT");
  } finally {
    share.close();
  }
});

test("garbage bytes are typed errors", () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) & 0xff;
  for (const size of [0, 1, 7, 64, 1000, 70000]) {
    const garbage = Uint8Array.from({ length: size }, random);
    for (const open of [
      () => kartla.Share.open(garbage, w.agency), () => kartla.Verification.open(garbage),
      () => kartla.Record.open(garbage, w.owner), () => kartla.cardFingerprint(garbage),
      () => kartla.Identity.openSync(garbage, utf8("x")), () => kartla.describeCard(garbage),
    ]) {
      const status = statusOf(open);
      assert.notEqual(status, "OK", `${size} bytes of garbage opened`);
    }
  }
});

test("every prefix of a bundle is a typed error, and flipped bytes open and read or fail typed", () => {
  const bundle = w.bundle;
  for (let cut = 0; cut < bundle.length; cut++) {
    const prefix = bundle.slice(0, cut);
    const status = statusOf(() => kartla.Share.open(prefix, w.agency).close());
    assert.ok(["E_FORMAT", "E_LIMIT", "E_VERSION"].includes(status), `cut at ${cut}: ${status}`);
  }
  let refusedCount = 0;
  for (let i = 0; i < bundle.length; i += 3) {
    const damaged = bundle.slice();
    damaged[i] ^= 0x40;
    const status = statusOf(() => {
      const share = kartla.Share.open(damaged, w.agency);
      try {
        for (const name of SHARED) share.section(name, READ_AT);
      } finally {
        share.close();
      }
    });
    if (status !== "OK") refusedCount++;
  }
  assert.ok(refusedCount > 0, "no flipped byte was noticed");
});

test("validation reports bad content as a result, unknown sections as errors", () => {
  const report = kartla.validateSectionJson("profile", '{"no_such_field": 1}');
  assert.ok(report.violations.length > 0);
  assert.equal(report.violations[0].rule, "schema-parse");
  assert.equal(statusOf(() => kartla.validateSection("no_such_section", new Uint8Array(0))), "E_INVALID_ARGUMENT");
});

test("random sequences of opens, reads, closes and uses after close keep every promise", () => {
  // A model of which handles are open; each step picks an operation at random (seeded) and checks
  // the binding's answer against the model: reads of an open share give the owner's bytes or
  // NotSharedError, anything on a closed handle is ClosedError, closing twice changes nothing.
  let seed = 20260101;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const shares = [];
  const sectionsToTry = [...SHARED, "education", "work_ability"];
  const counts = { open: 0, read: 0, refused: 0, closed: 0, close: 0 };
  for (let step = 0; step < 600; step++) {
    const op = shares.length === 0 ? 0 : random(5);
    if (op === 0 && shares.filter((s) => !s.closed).length < 8) {
      shares.push(random(2) ? kartla.Share.openFile(w.bundlePath, w.agency) : kartla.Share.open(w.bundle, w.agency));
      counts.open++;
      continue;
    }
    if (shares.length === 0) continue;
    const share = shares[random(shares.length)];
    const name = sectionsToTry[random(sectionsToTry.length)];
    if (op === 1) {
      share.close();
      assert.equal(share.closed, true);
      counts.close++;
    } else if (share.closed) {
      assert.throws(() => (random(2) ? share.section(name, READ_AT) : share.describe()), kartla.ClosedError);
      counts.closed++;
    } else if (SHARED.includes(name)) {
      assert.deepEqual(Buffer.from(share.section(name, READ_AT)), Buffer.from(w.content.get(name)));
      counts.read++;
    } else {
      assert.equal(statusOf(() => share.section(name, READ_AT)), "E_NOT_SHARED");
      counts.refused++;
    }
  }
  for (const share of shares) share.close();
  for (const [what, n] of Object.entries(counts)) assert.ok(n > 10, `only ${n} ${what} steps`);
});
