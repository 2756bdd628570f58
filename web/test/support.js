// SPDX-License-Identifier: Apache-2.0
// Shared by the node --test files: the built module, the repository's files, hex.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..');
// The core and its API as web/build.sh left them for Node (KARTLA_WEB_LIB overrides the folder).
const lib = process.env.KARTLA_WEB_LIB || path.join(repo, 'build', 'web', 'lib');

let loaded;
// One instance per test file: Argon2id's memory stays in the module's heap once grown.
function kartla() {
  if (!loaded) {
    const createKartlaModule = require(path.join(lib, 'kartla.js'));
    const { load } = require(path.join(lib, 'kartla-api.js'));
    loaded = load(createKartlaModule);
  }
  return loaded;
}

const readJSON = (rel) => JSON.parse(fs.readFileSync(path.join(repo, rel), 'utf8'));
const hex = (s) => Uint8Array.from(Buffer.from(s, 'hex'));
const statusOf = (fn) => {
  try {
    fn();
    return 'OK';
  } catch (e) {
    if (e.name !== 'KartlaError') throw e;
    return e.status;
  }
};

module.exports = { repo, lib, kartla, readJSON, hex, statusOf };
