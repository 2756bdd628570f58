// SPDX-License-Identifier: Apache-2.0
// The slow calls as Promises: identity create, open and recover spend most of a second in
// Argon2id, which would stop every other request of a server for that long. They run on one
// worker thread (unlock-worker.js), started on first use and left unreferenced while idle so it
// never keeps a program alive. The calls queue there one after another: Argon2id is bound by
// memory bandwidth, so running several at once would gain little and multiply the memory.
//
// Private.

import { Worker } from "node:worker_threads";
import { errorFor, Status } from "./errors.js";

let worker = null;
const pending = new Map();
let nextId = 1;

function failAll(error) {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
  worker = null;
}

function start() {
  const w = new Worker(new URL("./unlock-worker.js", import.meta.url));
  w.on("message", (reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) w.unref();
    waiting.resolve(reply);
  });
  w.on("error", (e) => failAll(errorFor(Status.E_INTERNAL, `kartla: the unlock worker failed: ${e.message}`)));
  w.on("exit", (code) => failAll(errorFor(Status.E_INTERNAL, `kartla: the unlock worker exited (${code})`)));
  w.unref();
  return w;
}

/** A secret copied into shared memory (so the worker sees it without another copy), wiped by
 * the caller when the reply is in. */
export function sharedSecret(bytes) {
  const copy = new Uint8Array(new SharedArrayBuffer(bytes.length));
  copy.set(bytes);
  return copy;
}

/** Runs `op` on the worker; resolves to its reply {status, message} or {status: 0, ptr, recovery}.
 * `secret` (shared memory) is wiped once the reply is in, whatever it says. */
export function runSlow(op, args) {
  if (worker === null) worker = start();
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, op, args });
  }).finally(() => {
    args.secret?.fill(0);
  });
}
