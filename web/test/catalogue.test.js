// SPDX-License-Identifier: Apache-2.0
// The message catalogue (web/i18n, README.md there): every message the page uses is in the
// template and translated in every language, with the same {placeholders}; nothing stale is
// left; machine-made translations say so. The compile step refuses a missing or empty message.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { usedMessages, readPo, potFile } = require('../tools/messages');
const { compile, linguas } = require('../tools/compile-catalogue');

const i18n = path.resolve(__dirname, '..', 'i18n');
const used = usedMessages().map((m) => m.msgid);
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const MACHINE = 'machine translation, not checked by a native speaker';

// The msgids in order; the references' line numbers may lag behind edits without harm.
test('the template holds exactly the messages the page uses', () => {
  assert.ok(used.length > 50);
  assert.deepEqual(readPo(potFile).entries.map((e) => e.msgid), used,
    'web/i18n/kartla-web.pot is stale: run node web/tools/messages.js --write-pot');
});

test('the seven languages of the brief are there, Arabic and Dari right to left', () => {
  const { languages } = compile();
  assert.deepEqual(languages.map((l) => l.code).sort(), ['ar', 'en', 'fa-AF', 'fi', 'so', 'sv', 'ti']);
  for (const l of languages) assert.equal(l.dir, ['ar', 'fa-AF'].includes(l.code) ? 'rtl' : 'ltr', l.code);
});

for (const name of linguas()) {
  test(`${name}.po translates every message, keeps its placeholders, holds nothing stale`, () => {
    const { entries } = readPo(path.join(i18n, `${name}.po`));
    const byId = new Map(entries.map((e) => [e.msgid, e]));
    for (const msgid of used) {
      const e = byId.get(msgid);
      assert.ok(e && e.msgstr.trim(), `${name}.po: "${msgid}" is not translated`);
      assert.deepEqual(placeholders(e.msgstr), placeholders(msgid), `${name}.po: placeholders of "${msgid}"`);
      if (name !== 'en') assert.equal(e.comments.translator, MACHINE, `${name}.po: "${msgid}" must say who translated it`);
    }
    const stale = entries.filter((e) => !used.includes(e.msgid)).map((e) => e.msgid);
    assert.deepEqual(stale, [], `${name}.po: messages the page no longer uses`);
  });
}

test('compiling refuses a catalogue with a missing or empty message', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartla-i18n-'));
  try {
    for (const f of fs.readdirSync(i18n)) fs.copyFileSync(path.join(i18n, f), path.join(dir, f));
    compile(dir); // as copied: fine
    const victim = path.join(dir, 'so.po');
    const text = fs.readFileSync(victim, 'utf8');
    const emptied = text.replace(/(msgid "Stop sharing"\nmsgstr )"[^"]*"/, '$1""');
    assert.notEqual(emptied, text);
    fs.writeFileSync(victim, emptied);
    assert.throws(() => compile(dir), /so\.po: no translation of "Stop sharing"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
