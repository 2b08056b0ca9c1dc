// Loading newer bundles, deep links and export in the single-file page (issue 8).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  DEFAULT_BUNDLE, NO_MAP, SEED, assertNoErrors, cli, cliQuery, clickWidget, frames, launch, openApp, rect, rowCount, rowIds, settle, shot,
  startServer, state, tmpDir, until,
} from './helpers.mjs';

const call = (page, name, ret = 'number', args = []) => page.evaluate(({ name, ret, args }) =>
  window.Module.ccall(name, ret, args.map((a) => (typeof a === 'string' ? 'string' : 'number')), args), { name, ret, args });
const hash = (page) => page.evaluate(() => location.hash.slice(1));
const notices = (page) => page.evaluate(() => {
  const M = window.Module;
  const out = [];
  for (let i = 0; i < M._atlas_notice_count(); ++i) out.push(M.ccall('atlas_notice', 'string', ['number'], [i]));
  return out;
});

// Bundles written once for these tests.
const dir = tmpDir('atlas-links-');
const synthFile = path.join(dir, 'synthetic-300.json');
cli(['synth', '--innovations', '300', '--replications', '600', '--seed', '5', '-o', synthFile]);
const brokenFile = path.join(dir, 'broken.json');
fs.writeFileSync(brokenFile, '{"format": "atlas-inovasi-bundle", "version": 1, "meta": {"title": "x"');
// A readable bundle with one bad record and a name a spreadsheet would run as a formula.
const seed = JSON.parse(fs.readFileSync(SEED, 'utf8'));
// The bundle the page opens with (the national bundle when it is built in).
const builtIn = JSON.parse(fs.readFileSync(DEFAULT_BUNDLE, 'utf8'));
const hostile = structuredClone(seed);
hostile.meta.title = 'Bundel uji: sel berbahaya';
hostile.innovations[0].name = '=HYPERLINK("http://evil.example","klik")';
hostile.awards.push({ id: 'award-dangling', innovation: 'inn-does-not-exist', competition: 'KIPP', sources: [seed.sources[0].id] });
const hostileFile = path.join(dir, 'hostile.json');
fs.writeFileSync(hostileFile, JSON.stringify(hostile));

async function openData(page) {
  await clickWidget(page, 'data_menu');
  assert.ok(await rect(page, 'menu_open_bundle'), 'the Data menu did not open');
}

async function pickFile(page, file) {
  await openData(page);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickWidget(page, 'menu_open_bundle')]);
  await chooser.setFiles(file);
}

describe('loading, links and export (atlas.html)', () => {
  let browser, server;
  const open = [];
  before(async () => {
    browser = await launch();
    server = await startServer(undefined, { '/data/synthetic.json': synthFile, '/data/broken.json': brokenFile });
  });
  after(async () => {
    for (const a of open) await a.context.close().catch(() => {});
    await browser?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const start = async (mode = 'http', opts) => {
    const app = await openApp(browser, mode, server, opts);
    open.push(app);
    return app;
  };

  it('opens a bundle through the file picker; a broken one keeps the previous data and says why', async () => {
    const app = await start('file');
    const { page } = app;
    await pickFile(page, synthFile);
    let s = await until(page, (x) => x.total === 300, { what: 'the synthetic bundle', timeout: 20000 });
    assert.equal(s.synthetic, 1);
    assert.match(s.title, /synth/i);
    await pickFile(page, brokenFile);
    s = await until(page, (x) => x.loadError !== '', { what: 'a load error', timeout: 20000 });
    assert.match(s.loadError, /broken\.json/);
    assert.equal(s.total, 300, 'the previous bundle must stay');
    assert.ok(await rect(page, 'load_error'), 'the error is shown in a panel');
    await shot(page, 'links-broken-file');
    await clickWidget(page, 'load_error_close');
    assertNoErrors(app);
  });

  it('opens a bundle dropped onto the page', async () => {
    const app = await start('http');
    const { page } = app;
    const text = fs.readFileSync(synthFile, 'utf8');
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      const canvas = document.getElementById('canvas');
      canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    const s = await until(page, (x) => x.total === 300, { what: 'the dropped bundle', timeout: 20000 });
    assert.equal(s.synthetic, 1);
    assertNoErrors(app);
  });

  it('loads ?data=URL, and a failing URL leaves the built-in bundle', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    open.push({ context: ctx });
    await page.goto(`${server.pageUrl}?data=/data/synthetic.json`);
    await page.waitForFunction(() => window.Module?._atlas_total_innovations?.() === 300, null, { timeout: 30000 });
    await settle(page);
    assert.equal((await state(page)).synthetic, 1);

    await page.goto(`${server.pageUrl}?data=/data/missing.json`);
    await page.waitForFunction(() => window.Module?.calledRun && window.Module.ccall('atlas_load_error', 'string', [], []) !== '',
                               null, { timeout: 30000 });
    const s = await state(page);
    assert.match(s.loadError, /missing\.json.*404/);
    assert.equal(s.total, builtIn.innovations.length, 'the built-in bundle stays');
  });

  it('lists the validator\'s messages for a bundle with problems', async () => {
    const app = await start('http');
    const { page } = app;
    await pickFile(page, hostileFile);
    await until(page, (x) => x.title === hostile.meta.title, { what: 'the hostile bundle', timeout: 20000 });
    assert.ok(await call(page, 'atlas_problem_count') >= 1);
    await clickWidget(page, 'status_problems');
    assert.ok(await rect(page, 'problems_window'), 'the problems window opens');
    await shot(page, 'links-problems');
  });

  it('a link restores filters, search, selection and language, also from file://', async () => {
    const app = await start('http');
    const { page } = app;
    const link = 'q=malang&province=35&sel=inn-jarik-masiti&lang=en';
    await call(page, 'atlas_set_state', 'number', [link]);
    await settle(page);
    const expected = cliQuery(['--search', 'malang', '--facet', 'province=35'], DEFAULT_BUNDLE).rows.map((r) => r.id).sort();
    assert.deepEqual((await rowIds(page)).sort(), expected);
    const s = await state(page);
    assert.equal(s.selected, 'inn-jarik-masiti');
    assert.equal(s.language, 'en');
    const h = await hash(page);
    assert.match(h, /q=malang/);
    assert.match(h, /province=35/);

    // The same link opened in a new page from file://.
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    open.push({ context: ctx });
    const other = await ctx.newPage();
    await other.goto(`${app.url.startsWith('http') ? '' : ''}${new URL('file://' + path.resolve(process.env.ATLAS_PAGE || 'build/web/atlas.html')).href}#${h}`);
    await other.waitForFunction(() => window.Module?.calledRun && window.Module._atlas_frame_count() >= 2, null, { timeout: 60000 });
    await settle(other);
    assert.deepEqual((await rowIds(other)).sort(), expected);
    assert.equal((await state(other)).selected, 'inn-jarik-masiti');
    assert.equal((await state(other)).language, 'en');
    await shot(other, 'links-deep-link-file');
  });

  it('copy link puts the view on the clipboard; back and forward walk through changes', async () => {
    const app = await start('http');
    const { page, context } = app;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await call(page, 'atlas_set_state', 'number', ['province=35']);
    await settle(page);
    const rows35 = await rowCount(page);
    // A click in the UI: sort by name descending through the header.
    await clickWidget(page, 'header_name');
    await until(page, (s) => s.sort === 'name desc', { what: 'descending sort' });
    await call(page, 'atlas_set_state', 'number', ['province=33&sort=-name']);
    await settle(page);
    const rows33 = await rowCount(page);
    assert.notEqual(rows33, rows35);

    await openData(page);
    await clickWidget(page, 'menu_copy_link');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, `${server.pageUrl}#province=33&sort=-name`);

    await page.goBack();
    await until(page, (s) => s.sort === 'name desc' && s.rows === rows35, { what: 'back to province 35, descending' });
    await page.goBack();
    await until(page, (s) => s.sort === 'name asc' && s.rows === rows35, { what: 'back to province 35' });
    await page.goForward();
    await until(page, (s) => s.sort === 'name desc', { what: 'forward again' });
    assertNoErrors(app);
  });

  it('ignores garbage and unknown ids in a link with a quiet notice', async () => {
    const app = await start('http');
    const { page } = app;
    const bad = `sel=inn-nope&province=99&zoom=banana&view=%E2%80&q=${'x'.repeat(2000)}&colour=red`;
    await page.goto(`${server.pageUrl}#${bad}`);
    await page.waitForFunction(() => window.Module?.calledRun && window.Module._atlas_frame_count() >= 2, null, { timeout: 60000 });
    await settle(page);
    const s = await state(page);
    assert.equal(s.selected, '');
    assert.equal(s.rows, builtIn.innovations.length, 'nothing was filtered by the bad values');
    const n = await notices(page);
    assert.ok(n.length >= 4, `notices: ${JSON.stringify(n)}`);
    assert.ok(n.some((t) => t.includes('inn-nope')));
    assert.ok(await rect(page, 'notices_dismiss'));
    await shot(page, 'links-notices');
    await clickWidget(page, 'notices_dismiss');
    assert.equal((await notices(page)).length, 0);
    // Still alive: a filter works.
    await call(page, 'atlas_set_state', 'number', ['province=35']);
    await settle(page);
    assert.equal(await rowCount(page), cliQuery(['--facet', 'province=35'], DEFAULT_BUNDLE).total);
  });

  it('exports the selected innovations as spreadsheet-safe CSV', async () => {
    const app = await start('http');
    const { page } = app;
    await pickFile(page, hostileFile);
    await until(page, (x) => x.title === hostile.meta.title, { what: 'the hostile bundle', timeout: 20000 });
    await call(page, 'atlas_set_state', 'number', ['province=35']);
    await settle(page);
    await openData(page);
    const [download] = await Promise.all([page.waitForEvent('download'), clickWidget(page, 'menu_export_innovations')]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const bytes = fs.readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n').filter(Boolean);
    assert.ok(lines[0].startsWith('id,name,'));
    const ids = await rowIds(page);
    assert.equal(lines.length, ids.length + 1);
    for (let i = 0; i < ids.length; ++i) assert.ok(lines[i + 1].startsWith(ids[i] + ','), `row ${i}: ${lines[i + 1]}`);
    // The injection case: the hostile name is exported as text (apostrophe, quoted).
    const injected = hostile.innovations[0];
    if (ids.includes(injected.id)) {
      assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"",""klik"")"`), 'the formula is neutralised');
    } else {
      const all = await call(page, 'atlas_export_csv', 'string', ['innovations']);
      assert.ok(all.length > 0);
    }
    // The same text as atlas export on the same file and filters.
    const fromCli = cli(['export', hostileFile, '--facet', 'province=35']);
    assert.equal(bytes.toString('utf8'), fromCli);
  });

  it('saves the map as drawn as a PNG', { skip: NO_MAP }, async () => {
    const app = await start('http');
    const { page } = app;
    await clickWidget(page, 'tab_map');
    await settle(page);
    const r = await rect(page, 'map_canvas');
    assert.ok(r, 'the map is drawn');
    await openData(page);
    const [download] = await Promise.all([page.waitForEvent('download'), clickWidget(page, 'menu_export_map')]);
    assert.match(download.suggestedFilename(), /-peta\.png$/);
    const png = fs.readFileSync(await download.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    const width = png.readUInt32BE(16), height = png.readUInt32BE(20);
    assert.ok(Math.abs(width - r.w) <= 2 && Math.abs(height - r.h) <= 2, `${width}x${height} vs ${r.w}x${r.h}`);
    // Not a blank image: the painted provinces give many colours.
    const colours = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      return seen.size;
    }, png.toString('base64'));
    assert.ok(colours > 20, `only ${colours} colours in the exported map`);
    fs.copyFileSync(await download.path(), path.join(process.env.ATLAS_E2E_ARTIFACTS || 'build/e2e-artifacts', 'links-exported-map.png'));
  });

  it('a link opens the map at its zoom, centre and measure, and the view comes back the same', { skip: NO_MAP }, async () => {
    const app = await start('http');
    const { page } = app;
    const link = 'view=map&zoom=4&at=112.6,-7.9&metric=received';
    assert.equal(await call(page, 'atlas_set_state', 'number', [link]), 0);
    await settle(page);
    await frames(page, 3);
    await settle(page);
    const st = await call(page, 'atlas_get_state', 'string');
    assert.equal(st, link);
    assert.equal(await call(page, 'atlas_map_level', 'string'), 'regency', 'zoomed in: the regency layer');
    assert.ok(await rect(page, 'map_canvas'), 'the map tab is open');
    await shot(page, 'links-map-link');

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    open.push({ context: ctx });
    const other = await ctx.newPage();
    await other.goto(`${server.pageUrl}#${st}`);
    await other.waitForFunction(() => window.Module?.calledRun && window.Module._atlas_frame_count() >= 2, null, { timeout: 60000 });
    await settle(other);
    await frames(other, 3);
    await settle(other);
    assert.equal(await call(other, 'atlas_get_state', 'string'), link);
    assert.equal(await other.evaluate(() => location.hash.slice(1)), link);
  });
});
