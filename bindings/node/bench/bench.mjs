// SPDX-License-Identifier: Apache-2.0
// The Node binding's benchmark (not a test): an agency reading a 1 KiB and a 64 MiB section
// through the binding and through the C ABI directly, in one process, in the same run.
//
//   node bench/bench.mjs [--smoke] [--rounds N] [--sizes 1K,64M]
//
// The C side is bench_native.c, compiled here with `cc` against include/ and linked by soname to
// the very libkartla.so.1 the binding loaded; it loops in C and times itself. Both sides read the
// same bundle with the same agency identity, alternating round by round, timed with the same
// clock: the CPU time of the calling thread (steadier than wall time on a loaded machine), which
// the JavaScript side reads through the C side's kbench_cpu (Node 20 has no per-thread CPU clock;
// one call per batch of reads). Each line prints the median time per read of each side and the
// ratio binding / C.
//
//   open+read  Share.openFile + section + close  vs  kartla_share_open_file + kartla_share_section
//              + kartla_buffer_free + kartla_share_free
//   read       Share.section on an open share (one copy out of the library's buffer)
//              vs kartla_share_section + kartla_buffer_free
//   read_into  Share.sectionInto a reused Uint8Array  vs  kartla_share_section_into a reused buffer

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { create, toBinary } from "@bufbuild/protobuf";
import { TimestampSchema } from "@bufbuild/protobuf/wkt";
import koffi from "koffi";
import * as kartla from "../lib/index.js";
import { Assertion_Source, DocumentEntry_Kind, DocumentsSchema } from "../gen/kartla/v1/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, "..", "..", "..");
const SECTION = "documents";
const PASSPHRASE = () => new TextEncoder().encode("benchmark passphrase");

/** A documents section whose protobuf encoding is exactly `size` bytes (one entry with inline
 * content, valid under the section's rules, as bench/payload.cpp makes it). */
function documents(size) {
  const build = (n, title) => {
    const blob = new Uint8Array(n).fill(0x5a);
    return toBinary(DocumentsSchema, create(DocumentsSchema, {
      entries: [{
        id: "bench-document", kind: DocumentEntry_Kind.OTHER, title, mediaType: "application/octet-stream",
        sizeBytes: BigInt(n), sha256: createHash("sha256").update(blob).digest(),
        content: { case: "inlineContent", value: blob },
        assertion: { source: Assertion_Source.SELF_REPORTED, assertedAt: create(TimestampSchema, { seconds: 1700000000n }) },
      }],
    }));
  };
  let contentLen = size - 200;
  let title = "benchmark payload";
  while (build(contentLen, title).length > size) contentLen--;
  while (build(contentLen, title).length < size) title += ".";
  const data = build(contentLen, title);
  if (data.length !== size) throw new Error(`documents(${size}) is ${data.length} bytes`);
  return data;
}

function nativeLibrary(workdir) {
  const libdir = path.dirname(fs.realpathSync(kartla.libraryPath.includes("/") ? kartla.libraryPath
    : path.join(REPO, "build", "release", "packaged", kartla.libraryPath)));
  const out = path.join(workdir, "libkbench.so");
  execFileSync("cc", ["-O2", "-std=c99", "-Wall", "-Werror", "-shared", "-fPIC", `-I${path.join(REPO, "include")}`,
    path.join(here, "bench_native.c"), "-o", out, `-L${libdir}`, "-l:libkartla.so.1", `-Wl,-rpath,${libdir}`]);
  const lib = koffi.load(out);
  return {
    read: lib.func("double kbench_read(void *agency, void *share, const char *bundle, const char *section, int64_t at, int mode, int reps, uint8_t *buffer, size_t capacity)"),
    cpu: lib.func("double kbench_cpu(void)"),
  };
}

async function prepare(workdir, sizes) {
  const kdf = { kdfMemlimitMib: 64, kdfOpslimit: 3 };
  const owner = (await kartla.Identity.create(PASSPHRASE(), kdf)).identity;
  const agency = (await kartla.Identity.createAgency(
    { name: "Benchmark agency", organisationNumber: "212000-1140", role: "municipal_labour_unit" }, PASSPHRASE(), kdf)).identity;
  const now = new Date(Date.UTC(2026, 0, 1));
  const bundles = new Map();
  const agencyPath = path.join(workdir, "agency.id");
  agency.save(agencyPath);
  for (const size of sizes) {
    const record = kartla.Record.create(owner);
    record.setClock(now);
    record.setSection(SECTION, documents(size));
    const grant = record.share(agency.card, [SECTION], { purpose: "benchmark", now });
    record.save(path.join(workdir, `record-${size}.kartla`));
    bundles.set(size, path.join(workdir, `bundle-${size}.kartla`));
    record.exportBundle(grant, bundles.get(size));
    record.close();
  }
  owner.close();
  agency.close();
  return { agencyPath, bundles, at: new Date(now.getTime() + 86400_000) };
}

// The C side needs the raw pointers: the benchmark reaches past the binding's privacy once,
// through the method the wrappers themselves use.
const raw = (handle) => handle._use();

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(kbench, agency, bundle, at, mode, reps, rounds) {
  const share = kartla.Share.openFile(bundle, agency);
  try {
    const capacity = share.sectionSize(SECTION, at);
    const jsBuffer = new Uint8Array(capacity);
    const cBuffer = new Uint8Array(capacity).fill(1);
    const cMode = { "open+read": 0, read: 1, read_into: 2 }[mode];
    const atSeconds = Math.floor(at.getTime() / 1000);
    const jsSide = () => {
      const start = kbench.cpu();
      for (let i = 0; i < reps; i++) {
        if (cMode === 0) {
          const s = kartla.Share.openFile(bundle, agency);
          s.section(SECTION, at);
          s.close();
        } else if (cMode === 1) {
          share.section(SECTION, at);
        } else {
          share.sectionInto(SECTION, jsBuffer, at);
        }
      }
      return (kbench.cpu() - start) / reps;
    };
    const cSide = () => {
      const seconds = kbench.read(raw(agency), raw(share), bundle, SECTION, atSeconds, cMode, reps, cBuffer, capacity);
      if (seconds < 0) throw new Error("the C side failed");
      return seconds / reps;
    };
    jsSide();
    cSide(); // warm-up: page cache, first faults, the allocator, the JIT
    const js = [];
    const c = [];
    for (let r = 0; r < rounds; r++) {
      if (r % 2) {
        js.push(jsSide());
        c.push(cSide());
      } else {
        c.push(cSide());
        js.push(jsSide());
      }
    }
    return [median(js), median(c)];
  } finally {
    share.close();
  }
}

const { values } = parseArgs({ options: {
  smoke: { type: "boolean", default: false },
  rounds: { type: "string", default: "9" },
  sizes: { type: "string", default: "1K,64M" },
} });
const wanted = values.sizes.split(",");
let sizes = new Map([[1024, 400], [64 << 20, 3]].filter(([size]) =>
  wanted.includes(`${size >> 20}M`) || wanted.includes(`${size >> 10}K`)));
let rounds = Number(values.rounds);
if (values.smoke) {
  sizes = new Map([[1024, 2], [64 << 10, 2]]);
  rounds = 2;
}
const workdir = fs.mkdtempSync(path.join(os.tmpdir(), "kartla-nodebench-"));
try {
  const kbench = nativeLibrary(workdir);
  const { agencyPath, bundles, at } = await prepare(workdir, [...sizes.keys()]);
  console.log(`kartla ${kartla.version()} (${kartla.libraryPath}), Node ${process.version}, ${os.arch()}, `
    + `${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`);
  console.log(`${"size".padStart(8)} ${"operation".padEnd(10)} ${"node".padStart(12)} ${"C".padStart(12)} ${"ratio".padStart(7)}`);
  const agency = await kartla.Identity.openFile(agencyPath, PASSPHRASE());
  try {
    for (const [size, reps] of sizes) {
      for (const mode of ["open+read", "read", "read_into"]) {
        const [js, c] = measure(kbench, agency, bundles.get(size), at, mode, reps, rounds);
        const label = size >= 1 << 20 ? `${size >> 20} MiB` : `${size >> 10} KiB`;
        console.log(`${label.padStart(8)} ${mode.padEnd(10)} ${(js * 1e6).toFixed(1).padStart(10)}us `
          + `${(c * 1e6).toFixed(1).padStart(10)}us ${(js / c).toFixed(2).padStart(6)}x`);
      }
    }
  } finally {
    agency.close();
  }
} finally {
  fs.rmSync(workdir, { recursive: true, force: true });
}
