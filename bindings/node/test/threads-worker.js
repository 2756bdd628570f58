// SPDX-License-Identifier: Apache-2.0
// One worker of threads.test.js.

import { parentPort, workerData } from "node:worker_threads";
import * as kartla from "../lib/index.js";

const w = workerData;
const readAt = new Date(w.readAt);
const problems = [];
let good = 0;
const identity = kartla.Identity.openFileSync(w.identityPath, w.passphrase);
const share = kartla.Share.openFile(w.bundlePath, identity);
try {
  for (let i = 0; i < w.reads; i++) {
    const name = w.shared[i % w.shared.length];
    let ok = Buffer.from(share.section(name, readAt)).equals(Buffer.from(w.expected[name]));
    try {
      share.section(w.refusedSection, readAt);
      ok = false;
    } catch (e) {
      const right = e.constructor.name === w.expectedClass && e.detail.includes(w.refusedSection);
      if (!right && problems.length < 5) problems.push(`read ${i}: ${e}`);
      ok = ok && right;
    }
    good += ok ? 1 : 0;
  }
} finally {
  share.close();
  identity.close();
}
parentPort.postMessage({ good, problems });
