// SPDX-License-Identifier: Apache-2.0
// The binding against the headers: every function of the C ABI is declared (except the *_init
// functions, whose work the binding does with the versions below, and the views, not wrapped yet),
// each options struct's version is the header's, and the library is the one this binding needs.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import koffi from "koffi";
import * as kartla from "../lib/index.js";
import * as native from "../lib/native.js";
import { REPO } from "./support.js";

const include = path.join(REPO, "include", "kartla");
const headers = [
  ...fs.readdirSync(include).filter((f) => f.endsWith(".h")).map((f) => path.join(include, f)),
  ...fs.readdirSync(path.join(include, "experimental")).filter((f) => f.endsWith(".h") && f !== "views.h")
    .map((f) => path.join(include, "experimental", f)),
];
const text = headers.map((h) => fs.readFileSync(h, "utf8")).join("\n");

test("every C function is declared", () => {
  const declared = new Set([...text.matchAll(/KARTLA_API\s[^;(]*?\b(kartla_[a-z0-9_]+)\s*\(/g)].map((m) => m[1]));
  assert.ok(declared.size > 60, `only ${declared.size} functions found in the headers`);
  const missing = [...declared].filter((name) => !name.endsWith("_init") && !(name in native.c));
  assert.deepEqual(missing, []);
  const unknown = Object.keys(native.c).filter((name) => !declared.has(name));
  assert.deepEqual(unknown, []);
});

test("the options structs carry the headers' versions", () => {
  for (const [macro, value] of [
    ["KARTLA_IDENTITY_OPTIONS_VERSION", native.IDENTITY_OPTIONS_VERSION],
    ["KARTLA_AGENCY_INFO_VERSION", native.AGENCY_INFO_VERSION],
    ["KARTLA_RECORD_OPEN_OPTIONS_VERSION", native.RECORD_OPEN_OPTIONS_VERSION],
    ["KARTLA_RECORD_SHARE_OPTIONS_VERSION", native.RECORD_SHARE_OPTIONS_VERSION],
    ["KARTLA_ENTRY_REF_VERSION", native.ENTRY_REF_VERSION],
    ["KARTLA_DOCUMENT_OPTIONS_VERSION", native.DOCUMENT_OPTIONS_VERSION],
  ]) {
    const m = text.match(new RegExp(`#define ${macro} (\\d+)`));
    assert.ok(m, macro);
    assert.equal(Number(m[1]), value, macro);
  }
});

test("the struct layouts are the C compiler's", () => {
  // Each koffi struct's size and field offsets against what cc makes of the headers.
  const structs = {
    Buffer: ["kartla_buffer", ["data", "len", "internal"]],
    IdentityOptions: ["kartla_identity_options", ["version", "kdf_opslimit", "kdf_memlimit_mib", "created_at"]],
    AgencyInfo: ["kartla_agency_info", ["version", "name", "organisation_number", "role"]],
    RecordOpenOptions: ["kartla_record_open_options", ["version", "accept_older", "last_seen"]],
    RecordShareOptions: ["kartla_record_share_options",
      ["version", "purpose", "expires_at", "now", "gdpr_art6_basis", "gdpr_art9_basis"]],
    EntryRef: ["kartla_entry_ref",
      ["version", "owner_card", "owner_card_len", "record_id", "section", "entry_id", "entry", "entry_len"]],
    DocumentOptions: ["kartla_document_options", ["version", "title", "kind", "media_type", "health_data"]],
  };
  const lines = ["#include <stdio.h>", "#include <stddef.h>", "#include <kartla/kartla.h>",
    "#include <kartla/experimental/attest.h>", "int main(void) {"];
  for (const [type, fields] of Object.values(structs)) {
    lines.push(`  printf("${type} %zu\\n", sizeof(${type}));`);
    for (const f of fields) lines.push(`  printf("${type}.${f} %zu\\n", offsetof(${type}, ${f}));`);
  }
  lines.push("  return 0;", "}");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kartla-layout-"));
  try {
    fs.writeFileSync(path.join(dir, "layout.c"), lines.join("\n"));
    execFileSync("cc", ["-std=c99", "-DKARTLA_EXPERIMENTAL", `-I${path.join(REPO, "include")}`, "-o", path.join(dir, "layout"),
      path.join(dir, "layout.c")]);
    const c = Object.fromEntries(execFileSync(path.join(dir, "layout"), { encoding: "utf8" }).trim().split("\n")
      .map((line) => line.split(" ")).map(([k, v]) => [k, Number(v)]));
    for (const [name, [type, fields]] of Object.entries(structs)) {
      assert.equal(koffi.sizeof(native[name]), c[type], `sizeof ${type}`);
      for (const f of fields) assert.equal(koffi.offsetof(native[name], f), c[`${type}.${f}`], `${type}.${f}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the status table is the header's", () => {
  for (const m of text.matchAll(/KARTLA_(OK|E_[A-Z_]+) = (\d+)/g)) {
    assert.equal(kartla.Status[m[1]], Number(m[2]), m[1]);
    assert.equal(native.c.kartla_status_name(Number(m[2])), m[1]);
    assert.equal(kartla.statusName(Number(m[2])), m[1]);
  }
  assert.equal(kartla.statusName(999), "UNKNOWN");
  assert.equal(Object.keys(kartla.Status).length, [...text.matchAll(/KARTLA_(OK|E_[A-Z_]+) = (\d+)/g)].length);
});

test("the library is ABI 1, and says which version it is", () => {
  assert.equal(kartla.abiVersion(), kartla.ABI_VERSION);
  const m = text.match(/#define KARTLA_VERSION_STRING "([^"]+)"/);
  assert.equal(kartla.version(), m[1]);
  assert.ok(kartla.libraryPath.length > 0);
});

test("sections and their message schemas", async () => {
  const v1 = await import("../gen/kartla/v1/index.js");
  const names = kartla.sections();
  assert.ok(names.includes("profile") && names.includes("work_ability"));
  for (const name of names) {
    const schemaName = `${name.split("_").map((p) => p[0].toUpperCase() + p.slice(1)).join("")}Schema`;
    assert.ok(v1[schemaName], `kartla/v1 has no ${schemaName}`);
    assert.equal(kartla.sectionOf(v1[schemaName]), name);
  }
  assert.equal(kartla.isSpecialCategory("work_ability"), true);
  assert.equal(kartla.isSpecialCategory("profile"), false);
  assert.throws(() => kartla.sectionOf(v1.CardDescriptionSchema), kartla.InvalidArgumentError);
  assert.ok(kartla.agencyRoles().includes("validation_provider"));
});

test("the declarations name exactly what the module exports", async () => {
  const dts = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "..", "lib", "index.d.ts"), "utf8");
  const declared = new Set([...dts.matchAll(/^export declare (?:const|function|class|namespace) ([A-Za-z_]+)/gm)]
    .map((m) => m[1]));
  const exported = new Set(Object.keys(kartla));
  assert.deepEqual([...exported].filter((n) => !declared.has(n)).sort(), []);
  assert.deepEqual([...declared].filter((n) => !exported.has(n)).sort(), []);
  const namespace = dts.slice(dts.indexOf("export declare namespace experimental"));
  const inNamespace = new Set([...namespace.matchAll(/^ {2}export (?:function )?(?:\{ )?([A-Za-z]+)/gm)].map((m) => m[1]));
  assert.deepEqual(Object.keys(kartla.experimental).filter((n) => !inNamespace.has(n)).sort(), []);
  assert.deepEqual([...inNamespace].filter((n) => !(n in kartla.experimental)).sort(), []);
});
