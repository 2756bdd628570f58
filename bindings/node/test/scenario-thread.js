// SPDX-License-Identifier: Apache-2.0
// One thread of scenario:threads: its own agency identity and its own share, reading the shared
// sections and being refused the unshared one, alternately; the refusal's message is read on
// this thread, right after its call.

import { parentPort, workerData } from "node:worker_threads";
import * as kartla from "../lib/index.js";

const w = workerData;
const readAt = new Date(w.readAt * 1000);
const problems = [];
let good = 0;
const identity = kartla.Identity.openFileSync(w.identityPath, w.passphrase);
const share = kartla.Share.openFile(w.bundlePath, identity);
try {
  for (let i = 0; i < w.reads; i++) {
    const name = w.shared[i % w.shared.length];
    let ok = Buffer.from(share.section(name, readAt)).equals(Buffer.from(w.expected[name]));
    try {
      share.section(w.notShared, readAt);
      ok = false;
      problems.push(`read ${i}: ${w.notShared} was not refused`);
    } catch (e) {
      const right = e instanceof kartla.NotSharedError && e.detail.includes(w.notShared);
      if (!right) problems.push(`read ${i}: ${e}`);
      ok = ok && right;
    }
    good += ok ? 1 : 0;
  }
} finally {
  share.close();
  identity.close();
}
parentPort.postMessage({ good, problems });
