// SPDX-License-Identifier: Apache-2.0
// The page in headless Chromium (Debian's chromium, driven by playwright-core), at a phone and a
// desktop viewport, opened by file path as from a USB stick: the participant opens a record the
// CLI made, reads every section, shares two sections (the CLI then checks that the agency reads
// exactly those two), accepts an agency's contribution, adds a self-rating, sees and revokes the share, recovers a forgotten passphrase with the
// recovery code (the files dropped on the page this time); the page in Arabic is laid out right to left; a caseworker reads the bundle;
// axe-core finds no serious or critical violation on any screen; the page makes no network
// request at all. Screenshots of every screen, in English and Arabic, go to
// build/web/screenshots.
//
//   KARTLA_CLI=build/release/src/cli/kartla node --test web/browser/app.test.js
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');
const { chromium } = require('playwright-core');

const repo = path.resolve(__dirname, '..', '..');
// The page web/build.sh assembled (KARTLA_WEB_APP overrides the folder).
const app = path.join(process.env.KARTLA_WEB_APP || path.join(repo, 'build', 'web', 'app'), 'index.html');
const shots = path.join(repo, 'build', 'web', 'screenshots');
const cli = process.env.KARTLA_CLI || path.join(repo, 'build', 'release', 'src', 'cli', 'kartla');
const persona = path.join(repo, 'examples', 'personas', 'long-term-unemployed-landskrona');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const OWNER_PASSPHRASE = 'Amal: en lång lösenfras för testet';
const NEW_PASSPHRASE = 'Amal: a new passphrase after recovery';
const AGENCY_PASSPHRASE = 'AF: byråns lösenfras';
const SHARED = ['profile', 'languages'];
// Exactly the flags the brief gives, nothing more.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

// kartla(args, passphrase) -> { status, stdout, stderr }
function kartla(args, passphrase, cwd) {
  const r = spawnSync(cli, args, { cwd, encoding: 'utf8', env: { ...process.env, KARTLA_PASSPHRASE: passphrase } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
function kartlaOk(args, passphrase, cwd) {
  const r = kartla(args, passphrase, cwd);
  assert.equal(r.status, 0, `kartla ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// The participant's files as the CLI makes them: identity, record from the persona, an agency.
function makeFixture() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartla-web-'));
  const created = kartlaOk(['identity', 'new', '--out', 'owner.id', '--kdf-memory-mib', '64'], OWNER_PASSPHRASE, dir);
  const code = created.match(/([0-9a-f]{4}-){8}[0-9a-f]{4}/);
  assert.ok(code, 'the CLI printed a recovery code');
  kartlaOk(['identity', 'card', 'owner.id', '--out', 'owner.card'], OWNER_PASSPHRASE, dir);
  kartlaOk(['record', 'new', '--owner', 'owner.id', '--out', 'record.kartla'], OWNER_PASSPHRASE, dir);
  const sections = [];
  for (const file of fs.readdirSync(persona).filter((f) => f.endsWith('.json')).sort()) {
    const name = file.slice(0, -5);
    if (name === 'sharing_ledger') continue; // written by the library only
    kartlaOk(['record', 'set', 'record.kartla', '--owner', 'owner.id', '--section', name, '--json', path.join(persona, file)],
      OWNER_PASSPHRASE, dir);
    sections.push(name);
  }
  kartlaOk(['agency', 'new', '--name', 'Arbetsförmedlingen Filipstad', '--org', '202100-2114', '--role', 'employment_service',
    '--out', 'agency.id', '--kdf-memory-mib', '64'], AGENCY_PASSPHRASE, dir);
  kartlaOk(['agency', 'card', 'agency.id', '--out', 'agency.card'], AGENCY_PASSPHRASE, dir);
  return { dir, recoveryCode: code[0], sections, file: (name) => path.join(dir, name) };
}

async function axeCheck(page, what) {
  await page.evaluate(`${axeSource}\n;0`); // evaluate is not subject to the page's CSP
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), [],
    `axe on ${what}`);
}

async function screen(page, id) {
  await page.locator(`#screen-${id}`).waitFor({ state: 'visible', timeout: 180000 });
}

async function snap(page, viewport, language, name, fullPage = true) {
  await page.screenshot({ path: path.join(shots, `${viewport}-${language}-${name}.png`), fullPage });
}

// The next `count` downloads that click() starts -> { suggestedFilename: path }
async function downloads(page, count, click) {
  const got = {};
  const waiting = new Promise((resolve) => {
    page.on('download', async function onDownload(d) {
      const file = path.join(os.tmpdir(), `kartla-web-dl-${process.pid}-${Date.now()}-${d.suggestedFilename()}`);
      await d.saveAs(file);
      got[d.suggestedFilename()] = file;
      if (Object.keys(got).length === count) {
        page.off('download', onDownload);
        resolve(got);
      }
    });
  });
  await click();
  return waiting;
}

fs.mkdirSync(shots, { recursive: true });

for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
  test(`the participant's page at the ${viewportName} viewport`, { timeout: 900000 }, async (t) => {
    assert.ok(fs.existsSync(app), `${app}: run web/build.sh first`);
    const fx = makeFixture();
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kartla-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport, acceptDownloads: true,
    });
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = context.pages()[0] || await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const url = `file://${app}`;
    try {
      await t.test('first visit: the language is chosen on the first screen', async () => {
        await page.goto(url);
        await screen(page, 'language');
        assert.equal(await page.locator('#language-list button').count(), 7);
        await snap(page, viewportName, 'all', 'language');
        await axeCheck(page, 'the language screen');
        await page.click('#language-list button[data-language="en"]');
        await screen(page, 'start');
        assert.equal(await page.getAttribute('html', 'lang'), 'en');
        await snap(page, viewportName, 'en', 'start');
        await axeCheck(page, 'the start screen');
      });

      await t.test('open the record with the passphrase and read every section', async () => {
        await page.click('#go-participant');
        await screen(page, 'open');
        await snap(page, viewportName, 'en', 'open');
        await axeCheck(page, 'the open screen');
        await page.setInputFiles('#record-file', fx.file('record.kartla'));
        await page.setInputFiles('#identity-file', fx.file('owner.id'));
        await page.fill('#passphrase', OWNER_PASSPHRASE);
        await page.click('#unlock');
        // Argon2id runs in the worker: the progress shows and the page answers meanwhile.
        await page.locator('#busy').waitFor({ state: 'visible' });
        const started = Date.now();
        await page.evaluate(() => document.title);
        assert.ok(Date.now() - started < 1000, 'the page stays responsive while the key is derived');
        await snap(page, viewportName, 'en', 'unlocking', false);
        await screen(page, 'record');
        assert.equal(await page.locator('#busy').isVisible(), false);
        assert.equal(await page.locator('#record-sections details').count(), fx.sections.length, 'one part per section');
        await snap(page, viewportName, 'en', 'record');
        for (const name of fx.sections) {
          const part = page.locator(`[data-section="${name}"]`);
          if (!(await part.evaluate((d) => d.open))) await part.locator('summary').click();
          const shown = part.locator('pre');
          assert.ok(await shown.isVisible(), `${name} opens`);
          const text = await shown.textContent();
          assert.ok(text && text.trim().length > 20, `${name} is shown as text`);
          assert.ok(!text.trim().startsWith('{'), `${name} is text, not JSON`);
          assert.doesNotMatch(text, /^=+$/m, `${name}: the view's heading is the fold's title, not text`);
        }
        const profile = JSON.parse(fs.readFileSync(path.join(persona, 'profile.json'), 'utf8'));
        const shownProfile = await page.locator('[data-section="profile"] pre').textContent();
        const given = JSON.stringify(profile).match(/"given_name"\s*:\s*"([^"]+)"/);
        assert.ok(given && shownProfile.includes(given[1]), 'the profile shows the given name');
        assert.equal(await page.locator('[data-section="progress"] img.chart').count(), 1, 'the progress chart');
        for (const name of ['competences', 'languages', 'progress']) {
          await page.locator(`[data-section="${name}"] summary`).scrollIntoViewIfNeeded();
          await snap(page, viewportName, 'en', `record-${name}`, false);
        }
        await axeCheck(page, 'the record screen');
      });

      await t.test('share two sections; the agency reads exactly those two', async () => {
        await page.click('#go-share');
        await screen(page, 'share');
        assert.equal(await page.locator('#share-sections input:checked').count(), 0, 'nothing is pre-ticked');
        await page.setInputFiles('#card-file', fx.file('agency.card'));
        await page.locator('#card-name').filter({ hasText: 'Arbetsförmedlingen Filipstad' }).waitFor();
        // Health data asks for its legal basis; unticking it hides the question again.
        await page.check('#share-sections input[value="work_ability"]');
        assert.equal(await page.locator('#art9').isVisible(), true, 'health data asks for a legal basis');
        await snap(page, viewportName, 'en', 'share-health');
        await page.uncheck('#share-sections input[value="work_ability"]');
        assert.equal(await page.locator('#art9').isVisible(), false);
        for (const name of SHARED) await page.check(`#share-sections input[value="${name}"]`);
        await page.fill('#purpose', 'Kartläggning inför praktik');
        await page.selectOption('#duration', '91');
        await snap(page, viewportName, 'en', 'share');
        await axeCheck(page, 'the share screen');
        const files = await downloads(page, 1, () => page.click('#share'));
        await screen(page, 'shares');
        assert.match(await page.locator('#notice').textContent(), /shared\.kartla/, 'the person is told what to do with the files');
        Object.assign(files, await downloads(page, 1, () => page.click('#save-record')));
        fs.copyFileSync(files['shared.kartla'], fx.file('shared.kartla'));
        fs.copyFileSync(files['record.kartla'], fx.file('record.kartla'));
        const description = JSON.parse(kartlaOk(['open', 'shared.kartla', '--as', 'agency.id', '--owner-card', 'owner.card', '--json'],
          AGENCY_PASSPHRASE, fx.dir));
        assert.deepEqual(description.grants.map((g) => g.section).sort(), [...SHARED].sort());
        for (const name of SHARED) kartlaOk(['open', 'shared.kartla', '--as', 'agency.id', '--section', name], AGENCY_PASSPHRASE, fx.dir);
        for (const name of fx.sections.filter((n) => !SHARED.includes(n))) {
          assert.equal(kartla(['open', 'shared.kartla', '--as', 'agency.id', '--section', name], AGENCY_PASSPHRASE, fx.dir).status, 3,
            `${name} is not shared`);
        }
        const grant = page.locator('#share-list .grant');
        assert.equal(await grant.count(), 1);
        assert.match(await grant.textContent(), /Arbetsförmedlingen Filipstad/);
        await snap(page, viewportName, 'en', 'shares');
        await axeCheck(page, 'the shares screen');
      });

      await t.test('a caseworker reads the bundle as text', async () => {
        const desk = await context.newPage();
        await desk.goto(url);
        await screen(desk, 'start'); // the language was remembered
        await desk.click('#go-caseworker');
        await screen(desk, 'caseworker');
        await desk.setInputFiles('#bundle-file', fx.file('shared.kartla'));
        await desk.setInputFiles('#agency-identity-file', fx.file('agency.id'));
        await desk.fill('#agency-passphrase', AGENCY_PASSPHRASE);
        await desk.click('#read-share');
        await desk.locator('#caseworker-result pre').first().waitFor({ timeout: 180000 });
        const text = await desk.locator('#caseworker-result').textContent();
        assert.match(text, /Kartläggning inför praktik/);
        // The view's section titles are headings of the page, and their "=" underlines are gone.
        const headings = await desk.locator('#caseworker-result h3').allTextContents();
        assert.equal(headings.length, SHARED.length, `one heading per shared section: ${headings}`);
        for (const pre of await desk.locator('#caseworker-result pre').allTextContents()) {
          assert.doesNotMatch(pre, /^=+$/m, 'no underline is left in the text');
          assert.doesNotMatch(pre, /iso-3166-1|iso-639/, 'codes are words, never a code system key');
        }
        await snap(desk, viewportName, 'en', 'caseworker');
        await axeCheck(desk, 'the caseworker screen');
        await desk.close();
      });

      await t.test("accept an agency's contribution, after seeing who wrote it and what it adds", async () => {
        const scenario = JSON.parse(fs.readFileSync(path.join(repo, 'tests', 'bindings', 'scenario.json'), 'utf8'));
        fs.writeFileSync(fx.file('entry.json'), scenario.contribution.entry_json);
        const recordId = JSON.parse(kartlaOk(['verify', 'record.kartla', '--json'], '', fx.dir)).record_id;
        kartlaOk(['contribute', '--as', 'agency.id', '--to', 'owner.card', '--record-id', recordId, '--section', 'interventions',
          '--json', 'entry.json', '--out', 'contribution.kartla'], AGENCY_PASSPHRASE, fx.dir);
        await page.click('#screen-shares button.back');
        await screen(page, 'record');
        await page.click('#go-contribution');
        await screen(page, 'contribution');
        await page.setInputFiles('#contribution-file', fx.file('contribution.kartla'));
        await page.locator('#contribution-preview').waitFor({ state: 'visible', timeout: 180000 });
        const from = await page.locator('#contribution-from').textContent();
        assert.match(from, /Arbetsförmedlingen Filipstad/);
        assert.match(from, /Activities and support/);
        assert.match(await page.locator('#contribution-text').textContent(), /Validering, barnskötare/);
        await snap(page, viewportName, 'en', 'contribution');
        await axeCheck(page, 'the contribution screen');
        const files = await downloads(page, 1, () => page.click('#contribution-accept'));
        await screen(page, 'record');
        fs.copyFileSync(files['record.kartla'], fx.file('record.kartla'));
        const shown = kartlaOk(['record', 'show', 'record.kartla', '--owner', 'owner.id', '--section', 'interventions'],
          OWNER_PASSPHRASE, fx.dir);
        assert.match(shown, /Validering, barnskötare/, 'the record on the stick holds the accepted entry');
        assert.match(await page.locator('[data-section="interventions"] pre').textContent(), /Validering, barnskötare/);
      });

      await t.test("add a self-rating with the programme instrument's questions", async () => {
        const progress = JSON.parse(fs.readFileSync(path.join(persona, 'progress.json'), 'utf8'));
        const instrument = progress.instruments.find((i) => !i.health_data &&
          i.indicators.some((x) => !x.per_target && x.rater !== 'PROFESSIONAL'));
        const questions = instrument.indicators.filter((x) => !x.per_target && x.rater !== 'PROFESSIONAL');
        await page.click('#go-rating');
        await screen(page, 'rating');
        assert.equal(await page.locator('#rating-questions fieldset').count(), questions.length);
        const first = page.locator('#rating-questions fieldset').first();
        assert.equal(await first.getAttribute('data-indicator'), questions[0].code);
        await first.locator('input').last().check();
        await snap(page, viewportName, 'en', 'rating');
        await axeCheck(page, 'the rating screen');
        const files = await downloads(page, 1, () => page.click('#save-rating'));
        await screen(page, 'record');
        fs.copyFileSync(files['record.kartla'], fx.file('record.kartla'));
        const saved = JSON.parse(kartlaOk(['record', 'get', 'record.kartla', '--owner', 'owner.id', '--section', 'progress'],
          OWNER_PASSPHRASE, fx.dir));
        const mine = saved.entries.filter((e) => e.respondent === 'RESPONDENT_PARTICIPANT' && e.id.startsWith('self-'));
        assert.equal(mine.length, 1, 'the record on the stick holds the self-rating');
        assert.equal(mine[0].scores.length, 1);
        assert.equal(mine[0].scores[0].indicator, questions[0].code);
        assert.equal(Number(mine[0].scores[0].value), questions[0].scale.max, 'the answer ticked: the top of the scale');
      });

      await t.test('revoke, with the honest sentence', async () => {
        await page.click('#go-shares');
        await screen(page, 'shares');
        await page.click('#share-list button.danger');
        const honest = page.locator('#share-list p', { hasText: 'already seen or saved stays with it' });
        await honest.waitFor();
        await snap(page, viewportName, 'en', 'revoke');
        const files = await downloads(page, 1, () => page.click('#share-list button.danger >> nth=-1'));
        await page.locator('#share-list .grant', { hasText: 'Stopped on' }).waitFor();
        fs.copyFileSync(files['record.kartla'], fx.file('record.kartla'));
        // The agency reads nothing of the record from now on (its old bundle still opens: what
        // was shared stays shared).
        assert.equal(kartla(['open', 'record.kartla', '--as', 'agency.id', '--section', 'languages'], AGENCY_PASSPHRASE, fx.dir).status, 3);
      });

      await t.test('recover a forgotten passphrase with the recovery code', async () => {
        await page.goto(url);
        await screen(page, 'start');
        await page.click('#go-participant');
        // This time both files are dropped on the box, as from a file manager.
        const dropped = await page.evaluateHandle(({ record, identity }) => {
          const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes(record)], 'record.kartla'));
          transfer.items.add(new File([bytes(identity)], 'owner.id'));
          return transfer;
        }, { record: fs.readFileSync(fx.file('record.kartla')).toString('base64'),
          identity: fs.readFileSync(fx.file('owner.id')).toString('base64') });
        await page.dispatchEvent('#drop-open', 'drop', { dataTransfer: dropped });
        await page.locator('#drop-open label[data-chosen]').nth(1).waitFor();
        await page.click('#forgot summary');
        await page.fill('#recovery-code', fx.recoveryCode);
        await page.fill('#new-passphrase', NEW_PASSPHRASE);
        await page.fill('#new-passphrase-again', NEW_PASSPHRASE);
        await snap(page, viewportName, 'en', 'recover');
        await page.click('#recover');
        await screen(page, 'record');
        assert.equal(await page.locator('#new-identity-note').isVisible(), true);
        const files = await downloads(page, 1, () => page.click('#save-identity'));
        fs.copyFileSync(files['identity.id'], fx.file('owner-new.id'));
        kartlaOk(['record', 'list', 'record.kartla', '--owner', 'owner-new.id'], NEW_PASSPHRASE, fx.dir);
        assert.notEqual(kartla(['record', 'list', 'record.kartla', '--owner', 'owner-new.id'], OWNER_PASSPHRASE, fx.dir).status, 0,
          'the old passphrase no longer opens the new identity file');
      });

      await t.test('in Arabic the page reads right to left', async () => {
        await page.click('#change-language');
        await screen(page, 'language');
        await page.click('#language-list button[data-language="ar"]');
        await screen(page, 'record');
        assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
        assert.equal(await page.getAttribute('html', 'lang'), 'ar');
        assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
        // The title sits at the right-hand edge, the language button at the left.
        const title = await page.locator('header h1').boundingBox();
        const button = await page.locator('#change-language').boundingBox();
        assert.ok(title.x > button.x, 'right to left: the title is right of the button');
        assert.equal(await page.locator('#go-share').textContent(), 'شارك مع جهة');
        // The record's own text (the core's view) is Arabic too, not only the page around it.
        const competences = await page.locator('[data-section="competences"] pre').textContent();
        assert.match(competences, /الوصف: /, 'the core labels the description in Arabic');
        assert.match(competences, /المصدر: /, 'and the source of each entry');
        assert.doesNotMatch(competences, /Description: |Source: |Self rating: /, 'no English label is left in the record text');
        // Every line of record text takes the page's direction, so a list line holding only a
        // Swedish word ("- svenska") stays at the right-hand margin with the rest of its list
        // (with dir="auto" each line would pick its own direction and jump to the left).
        const gap = await page.$eval('[data-section="profile"] .view-text', (pre) => {
          const node = pre.firstChild;
          const at = node.textContent.indexOf('svenska');
          if (at < 0) return null;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 'svenska'.length);
          const line = range.getBoundingClientRect();
          const block = pre.getBoundingClientRect();
          return { right: block.right - line.right, left: line.left - block.left };
        });
        assert.ok(gap, 'the profile lists the preferred language svenska');
        assert.ok(gap.right < gap.left, `the Swedish list line sits at the right, not the left: ${JSON.stringify(gap)}`);
        await snap(page, viewportName, 'ar', 'record');
        await axeCheck(page, 'the record screen in Arabic');
        await page.click('#go-share');
        await screen(page, 'share');
        await snap(page, viewportName, 'ar', 'share');
        await page.click('#screen-share button.back');
        await page.click('#go-shares');
        await screen(page, 'shares');
        await snap(page, viewportName, 'ar', 'shares');
        await axeCheck(page, 'the shares screen in Arabic');
        await page.goto(url);
        await screen(page, 'start');
        assert.equal(await page.getAttribute('html', 'dir'), 'rtl', 'Arabic is remembered');
        await snap(page, viewportName, 'ar', 'start');
        await page.click('#go-participant');
        await screen(page, 'open');
        await snap(page, viewportName, 'ar', 'open');
        await page.click('#change-language');
        await screen(page, 'language');
        await snap(page, viewportName, 'ar', 'language');
      });

      await t.test('no network request, no script error', () => {
        const outside = requests.filter((u) => !/^(file|blob|data):/.test(u));
        assert.deepEqual(outside, [], 'requests that left the machine');
        assert.ok(requests.some((u) => u.startsWith('file:')), 'the request log works');
        assert.deepEqual(pageErrors, []);
      });
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(fx.dir, { recursive: true, force: true });
    }
  });
}
