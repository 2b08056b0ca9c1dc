// Browser tests of the figures tab ("Angka"), the charts, confidence markers and the choice of
// embedded bundle (issue 7). Run: node --test tests/e2e/figures.test.mjs (see README.md there).
//
// Expected numbers never come from the app itself: published values from the bundle file,
// computed values recounted here from the bundle JSON, filtered row counts from `atlas query`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  DEFAULT_BUNDLE, SEED, assertNoErrors, bundleChoices, call, cliQuery, clickWidget, frameCount, frames, launch,
  loadBundleBytes, openApp, rect, redrawnSince, rowCount, settle, shot, state, useSeed,
} from './helpers.mjs';

const seed = JSON.parse(fs.readFileSync(SEED, 'utf8'));
const defaultMeta = JSON.parse(fs.readFileSync(DEFAULT_BUNDLE, 'utf8')).meta;

// Rows of the figures tab as the app computed them: {id: {published, computed, filtered}}.
async function figureRows(page) {
  const n = await call(page, 'atlas_figure_count');
  const out = {};
  for (let i = 0; i < n; ++i) {
    const [id, published, computed, filtered] = (await call(page, 'atlas_figure_row', 'string', [i])).split('|');
    out[id] = { i, published, computed, filtered };
  }
  return out;
}

// Independent recount (from the JSON) of the KIPP 2014–2023 figures' scope: innovations with a
// KIPP award in those years, those replicated, and the institutions replicating them.
function kippCounts(bundle) {
  const inScope = new Set(bundle.awards
    .filter((a) => (a.competition || '').toLowerCase() === 'kipp' && a.year >= 2014 && a.year <= 2023)
    .map((a) => a.innovation));
  const replicated = new Set(), institutions = new Set();
  let unnamed = 0;
  for (const r of bundle.replications || []) {
    if (!inScope.has(r.source)) continue;
    replicated.add(r.source);
    institutions.add(r.adopter);
    if ((r.adopter_count || 1) > 1) unnamed += r.adopter_count - 1;
  }
  for (const c of bundle.cohorts || []) {
    const mine = c.innovations.filter((i) => inScope.has(i));
    if (!mine.length) continue;
    mine.forEach((i) => replicated.add(i));
    (c.adopters || []).forEach((a) => institutions.add(a));
    unnamed += Math.max(c.adopters?.length || 0, c.adopter_count || 0) - (c.adopters?.length || 0);
  }
  return { top: inScope.size, replicated: replicated.size, institutions: institutions.size + unnamed };
}

// Scrolls the figures tab (mouse wheel over it) until widget `name` lies inside it; returns its rect.
async function reveal(page, name) {
  for (let tries = 0; tries < 40; ++tries) {
    const view = await rect(page, 'figures_view');
    const r = await rect(page, name);
    assert.ok(view, 'the figures tab is not drawn');
    assert.ok(r, `widget ${name} was not drawn`);
    const below = r.y + r.h - (view.y + view.h), above = view.y - r.y;
    if (below <= 0 && above <= 0) return r;
    await page.mouse.move(view.cx, view.cy);
    await page.mouse.wheel(0, below > 0 ? Math.min(below + 20, 300) : -Math.min(above + 20, 300));
    await settle(page);
  }
  throw new Error(`could not scroll ${name} into view`);
}
async function clickBar(page, name) {
  await reveal(page, name);
  await clickWidget(page, name);
}

async function openFigures(page) {
  await clickWidget(page, 'tab_figures');
  assert.equal(await call(page, 'atlas_active_tab'), 4, 'the figures tab did not open');
}

describe('figures tab, charts, confidence markers, bundle choice', () => {
  let browser;
  const open = [];
  before(async () => { browser = await launch(); });
  after(async () => {
    for (const a of open) await a.context.close().catch(() => {});
    await browser?.close();
  });
  async function start(viewport) {
    const app = await openApp(browser, 'file', null, viewport ? { viewport } : {});
    open.push(app);
    return app;
  }
  async function done(app) {
    assertNoErrors(app);
    await app.context.close();
    open.splice(open.indexOf(app), 1);
  }

  it('the page opens the default bundle and lists the embedded ones', async () => {
    const app = await start();
    const { page } = app;
    const s = await state(page);
    assert.equal(s.title, defaultMeta.title, `the page does not open ${path.basename(DEFAULT_BUNDLE)}`);
    const choices = await bundleChoices(page);
    assert.ok(choices.length >= 1);
    assert.equal(choices[0].file, path.basename(DEFAULT_BUNDLE), 'the first embedded bundle is not the default');
    assert.equal(choices[0].title, defaultMeta.title, 'choices are not listed by meta.title');
    assert.ok(choices.some((c) => c.title === seed.meta.title), 'the seed bundle is not offered');
    assert.equal(await call(page, 'atlas_current_bundle'), 0);
    await openFigures(page);
    await shot(page, 'figures-01-default-1280');
    await done(app);
  });

  it('shows published and computed values side by side, with the partial banner', async () => {
    const app = await start();
    const { page } = app;
    await useSeed(page);
    await openFigures(page);
    assert.equal(await call(page, 'atlas_figures_banner', 'string'), 'partial',
                 'the seed holds a sliver of the national figures: the banner must say partial');
    assert.ok(await rect(page, 'figures_banner'), 'no banner drawn');
    const rows = await figureRows(page);
    assert.equal(Object.keys(rows).length, seed.figures.length);
    const want = kippCounts(seed);
    const cases = [
      ['fig-kipp-top-inovasi-2014-2023', 1065, want.top],
      ['fig-kipp-inovasi-direplikasi-2014-2023', 252, want.replicated],
      ['fig-kipp-instansi-replikator-2014-2023', 631, want.institutions],
      ['fig-jateng-2021-kabkota-pelaksana', 12, 12],
      ['fig-jateng-2021-inovasi-direplikasi', 6, 6],
    ];
    for (const [id, published, computed] of cases) {
      assert.ok(rows[id], `figure ${id} is not in the table`);
      assert.equal(Number(rows[id].published), published, `${id}: published value`);
      assert.equal(rows[id].computed, String(computed), `${id}: computed over the bundle`);
      assert.equal(rows[id].filtered, '', `${id}: no filters, yet a filtered value`);
      assert.ok(await rect(page, `figure_${id}`), `${id}: row not drawn`);
    }
    assert.ok(want.top > 0 && want.top < 1065, `recount of KIPP top innovations: ${want.top}`);
    // A figure that is not a count shows no computed value.
    assert.equal(rows['fig-kipp-tahun-pertama'].computed, '');
    // Grouped by period, newest first: the 2014–2023 figures come after the 2024 ones.
    assert.ok(rows['fig-brexit-puskesmas-penandatangan-komitmen'].i < rows['fig-kipp-top-inovasi-2014-2023'].i);
    assert.ok(rows['fig-kipp-top-inovasi-2014-2023'].i < rows['fig-jateng-2021-kabkota-pelaksana'].i);
    await shot(page, 'figures-02-seed-1280');
    await reveal(page, 'bar_province_35');
    await shot(page, 'figures-02b-seed-charts-1280');

    // With a filter, the filtered column appears and is computed over the kept innovations.
    await clickBar(page, 'bar_province_33');
    const jateng = cliQuery(['--facet', 'province=33']);
    assert.equal(await rowCount(page), jateng.total);
    const after = await figureRows(page);
    const f = after['fig-jateng-2021-inovasi-asal-jateng'];
    assert.equal(f.filtered, '3', 'three Jawa Tengah innovations in the 2021 program');
    assert.equal(after['fig-kipp-tahun-pertama'].filtered, '');
    await shot(page, 'figures-03-seed-filtered-1280');
    await done(app);
  });

  it('clicking a bar filters the tables; clicking again removes the filter', async () => {
    const app = await start();
    const { page } = app;
    const { total } = await useSeed(page);
    await openFigures(page);

    // Awards chart: the year with most awards, then one of its tier segments.
    const years = {};
    for (const a of seed.awards) if (a.year) years[a.year] = (years[a.year] || 0) + 1;
    const year = Object.entries(years).sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
    assert.ok(await rect(page, `bar_awards_${year}`), `no bar for ${year}`);
    await clickBar(page, `bar_awards_${year}`);
    const byYear = cliQuery(['--facet', `year=${year}`]);
    assert.ok(byYear.total > 0 && byYear.total < total);
    assert.equal(await rowCount(page), byYear.total, `rows after clicking the ${year} bar`);
    assert.ok(await rect(page, `chip_year=${year}`), 'the filter bar shows no chip for the clicked year');
    for (const t of new Set(seed.awards.map((a) => a.tier).filter(Boolean)))
      assert.equal(await rect(page, `chip_tier=${t}`), null, 'the year label filtered by a tier too');
    await shot(page, 'figures-04-year-bar-clicked');
    await clickBar(page, `bar_awards_${year}`);
    assert.equal(await rowCount(page), total, 'clicking the bar again did not remove the year filter');
    assert.equal(await rect(page, `chip_year=${year}`), null);

    const tier = seed.awards.find((a) => String(a.year) === year && a.tier).tier;
    await clickBar(page, `bar_awards_${year}_${tier}`);
    const byBoth = cliQuery(['--facet', `year=${year}`, '--facet', `tier=${tier}`]);
    assert.equal(await rowCount(page), byBoth.total, 'a tier segment filters by year and tier');
    assert.ok(await rect(page, `chip_tier=${tier}`));
    await clickBar(page, `bar_awards_${year}_${tier}`);
    assert.equal(await rowCount(page), total, 'clicking the segment again did not remove both filters');

    // Replications chart: a segment filters by stage only (the replication year is no facet).
    const STAGES = ['interest', 'commitment', 'action_plan', 'implemented'];
    const dated = seed.replications.map((r) => ({
      dates: (r.stages || []).map((x) => x.date).filter(Boolean).sort(),
      stage: STAGES[Math.max(...(r.stages || []).map((x) => STAGES.indexOf(x.stage)))],
    })).find((r) => r.dates.length);
    assert.ok(dated, 'the seed has a dated replication');
    const seg = dated.stage, repYear = dated.dates[0].slice(0, 4);
    await clickBar(page, `bar_replications_${repYear}_${seg}`);
    const byStage = cliQuery(['--facet', `stage=${seg}`]);
    assert.ok(byStage.total > 0 && byStage.total < total);
    assert.equal(await rowCount(page), byStage.total, `rows after clicking the ${repYear} ${seg} segment`);
    assert.ok(await rect(page, `chip_stage=${seg}`));
    assert.equal(await rect(page, `chip_year=${repYear}`), null, 'a replication bar must not filter by award year');
    await shot(page, 'figures-05-stage-segment-clicked');
    await clickBar(page, `bar_replications_${repYear}_${seg}`);
    assert.equal(await rowCount(page), total);

    // The awards legend filters by tier alone.
    await clickBar(page, `legend_awards_${tier}`);
    assert.equal(await rowCount(page), cliQuery(['--facet', `tier=${tier}`]).total);
    assert.equal(await rect(page, `chip_year=${year}`), null);
    await clickBar(page, `legend_awards_${tier}`);
    assert.equal(await rowCount(page), total);

    // Provinces chart: a row filters by owner province.
    await clickBar(page, 'bar_province_35');
    assert.equal(await rowCount(page), cliQuery(['--facet', 'province=35']).total);
    assert.ok(await rect(page, 'chip_province=35'));
    await clickWidget(page, 'chip_province=35');  // the chip removes it as well
    assert.equal(await rowCount(page), total);
    await done(app);
  });

  it('low-confidence records carry a marker in both tables', async () => {
    const app = await start();
    const { page } = app;
    await useSeed(page);
    // Replications: the seed has low-confidence replications (Putik Sari, Jarik Ma'Siti).
    const low = seed.replications.filter((r) => r.confidence === 'low');
    assert.ok(low.length > 0);
    await clickWidget(page, 'tab_replications');
    const drawn = [];
    for (const r of low) if (await rect(page, `low_conf_${r.id}`)) drawn.push(r.id);
    assert.ok(drawn.length > 0, 'no low-confidence replication shows its marker');
    const sure = seed.replications.find((r) => r.confidence === 'high');
    assert.equal(await rect(page, `low_conf_${sure.id}`), null, 'a high-confidence replication has a marker');
    await shot(page, 'figures-06-low-confidence-replications');

    // Innovations: the seed has none, so load it with one marked low.
    const copy = structuredClone(seed);
    const target = copy.innovations.find((i) => i.name.startsWith('BREXIT')) || copy.innovations[0];
    target.confidence = 'low';
    copy.meta.title = 'Seed, one innovation marked low';
    const before = await frameCount(page);
    const { result } = await loadBundleBytes(page, Buffer.from(JSON.stringify(copy)), 'low.json');
    assert.equal(result, 1);
    await redrawnSince(page, before);
    assert.equal(await call(page, 'atlas_current_bundle'), -1, 'a dropped bundle is not an embedded one');
    await clickWidget(page, 'tab_innovations');
    const marker = await rect(page, `low_conf_${target.id}`);
    assert.ok(marker, `${target.id} (low) shows no marker`);
    const other = copy.innovations.find((i) => i.id !== target.id);
    assert.equal(await rect(page, `low_conf_${other.id}`), null);
    await page.mouse.move(marker.cx, marker.cy);
    await settle(page);
    await shot(page, 'figures-07-low-confidence-innovation');
    await done(app);
  });

  it('the bundle switch changes the data and keeps it when a choice fails', async () => {
    const app = await start();
    const { page } = app;
    const choices = await bundleChoices(page);
    const title0 = (await state(page)).title;
    // A choice that does not exist fails and keeps the data.
    assert.equal(await call(page, 'atlas_choose_bundle', 'number', [choices.length]), 0);
    let s = await state(page);
    assert.equal(s.title, title0);
    assert.match(s.loadError, /no such embedded bundle/);
    await frames(page, 3);  // an auto-sized popup is placed in its second frame
    await settle(page);
    await clickWidget(page, 'load_error_close');
    assert.equal((await state(page)).loadError, '', 'the error box did not close');
    if (choices.length < 2) {
      // One bundle: the status bar shows its title, no menu.
      assert.equal(await rect(page, 'bundle_switch'), null, 'a menu with a single bundle in it');
      await done(app);
      return;
    }
    await clickWidget(page, 'bundle_switch');
    await shot(page, 'figures-08-bundle-menu');
    await clickWidget(page, 'bundle_choice_1');
    s = await state(page);
    assert.equal(s.title, choices[1].title);
    assert.equal(await call(page, 'atlas_current_bundle'), 1);
    await clickWidget(page, 'bundle_switch');
    await clickWidget(page, 'bundle_choice_0');
    assert.equal((await state(page)).title, choices[0].title);
    await done(app);
  });

  it('fits a 390 px phone', async () => {
    const app = await start({ width: 390, height: 844 });
    const { page } = app;
    await useSeed(page);
    await openFigures(page);
    const banner = await rect(page, 'figures_banner');
    assert.ok(banner && banner.x >= 0 && banner.x + banner.w <= 390, `banner ${JSON.stringify(banner)} outside the page`);
    await shot(page, 'figures-09-phone-390');
    const bar = await reveal(page, 'bar_province_35');
    assert.ok(bar.x >= 0 && bar.x + bar.w <= 390, `province row ${JSON.stringify(bar)} outside the page`);
    const years = [...new Set(seed.awards.map((a) => a.year).filter(Boolean))];
    for (const y of years) {
      const r = await rect(page, `bar_awards_${y}`);
      assert.ok(r && r.x >= 0 && r.x + r.w <= 390, `year label ${y} ${JSON.stringify(r)} outside the page`);
    }
    await shot(page, 'figures-09b-phone-390-charts');
    await reveal(page, `bar_awards_${years[0]}`);
    await shot(page, 'figures-09c-phone-390-awards');
    await done(app);
  });
});
