// SPDX-License-Identifier: Apache-2.0
// examples/node/agency_open_bundle.mjs runs, and bindings/node/README.md shows it as it is. The
// example imports "kartla" as a user's program does: it runs from a folder whose node_modules
// holds this package (a link to it here; .ci/binding-node also runs it from an `npm install` of
// the packed tarball).

import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, before, after } from "node:test";
import { REPO } from "./support.js";

const PACKAGE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const EXAMPLE = path.join(REPO, "examples", "node", "agency_open_bundle.mjs");
const README = path.join(PACKAGE, "README.md");

let dir;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kartla-node-example-"));
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(PACKAGE, path.join(dir, "node_modules", "kartla"));
  fs.copyFileSync(EXAMPLE, path.join(dir, "agency_open_bundle.mjs"));
  fs.mkdirSync(path.join(dir, "demo"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function example(args, env = process.env) {
  return spawnSync(process.execPath, [path.join(dir, "agency_open_bundle.mjs"), ...args],
    { encoding: "utf8", timeout: 120_000, env });
}

test("the example runs", () => {
  const done = example(["--demo", path.join(dir, "demo")]);
  assert.equal(done.status, 0, done.stderr);
  const lines = done.stdout.trim().split("\n");
  assert.match(lines[0], /^languages Kartläggning 6\.1\.a \d+$/);
  assert.equal(lines[1], "lang-sv sv B1");
});

test("a refused read is reported with its status", () => {
  const done = example([path.join(dir, "missing.bundle"), path.join(dir, "missing.id")],
    { ...process.env, KARTLA_PASSPHRASE: "x" });
  assert.equal(done.status, 1);
  assert.match(done.stderr, /^agency_open_bundle: E_IO: /);
});

function exampleBlock() {
  const text = fs.readFileSync(EXAMPLE, "utf8");
  const start = text.indexOf("// --- example: an agency reads one shared section ---\n");
  const end = text.indexOf("// --- end of example ---\n");
  assert.ok(start >= 0 && end > start);
  return text.slice(start, end).split("\n").slice(1).join("\n");
}

test("the README shows the example", () => {
  const block = exampleBlock();
  assert.ok(block.split("\n").length <= 20, `${block.split("\n").length} lines`);
  assert.ok(fs.readFileSync(README, "utf8").includes(block), "README.md's example differs from examples/node");
});

test("a TypeScript use of the API type-checks against the shipped .d.ts (tsc --noEmit)", () => {
  execFileSync(path.join(PACKAGE, "node_modules", ".bin", "tsc"), ["-p", path.join(PACKAGE, "tsconfig.json")],
    { stdio: "pipe" });
});
