// SPDX-License-Identifier: Apache-2.0
// The Kartla core, in a Web Worker: every call into the WebAssembly (Argon2id above all, which
// takes seconds on a phone) runs here, so the page stays responsive and can show progress.
// The page posts { id, op, args } and gets { id, result } or { id, error: { status, detail } }.
// This file is bundled with kartla.js and kartla-api.js into one script by web/tools/assemble-app
// and started from a Blob, because a page opened by file path may not start a worker from a file.
/* global createKartlaModule, KartlaApi */
'use strict';

let k; // the API, once the module is loaded
let owner = null; // the unlocked owner identity
let record = null; // the open record

// The ledger is shown as the list of who has what (the share screen), not as text.
const SHOWN_AS_A_LIST = new Set(['sharing_ledger']);

function recordView(language) {
  const names = k.sectionNames().filter((n) => record.hasSection(n));
  const texts = {};
  const special = {};
  for (const name of names) {
    if (!SHOWN_AS_A_LIST.has(name)) texts[name] = record.showText(name, { language });
    special[name] = record.isSpecial(name);
  }
  let progressSvg = '';
  if (record.hasSection('progress')) progressSvg = record.progressSvg({ language });
  let ledger = { grants: [] };
  if (record.hasSection('sharing_ledger')) ledger = JSON.parse(record.sectionJson('sharing_ledger'));
  return { id: record.id(), sequence: Number(record.sequence()), sections: names, texts, special, progressSvg, ledger };
}

// The Argon2id cost a passphrase set in the page gets: RFC 9106's second recommendation (64 MiB,
// 3 passes), which is also the library's floor. An older phone's browser derives it in seconds;
// the library's 256 MiB default can fail there for want of memory.
const PHONE_COST = { opslimit: 3, memlimitMib: 64 };

const ops = {
  version: () => k.version(),
  unlock({ identity, passphrase }) {
    if (owner) owner.close();
    owner = k.Identity.open(identity, passphrase);
    return { fingerprint: owner.fingerprint() };
  },
  // The recovery code unlocks; the new passphrase then locks the file again at the phone's cost,
  // whatever cost the file had: a file made on a desktop (256 MiB by default) may not unlock on
  // the phone the person now uses.
  recover({ identity, code, newPassphrase }) {
    const recovered = k.Identity.recover(identity, code);
    try {
      recovered.setPassphrase(newPassphrase, PHONE_COST);
    } catch (e) {
      recovered.close();
      throw e;
    }
    if (owner) owner.close();
    owner = recovered;
    return { fingerprint: owner.fingerprint(), identity: owner.fileBytes() };
  },
  openRecord({ bytes, language }) {
    if (record) record.close();
    record = k.Record.open(bytes, owner);
    return recordView(language);
  },
  view({ language }) { return recordView(language); },
  describeCard({ card }) { return k.cardDescribe(card); },
  // Grants, saves the next version and exports the bundle: the files the person keeps.
  share({ card, sections, purpose, expiresAt, art9, language }) {
    const grantId = record.share(card, sections, { purpose, expiresAt, gdprArt9Basis: art9 || null });
    const recordBytes = record.save();
    const bundle = record.exportBundle(grantId);
    return { grantId, record: recordBytes, bundle, view: recordView(language) };
  },
  revoke({ card, language }) {
    const summary = record.revoke(card, 0);
    const recordBytes = record.save();
    return { summary, record: recordBytes, view: recordView(language) };
  },
  // The self-rating form: the indicators of the record's own instruments (progress section) that
  // the participant may score, unless they are per goal (GAS), a professional's, or health data.
  ratingForm() {
    if (!record.hasSection('progress')) return { instruments: [] };
    const progress = JSON.parse(record.sectionJson('progress'));
    const instruments = (progress.instruments || []).filter((i) => !i.health_data).map((i) => ({
      id: i.id, version: i.version, title: i.title,
      indicators: (i.indicators || []).filter((x) => !x.per_target && x.rater !== 'PROFESSIONAL'),
    })).filter((i) => i.indicators.length > 0);
    return { instruments };
  },
  // Adds the participant's own assessment to the progress section and saves the next version.
  addRating({ instrument, version, scores, language }) {
    const progress = JSON.parse(record.sectionJson('progress'));
    const now = new Date();
    const at = `${now.toISOString().slice(0, 19)}Z`;
    progress.entries = progress.entries || [];
    progress.entries.push({
      id: `self-${now.getTime()}`,
      instrument: { id: instrument, version },
      assessed_at: at,
      respondent: 'RESPONDENT_PARTICIPANT',
      scores,
      assertion: { source: 'SELF_REPORTED', asserted_at: at },
    });
    record.setSectionJson('progress', JSON.stringify(progress));
    return { record: record.save(), view: recordView(language) };
  },
  // An agency's contribution: who sent it, which part it adds to, and the entry as the core's view
  // shows it (in a record of its own, never saved, holding only that entry).
  describeContribution({ bytes, language }) {
    const d = k.contributionDescribe(owner, bytes, record.id(), 0);
    const preview = k.Record.create(owner);
    try {
      preview.setSectionJson(d.section, JSON.stringify(d.content[d.section]));
      return { sender: d.sender, section: d.section, text: preview.showText(d.section, { language }) };
    } finally {
      preview.close();
    }
  },
  acceptContribution({ bytes, language }) {
    const added = record.acceptContribution(owner, bytes, 0);
    const recordBytes = added ? record.save() : null;
    return { added, record: recordBytes, view: recordView(language) };
  },
  // Caseworker mode: an agency identity opens a bundle and reads it as text.
  readShare({ bundle, identity, passphrase, language }) {
    const agency = k.Identity.open(identity, passphrase);
    try {
      const share = k.Share.open(bundle, agency);
      try {
        return { description: share.describe(), text: share.showText(null, 0, { language }) };
      } finally {
        share.close();
      }
    } finally {
      agency.close();
    }
  },
  close() {
    if (record) record.close();
    if (owner) owner.close();
    record = owner = null;
  },
};

let ready = null;
self.onmessage = async (event) => {
  const { id, op, args } = event.data;
  try {
    if (!ready) ready = KartlaApi.load(createKartlaModule);
    k = await ready;
    if (!Object.prototype.hasOwnProperty.call(ops, op)) throw new Error(`unknown operation ${op}`);
    self.postMessage({ id, result: ops[op](args || {}) });
  } catch (e) {
    self.postMessage({ id, error: { status: e.status || 'E_INTERNAL', detail: e.detail || String(e.message || e) } });
  }
};
