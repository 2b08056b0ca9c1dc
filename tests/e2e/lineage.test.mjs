// Browser tests of the lineage view (issue 6): the family the view draws agrees with
// `atlas lineage` on the same bundle, a click on a child selects it everywhere, the time slider
// hides what happened later, the ranking opens a lineage, groups expand. Screenshots are kept
// under build/e2e-artifacts (lineage-*.png).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { SEED, useSeed, assertNoErrors, call, cli, clickWidget, frames, launch, loadBundleBytes, openApp, rect, settle, shot,
         startServer, tmpDir, typeText } from './helpers.mjs';

const lineageOf = (id, file = SEED) => JSON.parse(cli(['lineage', file, id]));
const selected = (page) => call(page, 'atlas_selected_id', 'string');
const nodeCount = (page) => call(page, 'atlas_lineage_node_count');
const visibleCount = (page) => call(page, 'atlas_lineage_visible_node_count');
const itemCount = (page) => call(page, 'atlas_lineage_item_count');

async function items(page) {
  const n = await itemCount(page);
  const out = [];
  for (let i = 0; i < n; ++i) {
    const r = await call(page, 'atlas_lineage_item_rect', 'string', [i]);
    const [x, y, w, h] = r ? r.split(',').map(Number) : [0, 0, 0, 0];
    out.push({ i, label: await call(page, 'atlas_lineage_item_label', 'string', [i]),
               kind: await call(page, 'atlas_lineage_item_kind', 'string', [i]),
               drawn: !!r, x, y, w, h, cx: x + w / 2, cy: y + h / 2 });
  }
  return out;
}

async function openLineageTab(page) {
  await clickWidget(page, 'tab_lineage');
  assert.ok(await rect(page, 'lineage_search'), 'the lineage view draws its search box');
}

// Picks an innovation through the view's own search box.
async function searchAndPick(page, text) {
  await clickWidget(page, 'lineage_search');
  await typeText(page, text);
  await clickWidget(page, 'lineage_search_result_0');
}

let browser, server;
before(async () => { browser = await launch(); server = await startServer(); });
after(async () => { await browser?.close(); await server?.close(); });

for (const mode of ['file', 'http']) {
  describe(`lineage (${mode})`, () => {
    test('search → family as `atlas lineage` counts it; a click on a child selects it', async () => {
      const app = await openApp(browser, mode, server);
      const { page } = app;
      await useSeed(page);  // seed facts; the page's default may be another bundle
      await openLineageTab(page);
      assert.equal(await nodeCount(page), 0, 'nothing selected yet: no lineage');
      await searchAndPick(page, 'jarik');
      assert.equal(await selected(page), 'inn-jarik-masiti');
      const expected = lineageOf('inn-jarik-masiti').lineage;
      assert.equal(await nodeCount(page), expected.nodes, 'view and CLI agree on the node count');
      assert.equal(await call(page, 'atlas_lineage_root_id', 'string'), expected.root.id);
      const its = await items(page);
      const child = its.find((it) => it.label === 'NASI TIGA BERAS');
      assert.ok(child && child.drawn, `NASI TIGA BERAS drawn: ${JSON.stringify(its)}`);
      const root = its.find((it) => it.label === 'Jarik Ma’Siti');
      assert.ok(root.cx < child.cx, 'generations run left to right');
      // No two boxes overlap on screen.
      for (const a of its) for (const b of its)
        if (a.i < b.i && a.drawn && b.drawn)
          assert.ok(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `${a.label} overlaps ${b.label}`);
      await shot(page, `lineage-${mode}-01-jarik-1280`);

      await clickWidget(page, { x: child.cx, y: child.cy });
      assert.equal(await selected(page), 'inn-nasi-tiga-beras', 'the click selects the child everywhere');
      assert.ok(await rect(page, 'detail_title'), 'the detail panel shows it');
      // Same family from the child: the CLI agrees from that side too.
      const fromChild = lineageOf('inn-nasi-tiga-beras').lineage;
      assert.equal(fromChild.root.id, 'inn-jarik-masiti');
      assert.equal(await nodeCount(page), fromChild.nodes);
      // An adopter without an innovation selects the source it took up.
      const adopter = (await items(page)).find((it) => it.kind === 'adopter' && it.drawn);
      await clickWidget(page, { x: adopter.cx, y: adopter.cy });
      assert.equal(await selected(page), 'inn-jarik-masiti');
      await shot(page, `lineage-${mode}-02-adopter-clicked`);
      assertNoErrors(app);
      await app.context.close();
    });

    test('the time slider at an early year hides what came later; "all years" brings it back', async () => {
      const app = await openApp(browser, mode, server);
      const { page } = app;
      await useSeed(page);  // seed facts; the page's default may be another bundle
      await openLineageTab(page);
      await searchAndPick(page, 'putik sari');
      assert.equal(await selected(page), 'inn-putik-sari');
      const cliOut = lineageOf('inn-putik-sari');
      const total = cliOut.lineage.nodes;
      assert.equal(await nodeCount(page), total);
      assert.equal(await visibleCount(page), total);
      const slider = await rect(page, 'lineage_year_slider');
      assert.ok(slider, 'slider drawn');
      await clickWidget(page, { x: slider.x + 4, y: slider.cy });
      const year = await call(page, 'atlas_timeline_year');
      assert.ok(year > 0 && year < 2024, `slider at its left end gives an early year, got ${year}`);
      // Putik Sari itself plus its replications dated by then (or undated).
      const expected = 1 + cliOut.replications.filter((r) => r.date === null || Number(r.date.slice(0, 4)) <= year).length;
      assert.equal(await visibleCount(page), expected);
      assert.ok(expected < total, 'some nodes are hidden');
      const drawn = (await items(page)).filter((it) => it.drawn).length;
      assert.equal(drawn, expected, 'hidden nodes are not drawn');
      await shot(page, `lineage-${mode}-03-slider-${year}`);
      await clickWidget(page, 'lineage_all_years');
      assert.equal(await call(page, 'atlas_timeline_year'), 0);
      assert.equal(await visibleCount(page), total);
      assertNoErrors(app);
      await app.context.close();
    });
  });
}

describe('lineage (file, phone and synthetic)', () => {
  test('390x844: the ranking opens the most adopted innovation of the filtered result', async () => {
    const app = await openApp(browser, 'file', server, { viewport: { width: 390, height: 844 } });
    const { page } = app;
    await useSeed(page);
    await openLineageTab(page);
    await clickWidget(page, 'lineage_rank_0');
    const id = await selected(page);
    assert.ok(id, 'a ranking row selects an innovation');
    // The CLI's figures of every innovation in the result: the top row has the most adopters.
    const rows = JSON.parse(cli(['query', SEED, '--limit', '1000'])).rows;
    const adopters = rows.map((r) => lineageOf(r.id).lineage.adopters);
    assert.equal(lineageOf(id).lineage.adopters, Math.max(...adopters));
    assert.equal(await nodeCount(page), lineageOf(id).lineage.nodes);
    await shot(page, 'lineage-file-04-ranking-390');
    assertNoErrors(app);
    await app.context.close();
  });

  test('a 1,000-node synthetic family: CLI count, groups collapsed, a click expands one', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'family.json');
    cli(['synth', '--innovations', '300', '--replications', '600', '--seed', '11', '--family', '1000', '-o', file]);
    const bytes = fs.readFileSync(file);
    const rootId = JSON.parse(bytes.toString('utf8')).innovations[0].id;
    const expected = lineageOf(rootId, file).lineage;
    assert.ok(expected.nodes >= 1000, `family of ${expected.nodes} nodes`);
    const app = await openApp(browser, 'file', server);
    const { page } = app;
    await loadBundleBytes(page, bytes, 'family.json');
    await openLineageTab(page);
    assert.equal(await call(page, 'atlas_lineage_open', 'number', [rootId]), 1);
    await frames(page, 3);
    await settle(page);
    assert.equal(await nodeCount(page), expected.nodes, 'view and CLI agree on 1,000+ nodes');
    const before = await itemCount(page);
    assert.ok(before < expected.nodes, `sibling groups collapse (${before} boxes for ${expected.nodes} nodes)`);
    await shot(page, 'lineage-file-05-synthetic-fit');
    // Zoom in on a group and click it.
    let group = (await items(page)).find((it) => it.kind === 'group' && it.drawn);
    assert.ok(group, 'a group box is drawn');
    assert.match(group.label, /^\d+ /, 'a group says how many it holds');
    await page.mouse.move(group.cx, group.cy);
    for (let k = 0; k < 12; ++k) { await page.mouse.wheel(0, -100); await frames(page, 1); }
    await settle(page);
    group = (await items(page)).find((it) => it.i === group.i);
    assert.ok(group.drawn, 'the group is still on screen after zooming');
    await shot(page, 'lineage-file-06-synthetic-zoomed');
    const members = Number(group.label.split(' ')[0]);
    await clickWidget(page, { x: group.cx, y: group.cy });
    assert.equal(await itemCount(page), before - 1 + members, 'the group opened into its members');
    assert.equal(await nodeCount(page), expected.nodes);
    await shot(page, 'lineage-file-07-synthetic-expanded');
    assertNoErrors(app);
    await app.context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
