// Hostile input in the page (issue 9): bundles and links that strangers send to ministry staff.
// After every one the app must say something readable, keep what was loaded when the file
// cannot be read at all, and still answer (a filter still filters, frames are still drawn).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  REPO, SEED, assertNoErrors, call, cli, clickWidget, launch, loadBundleBytes, openApp, rect, rowCount, settle, shot,
  startServer, state, until,
} from './helpers.mjs';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'tests/data/manifest.json'), 'utf8'));
const fatalFiles = manifest.entries.filter((e) => e.fatal).map((e) => e.file);
const readableBadFiles = manifest.entries.filter((e) => !e.fatal && e.file.startsWith('bad/') && e.errors?.length)
  .map((e) => e.file);
const seedBundle = JSON.parse(fs.readFileSync(SEED, 'utf8'));
const seedTotal = seedBundle.innovations.length;
const seedTitle = seedBundle.meta.title;
const seedQuery35 = JSON.parse(cli(['query', SEED, '--facet', 'province=35', '--limit', '0'])).total;

// Made here rather than committed: large or generated.
const head = '{"format":"atlas-inovasi-bundle","version":1,"meta":{"title":"hostile","created":"2026-01-15",' +
  '"licence":"CC0-1.0","synthetic":true},"sources":[{"id":"s1","title":"t"}]';
const generatedFatal = [
  ['deep-10000.json', Buffer.from(head + ',"x":' + '['.repeat(10000) + ']'.repeat(10000) + '}'), /64/],
  ['unclosed.json', Buffer.from('['.repeat(200000)), /64/],
  ['utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(head + '}', 'utf16le')]), /UTF-16/],
  ['nul.json', Buffer.from(head.slice(0, 40) + '\u0000' + head.slice(40) + '}'), /NUL/],
  ['binary.json', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff)), /./],
  ['empty.json', Buffer.alloc(0), /empty/],
];
const generatedReadable = [
  // A 20 MB name: that record is skipped with the limit named.
  ['big-string.json', Buffer.from(head + ',"institutions":[{"id":"i1","name":"A","kind":"dinas","sources":["s1"]}],' +
    '"innovations":[{"id":"n1","name":"' + 'x'.repeat(20 << 20) + '","owner":"i1","sources":["s1"]},' +
    '{"id":"n2","name":"Y","owner":"i1","sources":["s1"]}]}'), 1],
  // A million broken records: counted, the problem list capped, the page stays usable.
  ['million.json', Buffer.from(head + ',"innovations":[' + Array(1_000_000).fill('{}').join(',') + ']}'), 1_000_000],
];

const hostileLinks = [
  '%', '%%%', '%E2%80', '%FF%FE', '%00', 'q=%00%01%02', `q=${'%F0%9F%98%80'.repeat(300)}`,
  'view=<script>alert(1)</script>', 'zoom=1e999&at=NaN,Infinity', 'zoom=-5&at=999,-999', 'year=99999999999999999999',
  'province=' + Array.from({ length: 500 }, (_, i) => String(i)).join(','), '&&&&===&&&', 'q=a&q=b&q=c',
  'x'.repeat(20000), 'sel=' + 'ä'.repeat(3000), 'sort=--name', 'lang=xx&data=../../etc/passwd',
  'focus=%E2%80%AE%E2%80%AEevil', 'q=' + encodeURIComponent('\u202e\u0000\ud7ff\ufffd'),
];

describe('hostile bundles and links (atlas.html)', () => {
  let browser, server, app;
  before(async () => {
    browser = await launch();
    server = await startServer();
    app = await openApp(browser, 'http', server);
    // The seed bundle, loaded as a user would: the one that must survive every bad file.
    const r = await loadBundleBytes(app.page, fs.readFileSync(SEED), 'seed.json');
    assert.equal(r.result, 1);
    await settle(app.page);
  });
  after(async () => {
    await app?.context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  // The app answers: a filter gives the CLI's rows for the bundle on screen, and is cleared.
  async function stillAnswers(page, expected35) {
    await call(page, 'atlas_set_state', 'number', ['province=35']);
    await settle(page);
    assert.equal(await rowCount(page), expected35, 'the province filter no longer works');
    await call(page, 'atlas_set_state', 'number', ['']);
    await settle(page);
  }

  async function dismissError(page) {
    if (await rect(page, 'load_error_close')) await clickWidget(page, 'load_error_close');
    await settle(page);
    assert.equal((await state(page)).loadError, '');
  }

  it('refuses every unreadable bundle with a message naming the file, and keeps the loaded one', async () => {
    const { page } = app;
    const cases = [
      ...fatalFiles.map((f) => [path.basename(f), fs.readFileSync(path.join(REPO, 'tests/data', f)), null]),
      ...generatedFatal,
    ];
    assert.ok(cases.length >= 25, `only ${cases.length} unreadable bundles`);
    let shotTaken = false;
    for (const [name, bytes, pattern] of cases) {
      const r = await loadBundleBytes(page, bytes, name);
      assert.equal(r.result, 0, `${name} was accepted`);
      await settle(page);
      const s = await state(page);
      assert.ok(s.loadError.startsWith(`${name}: `), `${name}: message "${s.loadError}"`);
      assert.ok(s.loadError.length > name.length + 8, `${name}: the message says nothing`);
      if (pattern) assert.match(s.loadError, pattern, name);
      assert.equal(s.title, seedTitle, `${name}: the title changed`);
      assert.equal(s.total, seedTotal, `${name}: the previous bundle was lost`);
      assert.ok(await rect(page, 'load_error'), `${name}: no message on screen`);
      if (!shotTaken) { await shot(page, 'hostile-unreadable'); shotTaken = true; }
      await dismissError(page);
    }
    await stillAnswers(page, seedQuery35);
    assertNoErrors(app);
  });

  it('opens readable bundles with bad records, lists the problems, and stays usable', async () => {
    const { page } = app;
    for (const f of readableBadFiles) {
      const file = path.join(REPO, 'tests/data', f);
      const r = await loadBundleBytes(page, fs.readFileSync(file), path.basename(f));
      assert.equal(r.result, 1, `${f} was refused`);
      await settle(page);
      const problems = await call(page, 'atlas_problem_count');
      assert.ok(problems > 0, `${f}: no problem listed`);
      const s = await state(page);
      const stats = JSON.parse(cli(['stats', file]));
      assert.equal(s.total, stats.innovations, `${f}: innovations kept`);
    }
    for (const [name, bytes, minErrors] of generatedReadable) {
      const r = await loadBundleBytes(page, bytes, name);
      assert.equal(r.result, 1, `${name} was refused`);
      await settle(page, { timeout: 60000 });
      assert.ok(await call(page, 'atlas_problem_count') >= minErrors, `${name}: problems not counted`);
      assert.equal((await state(page)).loadError, '');
    }
    await shot(page, 'hostile-readable-problems');
    // The problems window (of the million) opens with the capped list and says how many more.
    await clickWidget(page, 'status_problems');
    await settle(page);
    assert.ok(await rect(page, 'problems_window'), 'the problems window did not open');
    await shot(page, 'hostile-problems-window');
    // Back to the seed: everything works as before.
    assert.equal((await loadBundleBytes(page, fs.readFileSync(SEED), 'seed.json')).result, 1);
    await settle(page);
    assert.equal((await state(page)).total, seedTotal);
    await stillAnswers(page, seedQuery35);
    assertNoErrors(app);
  });

  it('takes any link without breaking: notices, no change from garbage, still answering', async () => {
    const { page } = app;
    for (const link of hostileLinks) {
      await page.evaluate((h) => { location.hash = h; }, link);
      await settle(page);
      const s = await state(page);
      assert.equal(s.total, seedTotal, `link ${link.slice(0, 60)}: the bundle changed`);
      assert.equal(s.loadError, '', `link ${link.slice(0, 60)}: a load error`);
      // Through the host/test API too: a refused value never throws.
      await call(page, 'atlas_set_state', 'number', [link]);
      await settle(page);
    }
    const notices = await call(page, 'atlas_notice_count');
    assert.ok(notices > 0, 'garbage links gave no notice');
    await shot(page, 'hostile-links');
    await page.evaluate(() => { location.hash = ''; });
    await call(page, 'atlas_set_state', 'number', ['']);
    await settle(page);
    await stillAnswers(page, seedQuery35);
    assertNoErrors(app);
  });
});
