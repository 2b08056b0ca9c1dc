// Browser tests of the map tab (issue 5): the map is painted, clicking Jawa Timur filters the
// innovations table like `atlas query --facet province=35`, the Putik Sari arc from Kab. Malang
// to Kab. Ngawi is there, zoom switches to the regency layer, and the phone layout works.
// Screenshots: build/e2e-artifacts/map-*.png.
//
// ATLAS_PAGE_NOGEO, when set, names a page built without boundary data
// (-DATLAS_GEO_DIR=<no such folder>): its map tab must say so instead of drawing. When the page
// under test itself has none (helpers.mjs#PAGE_HAS_MAP), the drawing tests are skipped and that
// check runs on it instead.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

import {
  NO_MAP, PAGE, PAGE_HAS_MAP, SEED, assertNoErrors, useSeed, call, cliQuery, clickWidget, frames, launch, openApp, pixels, rect, rowIds, settle, shot,
  state, typeText, waitForApp,
} from './helpers.mjs';

const seed = JSON.parse(fs.readFileSync(SEED, 'utf8'));
const SEA = [226, 236, 244];
const near = (px, rgb, tol = 12) => rgb.every((c, i) => Math.abs(px[i] - c) <= tol);

async function openMap(browser, viewport) {
  const app = await openApp(browser, 'file', null, viewport ? { viewport } : {});
  await useSeed(app.page);  // the expectations are seed facts; the page's default may be another bundle
  await clickWidget(app.page, 'tab_map');
  await frames(app.page, 3);
  await settle(app.page);
  return app;
}

async function labelPoint(page, code) {
  const s = await call(page, 'atlas_map_label_point', 'string', [code]);
  assert.ok(s, `label point of ${code} is not on the map`);
  const [x, y] = s.split(',').map(Number);
  return { x, y };
}

// Replications of the seed from an innovation to a regency (the adopter's region or its
// institution's), counted from the bundle itself.
function seedArc(innovationName, regency) {
  const inn = seed.innovations.find((i) => i.name === innovationName);
  assert.ok(inn, `${innovationName} is not in the seed`);
  const inst = new Map(seed.institutions.map((i) => [i.id, i]));
  return seed.replications.filter((r) => {
    if (r.source !== inn.id) return false;
    const code = r.region_code || inst.get(r.adopter)?.region_code || '';
    return code === regency || code.startsWith(`${regency}.`);
  }).length;
}

describe('map view', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(async () => { await browser?.close(); });

  it('paints the provinces (not a blank canvas), with sea where no region is', { skip: NO_MAP }, async () => {
    const app = await openMap(browser);
    const { page } = app;
    assert.equal(await call(page, 'atlas_map_available'), 1, `map not available: ${await call(page, 'atlas_map_error', 'string')}`);
    const canvas = await rect(page, 'map_canvas');
    assert.ok(canvas && canvas.w > 400 && canvas.h > 300, `map canvas too small: ${JSON.stringify(canvas)}`);
    const png = await shot(page, 'map-desktop');
    // Every province label point shows land (not sea, not the page background).
    const codes = seed.innovations.map((i) => (i.region_code || '').slice(0, 2)).filter(Boolean);
    const provinces = [...new Set(['11', '35', '53', '64', '73', '91', ...codes])];
    const points = [];
    for (const c of provinces) {
      const p = await labelPoint(page, c);
      assert.equal(await call(page, 'atlas_map_region_at', 'string', [p.x, p.y]), c, `label point of ${c} is not over ${c}`);
      points.push([Math.round(p.x), Math.round(p.y)]);
    }
    const px = await pixels(page, png, points);
    px.forEach((p, i) => assert.ok(!near(p, SEA) && !near(p, [247, 247, 245]), `province ${provinces[i]} not painted: ${p}`));
    // A grid over the canvas: a good share is land, a good share is sea.
    const grid = [];
    for (let gx = 0.05; gx < 1; gx += 0.05)
      for (let gy = 0.05; gy < 0.6; gy += 0.05) grid.push([Math.round(canvas.x + gx * canvas.w), Math.round(canvas.y + gy * canvas.h)]);
    const gpx = await pixels(page, png, grid);
    const sea = gpx.filter((p) => near(p, SEA)).length / gpx.length;
    assert.ok(sea > 0.2 && sea < 0.9, `sea fraction ${sea.toFixed(2)} of the map area (blank or all land?)`);
    // Jawa Timur owns innovations in the seed: a colour class above zero; Papua has no data.
    assert.ok(await call(page, 'atlas_map_class', 'number', ['35']) >= 1);
    assert.equal(await call(page, 'atlas_map_class', 'number', ['91']), -1);
    assertNoErrors(app);
    await app.context.close();
  });

  it('clicking Jawa Timur filters the innovations table like atlas query --facet province=35; again removes it', { skip: NO_MAP }, async () => {
    const app = await openMap(browser);
    const { page } = app;
    const total = (await rowIds(page)).length;
    const p = await labelPoint(page, '35');
    assert.equal(await call(page, 'atlas_map_region_at', 'string', [p.x, p.y]), '35');
    await clickWidget(page, p);
    assert.equal(await call(page, 'atlas_map_selected_region', 'string'), '35');
    assert.ok(await rect(page, 'chip_province=35'), 'the filter bar shows no Jawa Timur chip');
    await shot(page, 'map-jawa-timur-selected');
    const want = cliQuery(['--facet', 'province=35']).rows.map((r) => r.id);
    assert.ok(want.length > 0 && want.length < total);
    await clickWidget(page, 'tab_innovations');
    const got = await rowIds(page);
    assert.deepEqual([...got].sort(), [...want].sort());
    // Second click on the same province removes the filter.
    await clickWidget(page, 'tab_map');
    await clickWidget(page, await labelPoint(page, '35'));
    assert.equal(await call(page, 'atlas_map_selected_region', 'string'), '');
    assert.equal((await rowIds(page)).length, total);
    assertNoErrors(app);
    await app.context.close();
  });

  it('has the Putik Sari arc from Kab. Malang (35.07) to Kab. Ngawi (35.21)', { skip: NO_MAP }, async () => {
    const app = await openMap(browser);
    const { page } = app;
    const want = seedArc('Putik Sari', '35.21');
    assert.ok(want >= 1);
    assert.equal(await call(page, 'atlas_map_arc_count', 'number', ['35.07', '35.21']), want);
    assert.equal(await call(page, 'atlas_map_arc_count', 'number', ['35.21', '35.07']), 0, 'arcs point from source to adopter');
    // Zoomed in, the regency layer comes on and draws regency arcs.
    for (let i = 0; i < 3; ++i) await clickWidget(page, 'map_zoom_in');
    assert.equal(await call(page, 'atlas_map_level', 'string'), 'regency');
    assert.ok(await call(page, 'atlas_map_arcs_drawn') >= 1);
    await shot(page, 'map-zoomed');
    await clickWidget(page, 'map_reset');
    assert.equal(await call(page, 'atlas_map_level', 'string'), 'province');
    // Selecting Putik Sari highlights its own arcs; the regency layer shows them between regencies.
    await clickWidget(page, 'tab_innovations');
    await clickWidget(page, 'search');
    await typeText(page, 'putik');
    await clickWidget(page, 'first_row');
    assert.equal((await state(page)).selected, seed.innovations.find((i) => i.name === 'Putik Sari').id);
    await clickWidget(page, 'tab_map');
    await clickWidget(page, 'map_regencies');
    assert.equal(await call(page, 'atlas_map_level', 'string'), 'regency');
    assert.ok(await call(page, 'atlas_map_selected_arcs') >= 2, 'Putik Sari\'s arcs are not highlighted');
    const ngawi = await labelPoint(page, '35.21');
    assert.equal(await call(page, 'atlas_map_region_at', 'string', [ngawi.x, ngawi.y]), '35.21');
    await shot(page, 'map-putik-sari-selected');
    assertNoErrors(app);
    await app.context.close();
  });

  it('fits a phone (390×844): the map, its legend and Jawa Timur within the screen', { skip: NO_MAP }, async () => {
    const app = await openMap(browser, { width: 390, height: 844 });
    const { page } = app;
    const canvas = await rect(page, 'map_canvas');
    assert.ok(canvas && canvas.x >= 0 && canvas.x + canvas.w <= 390 && canvas.w > 300, `canvas ${JSON.stringify(canvas)}`);
    const p = await labelPoint(page, '35');
    assert.ok(p.x > 0 && p.x < 390 && p.y > 0 && p.y < 844);
    const png = await shot(page, 'map-phone');
    const [px] = await pixels(page, png, [[Math.round(p.x), Math.round(p.y)]]);
    assert.ok(!near(px, SEA), `Jawa Timur not painted on the phone: ${px}`);
    assertNoErrors(app);
    await app.context.close();
  });

  const noGeoPage = process.env.ATLAS_PAGE_NOGEO || (PAGE_HAS_MAP ? '' : PAGE);
  it('says plainly that boundary data was not built in (page built without it)', { skip: !noGeoPage }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(noGeoPage).href, { waitUntil: 'load' });
    await waitForApp(page);
    await clickWidget(page, 'tab_map');
    assert.equal(await call(page, 'atlas_map_available'), 0);
    assert.match(await call(page, 'atlas_map_error', 'string'), /boundary data was not built into this program/);
    assert.ok(await rect(page, 'map_unavailable'), 'the map tab shows no "not built in" message');
    assert.ok(!(await rect(page, 'map_canvas')), 'a map canvas was drawn without boundary data');
    await shot(page, 'map-no-boundary-data');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
