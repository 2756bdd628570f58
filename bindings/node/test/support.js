// SPDX-License-Identifier: Apache-2.0
// Helpers of the binding's tests: where the repository is, the scenario and the vectors.
// KARTLA_REPO names the repository if the tests run elsewhere.

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { KartlaError, Status } from "../lib/index.js";

export const REPO = process.env.KARTLA_REPO ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const VECTORS = path.join(REPO, "tests", "vectors");
export const SCENARIO = path.join(REPO, "tests", "bindings", "scenario.json");

export function load(name) {
  return JSON.parse(fs.readFileSync(path.join(VECTORS, name), "utf8"));
}

export function scenario() {
  return JSON.parse(fs.readFileSync(SCENARIO, "utf8"));
}

/** A vector's byte string (lowercase hex). */
export function hexed(node, key) {
  return new Uint8Array(Buffer.from(node[key], "hex"));
}

/** Unix seconds as a Date; 0 is the C ABI's "now", undefined in the binding. */
export function when(seconds) {
  return seconds === 0 ? undefined : new Date(seconds * 1000);
}

export const utf8 = (text) => new TextEncoder().encode(text);

/** The status name a call gives: "OK", or its typed error's (which must be a subclass with a message). */
export function statusOf(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof KartlaError, `not a KartlaError: ${e}`);
    assert.ok(e.detail, "a failure carries the library's message");
    assert.notEqual(e.constructor, KartlaError, `${e.statusName} arrived untyped`);
    assert.equal(e.status, Status[e.statusName]);
    return e.statusName;
  }
  return "OK";
}

/** As statusOf, for a call that returns a Promise. */
export async function statusOfAsync(fn) {
  try {
    await fn();
  } catch (e) {
    return statusOf(() => {
      throw e;
    });
  }
  return "OK";
}

export function equalBytes(actual, expected, message) {
  assert.ok(actual instanceof Uint8Array, `${message ?? "value"}: not a Uint8Array`);
  assert.deepEqual(Buffer.from(actual), Buffer.from(expected), message);
}
