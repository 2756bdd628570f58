// SPDX-License-Identifier: Apache-2.0
// The slow calls (Argon2id), shared by the worker thread (unlock-worker.js) and the *Sync
// methods: one place that makes each call and reads its failure's message on the same thread.
//
// Private.

import { c } from "./native.js";
import { buffer, takeShared } from "./core.js";

/** Makes the slow call `op`; returns {status, message} or {status: 0, ptr, recovery}. The
 * recovery code (create calls) is in shared memory, so that a worker can hand it over uncopied. */
export function runSlowCall(op, a) {
  const out = [null];
  const code = buffer();
  let status;
  switch (op) {
    case "new":
      status = c.kartla_identity_new(a.options, a.secret, a.secret.length, out, code);
      break;
    case "new_agency":
      status = c.kartla_identity_new_agency(a.info, a.options, a.secret, a.secret.length, out, code);
      break;
    case "new_trust_root":
      status = c.kartla_identity_new_trust_root(a.name, a.options, a.secret, a.secret.length, out, code);
      break;
    case "open":
      status = c.kartla_identity_open(a.file, a.file.length, a.secret, a.secret.length, out);
      break;
    case "open_file":
      status = c.kartla_identity_open_file(a.path, a.secret, a.secret.length, out);
      break;
    case "recover":
      status = c.kartla_identity_recover(a.file, a.file.length, a.secret, a.secret.length, out);
      break;
    case "recover_file":
      status = c.kartla_identity_recover_file(a.path, a.secret, a.secret.length, out);
      break;
    default:
      return { status: 17, message: `kartla: unknown slow call ${op}` };
  }
  if (status !== 0) {
    const message = c.kartla_last_error() ?? "";
    c.kartla_buffer_free(code);
    return { status, message };
  }
  const recovery = takeShared(code); // empty for the open and recover calls
  return { status: 0, ptr: out[0], recovery: recovery.length > 0 ? recovery : null };
}
