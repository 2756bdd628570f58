// SPDX-License-Identifier: Apache-2.0
// The slow calls (Argon2id) run off the event loop: timers keep firing while an identity unlocks,
// which they cannot do during the synchronous twin (the control: the check can fail).

import assert from "node:assert/strict";
import { test, before, after } from "node:test";
import * as kartla from "../lib/index.js";
import { makeWorld } from "./fixture.js";
import { statusOfAsync } from "./support.js";
import { runSlow, sharedSecret } from "../lib/slow.js";
import { c } from "../lib/native.js";

let w;
before(async () => {
  w = await makeWorld();
});
after(() => w?.close());

/** Runs `work` while a 5 ms interval timer counts its ticks; returns {ticks, ms, result}. */
async function ticksDuring(work) {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  const start = performance.now();
  try {
    const result = await work();
    return { ticks, ms: performance.now() - start, result };
  } finally {
    clearInterval(timer);
  }
}

test("the event loop keeps ticking during an unlock", async () => {
  const async = await ticksDuring(() => kartla.Identity.openFile(w.agencyPath, w.agencyPassphrase));
  async.result.close();
  // A 64 MiB Argon2id takes well over 50 ms; a blocked loop would tick at most once, at the end.
  assert.ok(async.ms > 50, `the unlock took only ${async.ms} ms`);
  assert.ok(async.ticks >= Math.floor(async.ms / 5 / 4), `${async.ticks} ticks in ${async.ms.toFixed(0)} ms`);

  const blocked = await ticksDuring(async () => kartla.Identity.openFileSync(w.agencyPath, w.agencyPassphrase));
  blocked.result.close();
  assert.ok(blocked.ticks <= 1, `the synchronous unlock let ${blocked.ticks} ticks through`);
});

test("unlocks queued at once all settle, each with its own verdict and message", async () => {
  const wrong = new TextEncoder().encode("fel lösenfras");
  const results = await Promise.allSettled([
    kartla.Identity.openFile(w.agencyPath, w.agencyPassphrase),
    kartla.Identity.openFile(w.agencyPath, wrong),
    kartla.Identity.openFile(`${w.dir}/no-such-file`, w.agencyPassphrase),
    kartla.Identity.openFile(w.agencyPath, w.agencyPassphrase),
  ]);
  assert.equal(results[0].status, "fulfilled");
  assert.equal(results[3].status, "fulfilled");
  assert.equal(results[0].value.fingerprint, w.agency.fingerprint);
  results[0].value.close();
  results[3].value.close();
  assert.ok(results[1].reason instanceof kartla.AuthError);
  assert.match(results[1].reason.detail, /passphrase/);
  assert.equal(await statusOfAsync(() => Promise.reject(results[2].reason)), "E_IO");
  assert.match(results[2].reason.detail, /no-such-file/);
});

test("the passphrase the binding copied for the worker is wiped, the caller's is left alone", async () => {
  const passphrase = w.agencyPassphrase.slice();
  const identity = await kartla.Identity.openFile(w.agencyPath, passphrase);
  identity.close();
  assert.deepEqual(passphrase, w.agencyPassphrase);
  // The copy itself (shared memory the worker read): zero once the reply is in, success or not.
  for (const secret of [w.agencyPassphrase, new TextEncoder().encode("fel")]) {
    const args = { path: w.agencyPath, secret: sharedSecret(secret) };
    assert.ok(args.secret.some((b) => b !== 0));
    const reply = await runSlow("open_file", args);
    if (reply.status === 0) c.kartla_identity_free(reply.ptr);
    assert.ok(args.secret.every((b) => b === 0), "the shared copy was not wiped");
  }
});
