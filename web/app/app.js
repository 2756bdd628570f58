// SPDX-License-Identifier: Apache-2.0
// The participant's page: screens, the message catalogue and the worker that runs the Kartla
// core. Every text a person reads is a msgid of web/i18n/*.po (t() and N_() here, data-i18n in
// index.html); the record's own text comes from the core's views.
/* global KARTLA_CATALOGUES, KARTLA_WORKER_SOURCE */
'use strict';

(function () {
  const LANGUAGE_KEY = 'kartla.language';
  const $ = (id) => document.getElementById(id);

  // --- Messages -------------------------------------------------------------------------------
  const N_ = (msgid) => msgid; // marks a msgid for the catalogue; translated where shown
  let language = 'en';

  // t(msgid, { name: value }) -> the message in the chosen language, each {name} replaced.
  function t(msgid, params) {
    const catalogue = KARTLA_CATALOGUES.messages[language] || {};
    const text = catalogue[msgid] || msgid;
    return text.replace(/\{(\w+)\}/g, (all, name) => (params && name in params ? String(params[name]) : all));
  }

  function translatePage() {
    const meta = KARTLA_CATALOGUES.languages.find((l) => l.code === language);
    document.documentElement.lang = language;
    document.documentElement.dir = meta ? meta.dir : 'ltr';
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  }

  const SECTION_LABELS = {
    profile: N_('About me'),
    education: N_('Education'),
    work_experience: N_('Work'),
    competences: N_('What I can do'),
    languages: N_('Languages'),
    action_plan: N_('My plan'),
    interventions: N_('Activities and support'),
    documents: N_('Documents'),
    progress: N_('My progress'),
    work_ability: N_('Health and work ability'),
    notes: N_('Notes'),
    sharing_ledger: N_('Who I share with'),
    programme_followup: N_('Follow-up for my programme'),
  };
  const sectionLabel = (name) => (SECTION_LABELS[name] ? t(SECTION_LABELS[name]) : name);

  // GDPR Art. 9(2) grounds a person can choose for health information, in plain words.
  const ART9_GROUNDS = [
    ['9.2.a', N_('I agree that the agency may read my health information (explicit consent)')],
    ['9.2.b', N_('The agency needs it to follow the law on work and social insurance')],
    ['9.2.h', N_('For health care, rehabilitation or social care')],
  ];

  // The failures a person can do something about, in plain words.
  const STATUS_MESSAGES = {
    E_AUTH: N_('That did not work. Check the passphrase or the code and try again.'),
    E_FORMAT: N_('This file cannot be read. Is it the right file?'),
    E_SIGNATURE: N_('This file has been changed by someone. Do not trust it.'),
    E_INTEGRITY: N_('This file has been changed by someone. Do not trust it.'),
    E_NOT_SHARED: N_('Nothing in this file is shared with this agency.'),
    E_EXPIRED: N_('This share has ended.'),
    E_ROLLBACK: N_('This is an older copy of the record than one you have already opened.'),
    E_INVALID_ARGUMENT: N_('Something is missing or wrong in what you filled in.'),
  };

  // --- The worker -----------------------------------------------------------------------------
  const worker = new Worker(URL.createObjectURL(new Blob([KARTLA_WORKER_SOURCE], { type: 'text/javascript' })));
  const pending = new Map();
  let nextId = 1;
  worker.onmessage = (event) => {
    const { id, result, error } = event.data;
    const p = pending.get(id);
    pending.delete(id);
    if (error) p.reject(Object.assign(new Error(error.detail), error));
    else p.resolve(result);
  };
  function call(op, args) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
  }

  // Runs a slow call with the progress indicator showing the seconds that pass.
  async function busy(promise) {
    const started = Date.now();
    $('busy').hidden = false;
    $('busy-seconds').textContent = '';
    const timer = setInterval(() => {
      $('busy-seconds').textContent = t('{seconds} s', { seconds: Math.round((Date.now() - started) / 1000) });
    }, 500);
    try {
      return await promise;
    } finally {
      clearInterval(timer);
      $('busy').hidden = true;
    }
  }

  // A mistake in what the person filled in, said in plain words (no call was made).
  function problem(msgid) { return { plain: t(msgid) }; }

  function showError(e) {
    const known = e && STATUS_MESSAGES[e.status];
    if (e && e.plain) $('message').textContent = e.plain;
    else if (known) $('message').textContent = t(known);
    else $('message').textContent = t('Something went wrong: {detail}', { detail: (e && (e.detail || e.message)) || '' });
    $('message').hidden = false;
  }
  function clearError() { $('message').hidden = true; }
  // What just happened and what to do next, after an action that worked; with `record`, a button
  // saves that record file (a second download in one click is blocked by browsers, so the
  // share's second file waits for its own click).
  let recordToSave = null;
  function showNotice(text, record) {
    $('notice-text').textContent = text;
    recordToSave = record || null;
    $('save-record').hidden = !recordToSave;
    $('notice').hidden = false;
  }
  $('save-record').addEventListener('click', () => download(recordToSave, 'record.kartla'));

  // Every button that calls the core: errors become a plain message.
  function action(fn) {
    return async (event) => {
      if (event) event.preventDefault();
      clearError();
      try {
        await fn(event);
      } catch (e) {
        showError(e);
      }
    };
  }

  // --- Screens --------------------------------------------------------------------------------
  function show(screen) {
    for (const s of document.querySelectorAll('.screen')) s.hidden = s.id !== `screen-${screen}`;
    clearError();
    $('notice').hidden = true;
    window.scrollTo(0, 0);
    const heading = document.querySelector(`#screen-${screen} h2`);
    if (heading) { heading.tabIndex = -1; heading.focus(); }
  }

  async function chooseLanguage(code) {
    language = code;
    try { localStorage.setItem(LANGUAGE_KEY, code); } catch (e) { /* private mode: not remembered */ }
    translatePage();
    if (state.view) {
      state.view = await call('view', { language }); // the core's labels in the new language
      renderRecord();
    }
    show(state.view ? 'record' : 'start');
  }

  function renderLanguages() {
    const list = $('language-list');
    list.textContent = '';
    for (const l of KARTLA_CATALOGUES.languages) {
      const b = document.createElement('button');
      b.type = 'button';
      b.lang = l.code;
      b.dir = l.dir;
      b.textContent = l.name;
      b.dataset.language = l.code;
      b.addEventListener('click', action(() => chooseLanguage(l.code)));
      list.appendChild(b);
    }
  }

  // --- Files ----------------------------------------------------------------------------------
  // A file input's own button and "no file chosen" are the browser's words, in the browser's
  // language, not the page's. Each input is therefore visually hidden (still in the page, still
  // labelled, and what scripts and tests set files on) and a button of ours, in the page's
  // language, opens it; the chosen file's name shows beside the button and is read out.
  function fileButtons() {
    for (const input of document.querySelectorAll('input[type="file"]')) {
      input.classList.add('visually-hidden');
      input.tabIndex = -1; // the button below is the one control a keyboard reaches
      const row = document.createElement('div');
      row.className = 'file-row';
      const button = document.createElement('button');
      button.type = 'button';
      button.id = `${input.id}-button`;
      button.className = 'file-button';
      button.dataset.i18n = N_('Choose file');
      button.textContent = t('Choose file');
      const name = document.createElement('span');
      name.id = `${input.id}-name`;
      name.className = 'file-name';
      name.dataset.i18n = N_('No file chosen');
      name.textContent = t('No file chosen');
      name.setAttribute('aria-live', 'polite');
      // Read as "Choose file, Your record file (ends in .kartla), No file chosen".
      const label = document.querySelector(`label[for="${input.id}"]`);
      if (!label.id) label.id = `${input.id}-label`;
      button.setAttribute('aria-labelledby', `${button.id} ${label.id}`);
      button.setAttribute('aria-describedby', name.id);
      button.addEventListener('click', () => input.click());
      row.append(button, name);
      input.after(row);
    }
  }
  fileButtons();

  // Shows the chosen file's name (or that there is none) beside its button.
  function showChosen(id, fileName) {
    const name = $(`${id}-name`);
    if (fileName) {
      delete name.dataset.i18n; // a file's name is not translated when the language changes
      name.textContent = fileName;
      document.querySelector(`label[for="${id}"]`).dataset.chosen = fileName;
    } else {
      name.dataset.i18n = N_('No file chosen');
      name.textContent = t('No file chosen');
      delete document.querySelector(`label[for="${id}"]`).dataset.chosen;
    }
  }

  const files = {}; // input id -> Uint8Array
  async function readFile(input) {
    const file = input.files && input.files[0];
    files[input.id] = file ? new Uint8Array(await file.arrayBuffer()) : undefined;
  }
  for (const input of document.querySelectorAll('input[type="file"]')) {
    input.addEventListener('change', () => showChosen(input.id, input.files && input.files[0] && input.files[0].name));
  }
  for (const id of ['record-file', 'identity-file', 'bundle-file', 'agency-identity-file']) {
    $(id).addEventListener('change', () => readFile($(id)));
  }
  // Dropped files: the one ending in .id is the identity, anything else the record.
  const drop = $('drop-open');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    for (const file of e.dataTransfer.files) {
      const key = /\.id$/i.test(file.name) ? 'identity-file' : 'record-file';
      files[key] = new Uint8Array(await file.arrayBuffer());
      showChosen(key, file.name);
    }
  });

  function download(bytes, name) {
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function requireFiles(...ids) {
    for (const id of ids) {
      if (!files[id]) throw problem('Choose the files first.');
    }
  }

  // --- The participant ------------------------------------------------------------------------
  const state = { view: null, newIdentity: null };

  async function openRecord() {
    state.view = await busy(call('openRecord', { bytes: files['record-file'], language }));
    renderRecord();
    show('record');
  }

  $('unlock-form').addEventListener('submit', action(async () => {
    requireFiles('record-file', 'identity-file');
    await busy(call('unlock', { identity: files['identity-file'], passphrase: $('passphrase').value }));
    $('passphrase').value = '';
    state.newIdentity = null;
    await openRecord();
  }));

  $('recover-form').addEventListener('submit', action(async () => {
    requireFiles('record-file', 'identity-file');
    const fresh = $('new-passphrase').value;
    if (!fresh || fresh !== $('new-passphrase-again').value) {
      throw problem('The two new passphrases are not the same.');
    }
    const result = await busy(call('recover', {
      identity: files['identity-file'], code: $('recovery-code').value, newPassphrase: fresh,
    }));
    for (const id of ['recovery-code', 'new-passphrase', 'new-passphrase-again']) $(id).value = '';
    state.newIdentity = result.identity;
    await openRecord();
  }));

  $('save-identity').addEventListener('click', () => download(state.newIdentity, 'identity.id'));

  function svgImage(svg) {
    const img = document.createElement('img');
    img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
    img.alt = t('A chart of my progress over time');
    img.className = 'chart';
    return img;
  }

  // The core's text view marks each section's title as a heading: a line at the left margin with a
  // line of "=" under it (src/views/readable.cpp; every line of content is indented, so an entry
  // cannot pass for one). viewNodes turns the text into headings of `level` and runs of text, in
  // order; with `level` 0 the headings are left out (the page already shows the section's name).
  function viewNodes(text, level) {
    const nodes = [];
    let run = [];
    const flush = () => {
      while (run.length && run[run.length - 1] === '') run.pop();
      while (run.length && run[0] === '') run.shift();
      if (run.length) {
        const pre = document.createElement('pre');
        pre.className = 'view-text';
        // The page's direction, not 'auto': with 'auto' every line picks its own, so in Arabic a
        // list line holding only a Swedish word ("- svenska") jumps to the left margin.
        pre.dir = document.documentElement.dir || 'ltr';
        pre.textContent = run.join('\n');
        nodes.push(pre);
      }
      run = [];
    };
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const next = lines[i + 1];
      if (line !== '' && !line.startsWith(' ') && next !== undefined && /^=+$/.test(next)) {
        flush();
        if (level) {
          const h = document.createElement(`h${level}`);
          h.className = 'view-heading';
          h.dir = 'auto';
          h.textContent = line;
          nodes.push(h);
        }
        i++;
        continue;
      }
      run.push(line);
    }
    flush();
    return nodes;
  }

  // Each section folds open on its own, so a phone shows the list of parts first; the first is open.
  function renderRecord() {
    const v = state.view;
    $('new-identity-note').hidden = !state.newIdentity;
    const out = $('record-sections');
    out.textContent = '';
    for (const name of v.sections) {
      if (!(name in v.texts)) continue;
      const section = document.createElement('details');
      section.className = 'record-section';
      section.dataset.section = name;
      section.open = out.childElementCount === 0;
      const summary = document.createElement('summary');
      const h = document.createElement('h3');
      h.textContent = sectionLabel(name);
      summary.appendChild(h);
      section.appendChild(summary);
      if (name === 'progress' && v.progressSvg) section.appendChild(svgImage(v.progressSvg));
      for (const node of viewNodes(v.texts[name], 0)) section.appendChild(node);
      out.appendChild(section);
    }
  }

  // --- Sharing --------------------------------------------------------------------------------
  let card = null;
  $('card-file').addEventListener('change', action(async () => {
    await readFile($('card-file'));
    card = null;
    $('card-name').textContent = '';
    if (!files['card-file']) return;
    const d = await call('describeCard', { card: files['card-file'] });
    if (d.kind !== 'agency') throw problem('This is not an agency card.');
    card = files['card-file'];
    $('card-name').textContent = t('Agency: {name} (check this code with them: {fingerprint})',
      { name: d.name, fingerprint: d.fingerprint });
  }));

  function renderShareForm() {
    const list = $('share-sections');
    list.textContent = '';
    for (const name of state.view.sections) {
      // The follow-up section goes only to the programme's project owner, under the legal basis of
      // its reporting duty (GDPR Art. 6(1)(c) or (e), docs/MODEL.md), which this form does not
      // offer: the caseworker shares it with `kartla share --art6-basis`.
      if (name === 'sharing_ledger' || name === 'programme_followup') continue;
      const label = document.createElement('label');
      label.className = 'check';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = name;
      box.checked = false; // nothing is ever ticked for the person, least of all health data
      box.dataset.special = state.view.special[name] ? '1' : '0';
      box.addEventListener('change', updateArt9);
      label.appendChild(box);
      label.appendChild(document.createTextNode(` ${sectionLabel(name)}`));
      if (state.view.special[name]) {
        const note = document.createElement('span');
        note.className = 'special';
        note.textContent = ` ${t('(health information)')}`;
        label.appendChild(note);
      }
      list.appendChild(label);
    }
    const grounds = $('art9-choices');
    grounds.textContent = '';
    for (const [code, text] of ART9_GROUNDS) {
      const label = document.createElement('label');
      label.className = 'check';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'art9';
      radio.value = code;
      label.appendChild(radio);
      label.appendChild(document.createTextNode(` ${t(text)}`));
      grounds.appendChild(label);
    }
    updateArt9();
  }
  function ticked() { return [...$('share-sections').querySelectorAll('input:checked')]; }
  function updateArt9() { $('art9').hidden = !ticked().some((b) => b.dataset.special === '1'); }

  $('share-form').addEventListener('submit', action(async () => {
    if (!card) throw problem("Choose the agency's card file first.");
    const sections = ticked().map((b) => b.value);
    if (sections.length === 0) throw problem('Tick at least one part of your record.');
    const purpose = $('purpose').value.trim();
    if (!purpose) throw problem('Write what the agency may use it for.');
    let art9 = null;
    if (!$('art9').hidden) {
      const chosen = document.querySelector('input[name="art9"]:checked');
      if (!chosen) throw problem('Choose on what grounds the agency may read your health information.');
      art9 = chosen.value;
    }
    const days = Number($('duration').value);
    const expiresAt = days ? Math.floor(Date.now() / 1000) + days * 86400 : 0;
    const result = await busy(call('share', { card, sections, purpose, expiresAt, art9, language }));
    state.view = result.view;
    download(result.bundle, 'shared.kartla');
    renderRecord();
    renderShares();
    show('shares');
    showNotice(t('Done. Give the file "shared.kartla" to the agency. Put the new "record.kartla" on your USB stick in place of the old one.'),
      result.record);
  }));

  function dateText(timestamp) {
    if (!timestamp) return t('until you stop it');
    const d = new Date(timestamp);
    try {
      return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(d);
    } catch (e) {
      return d.toISOString().slice(0, 10);
    }
  }

  // "About me and Languages", in the page's language where the browser knows it.
  function listText(items) {
    try {
      return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
    } catch (e) {
      return items.join(', ');
    }
  }

  function renderShares() {
    const list = $('share-list');
    list.textContent = '';
    const grants = state.view.ledger.grants || [];
    if (grants.length === 0) {
      const li = document.createElement('li');
      li.textContent = t('You share nothing with anyone.');
      list.appendChild(li);
    }
    for (const g of grants) {
      const li = document.createElement('li');
      li.className = 'grant';
      const h = document.createElement('h3');
      h.textContent = g.agency_name || g.agency_fingerprint;
      li.appendChild(h);
      const what = document.createElement('p');
      what.textContent = t('Can read: {sections}', { sections: listText(g.sections.map(sectionLabel)) });
      li.appendChild(what);
      const why = document.createElement('p');
      why.textContent = t('For: {purpose}', { purpose: g.purpose });
      li.appendChild(why);
      const until = document.createElement('p');
      if (g.revoked_at) {
        until.textContent = t('Stopped on {date}', { date: dateText(g.revoked_at) });
      } else {
        until.textContent = g.expires_at ? t('Until {date}', { date: dateText(g.expires_at) }) : t('until you stop it');
      }
      li.appendChild(until);
      if (!g.revoked_at && g.agency_card) li.appendChild(revokeButton(g));
      list.appendChild(li);
    }
  }

  function revokeButton(grant) {
    const box = document.createElement('div');
    const ask = document.createElement('button');
    ask.type = 'button';
    ask.className = 'danger';
    ask.textContent = t('Stop sharing');
    const confirmBox = document.createElement('div');
    confirmBox.hidden = true;
    const honest = document.createElement('p');
    honest.textContent = t('{agency} will not be able to read what you write from now on. What it has already seen or saved stays with it.',
      { agency: grant.agency_name });
    const yes = document.createElement('button');
    yes.type = 'button';
    yes.className = 'danger';
    yes.textContent = t('Yes, stop sharing');
    confirmBox.append(honest, yes);
    ask.addEventListener('click', () => { confirmBox.hidden = false; ask.hidden = true; });
    yes.addEventListener('click', action(async () => {
      const agencyCard = Uint8Array.from(atob(grant.agency_card), (c) => c.charCodeAt(0));
      const result = await busy(call('revoke', { card: agencyCard, language }));
      state.view = result.view;
      download(result.record, 'record.kartla');
      renderRecord();
      renderShares();
      showNotice(t('Sharing stopped. Put the new "record.kartla" on your USB stick in place of the old one.'));
    }));
    box.append(ask, confirmBox);
    return box;
  }

  // --- A self-rating ---------------------------------------------------------------------------
  // The instrument's own words (the record holds them in sv, fi, en), in the page's language
  // where the record has it, else English, else the first.
  function localized(texts) {
    const list = texts || [];
    const pick = list.find((x) => x.lang === language) || list.find((x) => x.lang === 'en') || list[0];
    return pick ? pick.text : '';
  }

  let ratingInstrument = null;
  async function openRating() {
    const form = await call('ratingForm', {});
    const out = $('rating-questions');
    out.textContent = '';
    ratingInstrument = form.instruments[0] || null;
    if (!ratingInstrument) throw problem('Your record has no questions for a self-rating.');
    const title = document.createElement('h3');
    title.textContent = localized(ratingInstrument.title);
    out.appendChild(title);
    ratingInstrument.indicators.forEach((indicator, n) => {
      const set = document.createElement('fieldset');
      set.dataset.indicator = indicator.code;
      const legend = document.createElement('legend');
      // The question in the page's language if the record has it, else the short label in it.
      const exact = (texts) => ((texts || []).find((x) => x.lang === language) || {}).text;
      legend.textContent = exact(indicator.question) || exact(indicator.label) || localized(indicator.question) ||
        localized(indicator.label);
      set.appendChild(legend);
      const points = new Map((indicator.scale.points || []).map((p) => [p.value || 0, localized(p.label)]));
      for (let v = indicator.scale.min || 0; v <= indicator.scale.max; v++) {
        const label = document.createElement('label');
        label.className = 'check';
        const radio = document.createElement('input');
        radio.type = 'radio';
        radio.name = `rating-${n}`;
        radio.value = String(v);
        label.appendChild(radio);
        label.appendChild(document.createTextNode(` ${v}${points.get(v) ? ` · ${points.get(v)}` : ''}`));
        set.appendChild(label);
      }
      out.appendChild(set);
    });
    show('rating');
  }

  $('rating-form').addEventListener('submit', action(async () => {
    const scores = [];
    for (const set of $('rating-questions').querySelectorAll('fieldset')) {
      const chosen = set.querySelector('input:checked');
      if (chosen) scores.push({ indicator: set.dataset.indicator, value: Number(chosen.value) });
    }
    if (scores.length === 0) throw problem('Answer at least one question.');
    const result = await busy(call('addRating', {
      instrument: ratingInstrument.id, version: ratingInstrument.version, scores, language,
    }));
    state.view = result.view;
    download(result.record, 'record.kartla');
    renderRecord();
    show('record');
    showNotice(t('Saved. Put the new "record.kartla" on your USB stick in place of the old one.'));
  }));

  // --- A contribution from an agency ---------------------------------------------------------
  $('contribution-file').addEventListener('change', action(async () => {
    await readFile($('contribution-file'));
    $('contribution-preview').hidden = true;
    if (!files['contribution-file']) return;
    const d = await busy(call('describeContribution', { bytes: files['contribution-file'], language }));
    $('contribution-from').textContent = t('From {agency}. It adds to: {section}', { agency: d.sender.name, section: sectionLabel(d.section) });
    $('contribution-text').textContent = d.text;
    $('contribution-preview').hidden = false;
  }));
  $('contribution-accept').addEventListener('click', action(async () => {
    const result = await busy(call('acceptContribution', { bytes: files['contribution-file'], language }));
    state.view = result.view;
    renderRecord();
    show('record');
    if (result.added) {
      download(result.record, 'record.kartla');
      showNotice(t('Added. Put the new "record.kartla" on your USB stick in place of the old one.'));
    } else {
      showNotice(t('Your record already holds this.'));
    }
  }));
  $('contribution-decline').addEventListener('click', () => {
    show('record');
    showNotice(t('Nothing was added. Your record is as it was.'));
  });

  // --- The caseworker -------------------------------------------------------------------------
  $('caseworker-form').addEventListener('submit', action(async () => {
    requireFiles('bundle-file', 'agency-identity-file');
    const result = await busy(call('readShare', {
      bundle: files['bundle-file'], identity: files['agency-identity-file'], passphrase: $('agency-passphrase').value, language,
    }));
    $('agency-passphrase').value = '';
    const out = $('caseworker-result');
    out.textContent = '';
    const grants = result.description.grants || [];
    if (grants.length) {
      const p = document.createElement('p');
      p.textContent = t('Shared for: {purpose}', { purpose: grants[0].purpose });
      out.appendChild(p);
    }
    // Under the screen's <h2>, each shared section's title is an <h3>.
    for (const node of viewNodes(result.text, 3)) out.appendChild(node);
  }));

  // --- Navigation -----------------------------------------------------------------------------
  $('change-language').addEventListener('click', () => show('language'));
  $('go-participant').addEventListener('click', () => show('open'));
  $('go-caseworker').addEventListener('click', () => show('caseworker'));
  $('go-share').addEventListener('click', () => { renderShareForm(); show('share'); });
  $('go-shares').addEventListener('click', () => { renderShares(); show('shares'); });
  $('go-rating').addEventListener('click', action(openRating));
  $('go-contribution').addEventListener('click', () => {
    $('contribution-file').value = '';
    $('contribution-preview').hidden = true;
    show('contribution');
  });
  for (const b of document.querySelectorAll('.back')) b.addEventListener('click', () => show('record'));

  renderLanguages();
  let remembered = null;
  try { remembered = localStorage.getItem(LANGUAGE_KEY); } catch (e) { /* not available */ }
  if (remembered && KARTLA_CATALOGUES.languages.some((l) => l.code === remembered)) {
    language = remembered;
    translatePage();
    show('start');
  } else {
    translatePage();
    show('language');
  }
})();
