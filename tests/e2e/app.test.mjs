// Real-browser end-to-end tests of atlas.html (headless Chromium through playwright-core).
// Run: node --test tests/e2e/        (see tests/e2e/README.md for the environment variables)
//
// Every test opens a fresh page, once from file:// and once over http from a local server, and
// leaves a screenshot under ATLAS_E2E_ARTIFACTS named <mode>-<test>.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  SEED, assertNoErrors, cli, cliQuery, clickWidget, diffFraction, frameCount, frames, launch, loadBundleBytes,
  openApp, pixels, pressKey, rect, redrawnSince, rowCount, rowIds, settle, shot, startServer, state, tmpDir, typeText, until,
  useSeed,
} from './helpers.mjs';

const seedMeta = JSON.parse(fs.readFileSync(SEED, 'utf8')).meta;
const ids = (q) => q.rows.map((r) => r.id);

// A synthetic bundle made once by the CLI for the synthetic-badge tests.
let synthBytes = null;
function synthetic() {
  if (!synthBytes) {
    const dir = tmpDir();
    const file = path.join(dir, 'synthetic-500.json');
    cli(['synth', '--innovations', '500', '--replications', '1500', '--seed', '3', '-o', file]);
    synthBytes = fs.readFileSync(file);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return synthBytes;
}

// Clicks into the search box (unless told not to) and types `text` (ASCII); waits until the app has it.
async function search(page, text, { click = true } = {}) {
  if (click) await clickWidget(page, 'search');
  await typeText(page, text);
  return until(page, (s) => s.search.endsWith(text), { what: `search text "${text}"` });
}

// Opens a facet picker and ticks one value; returns the row count after.
async function chooseFacet(page, facet, value) {
  await clickWidget(page, `facet_${facet}`);
  assert.ok(await rect(page, `facet_${facet}=${value}`), `picker "${facet}" shows no check box for ${value}`);
  await clickWidget(page, `facet_${facet}=${value}`);
  const n = await rowCount(page);
  await pressKey(page, 'Escape');  // closes the picker
  return n;
}

for (const mode of ['file', 'http']) {
  describe(`atlas.html from ${mode === 'file' ? 'file://' : 'http://127.0.0.1'}`, () => {
    let browser, server;
    const open = [];
    before(async () => {
      browser = await launch();
      server = await startServer();
    });
    after(async () => {
      for (const a of open) await a.context.close().catch(() => {});
      await browser?.close();
      await server?.close();
    });
    async function start() {
      const app = await openApp(browser, mode, server);
      open.push(app);
      await useSeed(app.page);  // these tests rely on seed facts; the page's default may be another bundle
      return app;
    }
    async function done(app, name) {
      await shot(app.page, `${mode}-${name}`);
      assertNoErrors(app);
      await app.context.close();
      open.splice(open.indexOf(app), 1);
    }

    it('starts without errors and shows the 29 seed innovations', async (t) => {
      const app = await start();
      const { page } = app;
      assert.equal(await page.locator('#status').isVisible(), false, 'the #status loading/error box is still visible');
      const s = await state(page);
      assert.equal(s.total, 29);
      assert.equal(s.rows, 29);
      assert.equal(s.title, seedMeta.title, 'the page embeds another seed than ATLAS_SEED');
      assert.equal(s.synthetic, 0);
      assert.equal(s.loadError, '');
      assert.equal(s.language, 'id');
      assert.equal(s.sort, 'name asc');
      assert.deepEqual(await rowIds(page), ids(cliQuery([])), 'table order differs from `atlas query` (name asc)');
      for (const w of ['search', 'language', 'facet_province', 'first_row', 'header_name', 'tab_innovations',
                       'tab_replications', 'status_counts'])
        assert.ok(await rect(page, w), `widget ${w} was not drawn`);
      assert.equal(await rect(page, 'synthetic_badge'), null, 'the seed is not synthetic but the badge was drawn');
      assert.equal(await rect(page, 'detail_title'), null, 'nothing is selected but a detail title was drawn');
      t.diagnostic(`${mode}: first frame ${app.firstFrameMs?.toFixed(0)} ms after navigation, idle at ${app.readyMs.toFixed(0)} ms`);
      await done(app, '01-start');
    });

    it('search narrows the table to the rows the CLI finds', async () => {
      const app = await start();
      const { page } = app;
      let s = await search(page, 'kota malang');
      assert.equal(s.search, 'kota malang');
      const want = ids(cliQuery(['--search', 'kota malang']));
      assert.ok(want.length > 0 && want.length < 29, `CLI found ${want.length} rows for "kota malang"`);
      assert.deepEqual(await rowIds(page), want);
      assert.ok(await rect(page, 'clear_all'), 'a search is a filter: "clear all" should be drawn');
      await shot(page, `${mode}-02-search-kota-malang`);

      // Select all and type over it: apostrophes are ignored (masiti finds Jarik Ma’Siti).
      await pressKey(page, 'Control+a');
      s = await search(page, 'masiti', { click: false });
      assert.equal(s.search, 'masiti', 'Ctrl+A then typing did not replace the search text');
      assert.deepEqual(await rowIds(page), ['inn-jarik-masiti']);
      assert.deepEqual(await rowIds(page), ids(cliQuery(['--search', 'masiti'])));

      // "Clear all" empties the search box too.
      await clickWidget(page, 'clear_all');
      s = await state(page);
      assert.equal(s.search, '', 'clear all kept the search text');
      assert.equal(s.rows, 29);
      await done(app, '02-search');
    });

    it('a facet narrows the table, shows a chip, and its counts follow the other filters', async () => {
      const app = await start();
      const { page } = app;
      assert.equal(await rect(page, 'facet_province=33'), null, 'picker check boxes drawn before the picker opened');
      await clickWidget(page, 'facet_province');
      assert.ok(await rect(page, 'facet_province=33'), 'the province picker did not open');
      await shot(page, `${mode}-03-province-picker`);
      await clickWidget(page, 'facet_province=33');
      const jateng = cliQuery(['--facet', 'province=33']);
      assert.equal(await rowCount(page), jateng.total);
      assert.deepEqual(await rowIds(page), ids(jateng));
      await pressKey(page, 'Escape');
      assert.ok(await rect(page, 'chip_province=33'), 'no chip for the chosen province');
      await shot(page, `${mode}-03-province-chip`);
      await clickWidget(page, 'chip_province=33');
      assert.equal(await rowCount(page), 29, 'removing the chip did not remove the filter');

      // Counts under a search: each value's count is what choosing it would give (with the
      // other filters kept), so choosing values must give exactly those counts.
      await search(page, 'malang');
      const base = cliQuery(['--search', 'malang']);
      assert.equal(await rowCount(page), base.total);
      const provinces = base.facets.province;
      assert.ok(provinces['35'] > 0, 'the CLI found no Jawa Timur row for "malang"');
      assert.equal(await chooseFacet(page, 'province', '35'), provinces['35']);
      const both = cliQuery(['--search', 'malang', '--facet', 'province=35', '--facet', 'province=33']);
      assert.equal(await chooseFacet(page, 'province', '33'), (provinces['35'] ?? 0) + (provinces['33'] ?? 0));
      assert.deepEqual(await rowIds(page), ids(both));
      // Another facet's counts follow search + provinces.
      const years = Object.entries(both.facets.year).filter(([, n]) => n > 0);
      assert.ok(years.length > 0, 'no year facet values under search + provinces');
      const [year, n] = years[0];
      assert.equal(await chooseFacet(page, 'year', year), n, `year=${year} should leave ${n} rows`);
      assert.deepEqual(await rowIds(page),
        ids(cliQuery(['--search', 'malang', '--facet', 'province=35', '--facet', 'province=33', '--facet', `year=${year}`])));
      for (const chip of ['chip_province=35', 'chip_province=33', `chip_year=${year}`])
        assert.ok(await rect(page, chip), `no ${chip}`);
      await shot(page, `${mode}-03-facets-under-search`);
      await clickWidget(page, 'clear_all');
      const s = await state(page);
      assert.equal(s.rows, 29);
      assert.equal(s.search, '');
      await done(app, '03-facets');
    });

    it('clicking the Replikasi header sorts by replications (as the CLI does)', async () => {
      const app = await start();
      const { page } = app;
      // Each header cell is findable as header_<sort column>.
      const h = await rect(page, 'header_replications');
      assert.ok(h, 'no header_replications rect');
      const target = { x: h.cx, y: h.cy };
      await clickWidget(page, target);
      let s = await state(page);
      assert.equal(s.sort, 'replications desc', 'first click on Replikasi should sort by replications, descending');
      assert.deepEqual(await rowIds(page), ids(cliQuery(['--sort', 'replications', '--desc'])));
      await shot(page, `${mode}-04-sort-replications-desc`);
      await clickWidget(page, target);
      s = await state(page);
      assert.equal(s.sort, 'replications asc');
      assert.deepEqual(await rowIds(page), ids(cliQuery(['--sort', 'replications'])));
      await done(app, '04-sort');
    });

    it('selecting a row fills the detail panel', async () => {
      const app = await start();
      const { page } = app;
      const first = (await rowIds(page))[0];
      const before = await shot(page, `${mode}-05-before-select`);
      await clickWidget(page, 'first_row');
      const s = await state(page);
      assert.equal(s.selected, first);
      const title = await rect(page, 'detail_title');
      assert.ok(title && title.w > 0, 'no detail title drawn');
      const row = await rect(page, 'first_row');
      assert.ok(title.x > row.x + row.w, 'the detail panel should be right of the table at 1280 px');
      // The detail panel (right of the table) changed.
      const after = await shot(page, `${mode}-05-selected`);
      const region = { x: Math.ceil(row.x + row.w + 10), y: Math.ceil(title.y), w: 300, h: 200 };
      assert.ok(await diffFraction(page, before, after, { region }) > 0.01, 'the detail panel looks unchanged');
      await done(app, '05-detail');
    });

    it('the language button switches the UI between Indonesian and English', async () => {
      const app = await start();
      const { page } = app;
      const tabId = await rect(page, 'tab_innovations');
      const shotId = await shot(page, `${mode}-06-lang-id`);
      await clickWidget(page, 'language');
      assert.equal((await state(page)).language, 'en');
      const tabEn = await rect(page, 'tab_innovations');
      // "Inovasi (29)" → "Innovations (29)"
      assert.ok(tabEn.w > tabId.w + 10, `tab label should widen in English (${tabId.w} → ${tabEn.w})`);
      const shotEn = await shot(page, `${mode}-06-lang-en`);
      assert.ok(await diffFraction(page, shotId, shotEn) > 0.002, 'the page looks the same in English');
      await clickWidget(page, 'language');
      assert.equal((await state(page)).language, 'id');
      assert.equal((await rect(page, 'tab_innovations')).w, tabId.w);
      await done(app, '06-language');
    });

    it('a synthetic bundle loads and shows the SYNTHETIC badge', async () => {
      const app = await start();
      const { page } = app;
      const { result, framesBefore } = await loadBundleBytes(page, synthetic(), 'synthetic-500.json');
      assert.equal(result, 1, 'atlas_load_bundle refused the synthetic bundle: ' + (await state(page)).loadError);
      await redrawnSince(page, framesBefore);  // the load asks for frames itself
      const s = await state(page);
      assert.equal(s.synthetic, 1);
      assert.equal(s.total, 500);
      assert.equal(s.rows, 500);
      assert.equal(s.loadError, '');
      const badge = await rect(page, 'synthetic_badge');
      assert.ok(badge && badge.w > 0, 'no SYNTHETIC badge');
      const status = await rect(page, 'status_counts');
      assert.ok(Math.abs(badge.cy - status.cy) < status.h, 'the badge should be in the status bar');
      await done(app, '07-synthetic');
    });

    it('a broken bundle shows a readable error and keeps the previous data', async () => {
      const app = await start();
      const { page } = app;
      const before = await shot(page, `${mode}-08-before-error`);
      const { result, framesBefore } = await loadBundleBytes(page, Buffer.from('{"format": '), 'broken.json');
      assert.equal(result, 0);
      await redrawnSince(page, framesBefore);
      const s = await state(page);
      assert.match(s.loadError, /broken\.json/, 'the message should name the file');
      assert.match(s.loadError, /line \d+, column \d+/, 'the message should say where the problem is');
      assert.equal(s.total, 29, 'the seed should stay loaded');
      assert.equal(s.rows, 29);
      assert.equal(s.title, seedMeta.title);
      // A modal: ImGui dims everything behind it, so a plain background pixel gets darker.
      const after = await shot(page, `${mode}-08-error-modal`);
      const status = await rect(page, 'status_counts');
      const spot = [Math.round(status.x + status.w + 2), Math.round(status.y - 6)];  // empty window background
      const [[r0, g0, b0], [r1, g1, b1]] = [...(await pixels(page, before, [spot])), ...(await pixels(page, after, [spot]))];
      assert.ok(r1 + g1 + b1 < r0 + g0 + b0 - 30, `no modal dimming at ${spot}: ${[r0, g0, b0]} → ${[r1, g1, b1]}`);
      await done(app, '08-broken-bundle');
    });

    // atlas_widget_rect promises "" for a widget not drawn last frame: a closed picker's check
    // boxes and a removed chip must not keep rects. (Once: it is about the hook, not the scheme.)
    if (mode === 'file') it('forgets the rects of widgets that are no longer drawn', async () => {
      const app = await start();
      const { page } = app;
      await clickWidget(page, 'facet_province');
      await clickWidget(page, 'facet_province=33');
      assert.ok(await rect(page, 'chip_province=33'));
      await pressKey(page, 'Escape');
      await clickWidget(page, 'chip_province=33');
      assert.equal(await rowCount(page), 29);
      assert.equal(await rect(page, 'facet_province=33'), null, 'the closed picker\'s check box still has a rect');
      assert.equal(await rect(page, 'chip_province=33'), null, 'the removed chip still has a rect');
      await done(app, '10-stale-rects');
    });

    it('is idle when nothing happens (no frames without input)', async () => {
      const app = await start();
      const { page } = app;
      await settle(page);
      const a = await frameCount(page);
      await page.waitForTimeout(1000);
      const b = await frameCount(page);
      assert.equal(b, a, `${b - a} frames drawn in 1 s without input`);
      // Input draws a few frames, then it is idle again.
      await page.mouse.move(400, 300);
      await frames(page, 1, { request: false });
      await settle(page);
      const c = await frameCount(page);
      await page.waitForTimeout(1000);
      assert.equal(await frameCount(page), c, 'frames kept coming after a mouse move');
      await done(app, '09-idle');
    });
  });
}
