// SPDX-License-Identifier: Apache-2.0
// npm's `prepack` step: puts the packaged libkartla.so.1 (bindings/native/README.md: protobuf,
// libsodium and the C++ runtime inside, needing only the C library) into
// native/<platform>-<arch>/, so that the tarball `npm pack` makes runs on a machine without Kartla.
//
//   KARTLA_LIBRARY=/abs/libkartla.so.1 npm pack     (default: ../../build/release/packaged)
//
// Refuses a library that needs any other shared library (the ordinary build links Debian's
// libprotobuf and libsodium: a tarball carrying it would run only where those are installed).

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = process.env.KARTLA_LIBRARY
  ?? path.resolve(here, "..", "..", "build", "release", "packaged", "libkartla.so.1");
if (!fs.existsSync(source)) {
  console.error(`stage-library: no ${source}: build it with \`bash .ci/package build/release\`, or set KARTLA_LIBRARY`);
  process.exit(1);
}
const needed = [...execFileSync("readelf", ["-d", source], { encoding: "utf8" }).matchAll(/\(NEEDED\).*\[(.+)\]/g)]
  .map((m) => m[1]);
const foreign = needed.filter((lib) => !/^(libc\.so\.6|ld-linux-[a-z0-9-]+\.so\.\d|libm\.so\.6)$/.test(lib));
if (foreign.length > 0) {
  console.error(`stage-library: ${source} needs ${foreign.join(", ")}: not the packaged library`);
  process.exit(1);
}
const target = path.join(here, "native", `${process.platform}-${process.arch}`);
fs.rmSync(path.join(here, "native"), { recursive: true, force: true });
fs.mkdirSync(target, { recursive: true });
fs.copyFileSync(fs.realpathSync(source), path.join(target, "libkartla.so.1"));
console.error(`stage-library: ${source} -> ${path.relative(here, target)}/libkartla.so.1`);
