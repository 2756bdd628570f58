// SPDX-License-Identifier: Apache-2.0
// Two worker threads, each with its own identity and share handles, reading at once and failing
// differently at once: every read gives the right bytes and every failure the message of its own
// call (the library keeps the last error per operating-system thread; each worker is one).

import assert from "node:assert/strict";
import { test, before, after } from "node:test";
import { Worker } from "node:worker_threads";
import { makeWorld, READ_AT, SHARED } from "./fixture.js";

let w;
before(async () => {
  w = await makeWorld();
});
after(() => w?.close());

function run(refusedSection, expectedClass) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./threads-worker.js", import.meta.url), {
      workerData: {
        identityPath: w.agencyPath, passphrase: w.agencyPassphrase, bundlePath: w.bundlePath, shared: SHARED,
        expected: Object.fromEntries(SHARED.map((n) => [n, w.content.get(n)])), refusedSection, expectedClass,
        readAt: READ_AT.getTime(), reads: 500,
      },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

test("two workers with separate handles read at once, each seeing only its own errors", async () => {
  const [a, b] = await Promise.all([run("education", "NotSharedError"), run("no_such_section", "InvalidArgumentError")]);
  for (const r of [a, b]) {
    assert.deepEqual(r.problems, []);
    assert.equal(r.good, 500);
  }
});
