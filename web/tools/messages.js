// SPDX-License-Identifier: Apache-2.0
// The message catalogue's source side: every msgid the page uses, found where it is used
// (t(), N_() and problem() calls in web/app/*.js, data-i18n attributes in web/app/index.html),
// and the .po files of web/i18n read with gettext-parser. Shared by compile-catalogue.js,
// `node web/tools/messages.js --write-pot` and the catalogue test.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { po } = require('gettext-parser');

const web = path.resolve(__dirname, '..');
const i18n = path.join(web, 'i18n');
const potFile = path.join(i18n, 'kartla-web.pot');

// Undoes the escapes a msgid can hold in JS string literals and in HTML attribute values.
const unescapeJs = (s) => s.replace(/\\(['"\\])/g, '$1');
const unescapeHtml = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&amp;/g, '&');

// -> [{ msgid, reference }] in order of first use.
function usedMessages() {
  const found = new Map();
  const add = (msgid, reference) => { if (!found.has(msgid)) found.set(msgid, reference); };
  const app = path.join(web, 'app');
  for (const name of fs.readdirSync(app).filter((f) => f.endsWith('.js')).sort()) {
    const text = fs.readFileSync(path.join(app, name), 'utf8');
    const call = /\b(?:t|N_|problem)\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;
    for (const m of text.matchAll(call)) {
      const line = text.slice(0, m.index).split('\n').length;
      add(unescapeJs(m[1] !== undefined ? m[1] : m[2]), `web/app/${name}:${line}`);
    }
  }
  const html = fs.readFileSync(path.join(app, 'index.html'), 'utf8');
  for (const m of html.matchAll(/data-i18n="([^"]*)"/g)) {
    add(unescapeHtml(m[1]), `web/app/index.html:${html.slice(0, m.index).split('\n').length}`);
  }
  return [...found].map(([msgid, reference]) => ({ msgid, reference }));
}

// -> the translations of one .po file: { headers, entries: [{ msgid, msgstr, comments }] }
function readPo(file) {
  const parsed = po.parse(fs.readFileSync(file));
  const entries = [];
  for (const [context, messages] of Object.entries(parsed.translations)) {
    for (const [msgid, m] of Object.entries(messages)) {
      if (msgid === '' && context === '') continue; // the header
      entries.push({ msgid, msgstr: m.msgstr[0] || '', context, comments: m.comments || {} });
    }
  }
  return { headers: parsed.headers, entries };
}

function languageFiles() {
  return fs.readdirSync(i18n).filter((f) => f.endsWith('.po')).sort().map((f) => path.join(i18n, f));
}

function potText(messages) {
  const translations = { '': { '': { msgid: '', msgstr: ['Content-Type: text/plain; charset=UTF-8\n'] } } };
  for (const { msgid, reference } of messages) {
    translations[''][msgid] = { msgid, msgstr: [''], comments: { reference } };
  }
  return po.compile({ charset: 'utf-8', headers: { 'Content-Type': 'text/plain; charset=UTF-8' }, translations },
    { foldLength: 0 }).toString('utf8') + '\n';
}

if (require.main === module && process.argv[2] === '--write-pot') {
  fs.writeFileSync(potFile, potText(usedMessages()));
}

module.exports = { usedMessages, readPo, languageFiles, potFile, potText };
