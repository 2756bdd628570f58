// SPDX-License-Identifier: Apache-2.0
// The worker thread that runs the slow calls (Argon2id: identity create, open, recover) off the
// event loop. It is one operating-system thread, so each call and the kartla_last_error() that
// explains its failure happen on the same thread, one right after the other, as kartla/common.h
// requires; koffi's own async calls run on a pool of threads and could not promise that.
//
// Private. A request names the C function and carries its arguments; secrets arrive in shared
// memory the caller wipes when the reply is in, and the recovery code leaves in shared memory
// the program can wipe. The reply carries the new handle's address (a BigInt), which the calling
// thread wraps: the handle is never used here after the call.

import { parentPort } from "node:worker_threads";
import { runSlowCall } from "./unlock-calls.js";

parentPort.on("message", ({ id, op, args }) => {
  let reply;
  try {
    reply = runSlowCall(op, args);
  } catch (e) {
    reply = { status: 17, message: `kartla: ${e?.message ?? e}` };
  }
  parentPort.postMessage({ id, ...reply });
});
