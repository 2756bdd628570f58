// SPDX-License-Identifier: Apache-2.0
// gen/ is what scripts/gen-proto.sh makes from proto/kartla/v1 today: a schema change without
// regenerating fails here (protoc and the pinned protoc-gen-es must be installed: they are in CI).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

test("the committed messages are generated from proto/ by the pinned generator", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kartla-gen-"));
  try {
    execFileSync("bash", [path.join(here, "scripts", "gen-proto.sh"), out], { stdio: "pipe" });
    const committed = path.join(here, "gen", "kartla", "v1");
    const fresh = path.join(out, "kartla", "v1");
    assert.deepEqual(fs.readdirSync(committed).sort(), fs.readdirSync(fresh).sort());
    for (const f of fs.readdirSync(fresh)) {
      assert.ok(fs.readFileSync(path.join(committed, f)).equals(fs.readFileSync(path.join(fresh, f))),
        `gen/kartla/v1/${f} is stale: run npm run gen-proto`);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
