// SPDX-License-Identifier: Apache-2.0
// A small world for the tests that are not the scenario: an owner, an agency, a saved record
// with three sections, two of them shared, and the agency's bundle, in a fresh folder.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as kartla from "../lib/index.js";
import { REPO, utf8 } from "./support.js";

export const KDF = { kdfMemlimitMib: 64, kdfOpslimit: 3 };
export const NOW = new Date(1767225600 * 1000);
export const READ_AT = new Date((1767225600 + 86400) * 1000);
export const SHARED = ["profile", "languages"];
export const AGENCY = { name: "Valideringscentrum Skåne", organisationNumber: "212000-1140", role: "validation_provider" };

export async function makeWorld() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kartla-node-"));
  const owner = (await kartla.Identity.create(utf8("ägarens lösenfras"), KDF)).identity;
  const agencyPassphrase = utf8("byråns lösenfras");
  const agency = (await kartla.Identity.createAgency(AGENCY, agencyPassphrase, KDF)).identity;
  const record = kartla.Record.create(owner);
  record.setClock(NOW);
  const content = new Map();
  for (const name of [...SHARED, "education"]) {
    record.setSectionJson(name, fs.readFileSync(path.join(REPO, "examples", "sections", `${name}.json`), "utf8"));
    content.set(name, record.section(name));
  }
  const recordPath = path.join(dir, "record.kartla");
  record.save(recordPath);
  const grantId = record.share(agency.card, SHARED, { purpose: "Kartläggning", now: NOW });
  record.save(recordPath);
  const bundlePath = path.join(dir, "bundle.kartla");
  record.exportBundle(grantId, bundlePath);
  const agencyPath = path.join(dir, "agency.kartla-id");
  agency.save(agencyPath);
  return {
    dir, owner, agency, agencyPath, agencyPassphrase, record, recordPath, bundlePath, content,
    bundle: new Uint8Array(fs.readFileSync(bundlePath)),
    close() {
      owner.close();
      agency.close();
      record.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
