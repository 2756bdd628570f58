// SPDX-License-Identifier: Apache-2.0
// An agency system opening a share bundle through the Node binding: unlock the agency's identity
// (off the event loop), open the bundle (the owner's signature and the grant are checked here),
// refuse an older copy than one already seen, list what the participant shared, and read one
// section as a typed message (its hash, key commitment, binding and the grant's expiry are
// checked on that call).
//
//   node agency_open_bundle.mjs BUNDLE AGENCY_ID [LAST_SEEN]   # passphrase: $KARTLA_PASSPHRASE
//   node agency_open_bundle.mjs --demo DIR   # plays the participant first, in DIR, then reads
//
// bindings/node/README.md shows the function below; bindings/node/test/example.test.js runs this
// file and checks that the README shows it as it is here.

import path from "node:path";

// --- example: an agency reads one shared section ---
import { Identity, Share, wipe } from "kartla";
import { LanguagesSchema } from "kartla/v1";

async function agencyReads(bundle, agencyId, passphrase, lastSeen = 0) {
  const agency = await Identity.openFile(agencyId, passphrase)   // off the event loop; AuthError
    .finally(() => wipe(passphrase));        // unlocked or not, the passphrase can go
  const share = Share.openFile(bundle, agency);
  try {
    share.checkLastSeen(lastSeen);           // RollbackError: an older copy than one seen
    for (const g of share.describe().grants) {   // what was shared with us, why, until when
      console.log(`${g.section} ${g.purpose} ${g.gdprArt6Basis} ${g.expiresAt}`);
    }
    return share.read(LanguagesSchema);      // NotSharedError, ExpiredError, ...: a KartlaError
  } finally {
    share.close();                           // closes the file, wipes the keys
    agency.close();
  }
}
// --- end of example ---

import { Record, KartlaError } from "kartla";

const LANGUAGES_JSON = `{"entries": [{"id": "lang-sv", "language": {"system": "iso-639-1", "code": "sv"},
  "listening": {"system": "cefr", "code": "B1"}, "reading": {"system": "cefr", "code": "B1"},
  "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-05-02T09:00:00Z"}}]}`;
const PROFILE_JSON = `{"given_name": "Amina", "family_name": "Rahimi",
  "assertion": {"source": "SELF_REPORTED", "asserted_at": "2025-05-02T09:00:00Z"}}`;
const utf8 = (text) => new TextEncoder().encode(text);

/** The participant's side, so that the example runs on its own (cheapest Argon2id: a demo). */
async function demo(folder) {
  const kdf = { kdfMemlimitMib: 64, kdfOpslimit: 3 };
  const owner = await Identity.create(utf8("participant's passphrase"), kdf);
  const agency = await Identity.createAgency(
    { name: "Landskrona stad", organisationNumber: "212000-1140", role: "municipal_labour_unit" },
    utf8("agency passphrase"), kdf);
  wipe(owner.recoveryCode);
  wipe(agency.recoveryCode);
  const record = Record.create(owner.identity);
  try {
    agency.identity.save(path.join(folder, "agency.id"));
    record.setSectionJson("languages", LANGUAGES_JSON);
    record.setSectionJson("profile", PROFILE_JSON);
    const expiresAt = new Date(Date.now() + 30 * 86400 * 1000);
    const grant = record.share(agency.identity.card, ["languages"], { purpose: "Kartläggning", expiresAt });
    record.save(path.join(folder, "record.kartla"));
    record.exportBundle(grant, path.join(folder, "bundle.kartla"));
  } finally {
    record.close();
    owner.identity.close();
    agency.identity.close();
  }
  return agencyReads(path.join(folder, "bundle.kartla"), path.join(folder, "agency.id"), utf8("agency passphrase"));
}

async function main(argv) {
  let languages;
  if (argv.length === 2 && argv[0] === "--demo") {
    languages = await demo(argv[1]);
  } else if (argv.length === 2 || argv.length === 3) {
    languages = await agencyReads(argv[0], argv[1], utf8(process.env.KARTLA_PASSPHRASE ?? ""), Number(argv[2] ?? 0));
  } else {
    console.error("usage: node agency_open_bundle.mjs BUNDLE AGENCY_ID [LAST_SEEN] | --demo DIR");
    return 2;
  }
  for (const entry of languages.entries) console.log(entry.id, entry.language.code, entry.listening.code);
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof KartlaError)) throw e;
  console.error(`agency_open_bundle: ${e.statusName}: ${e.detail}`);
  process.exitCode = 1;
}
