#!/usr/bin/env node
// Browser figures of the lineage view on a synthetic 1,000-node family (a program that prints
// numbers, not a test; nothing is asserted).
//
//   node tests/e2e/bench_lineage.mjs            (ATLAS_PAGE, ATLAS_CLI as for the tests)
//   ATLAS_LINEAGE_NODES=2000 node tests/e2e/bench_lineage.mjs
//
// A frame's cost is the time the app's requestAnimationFrame callback runs (ImGui building the
// frame, the view drawing, the GL calls), measured in the page around every callback. Headless
// Chromium draws WebGL with SwiftShader (software), so these are slower than on a real GPU.
import fs from 'node:fs';
import path from 'node:path';

import { call, cli, clickWidget, frames, launch, loadBundleBytes, openApp, rect, settle, tmpDir } from './helpers.mjs';

const NODES = Number(process.env.ATLAS_LINEAGE_NODES || 1000);
const FRAMES = 60;

const dir = tmpDir();
const file = path.join(dir, 'family.json');
cli(['synth', '--innovations', '300', '--replications', '600', '--seed', '11', '--family', String(NODES), '-o', file]);
const bytes = fs.readFileSync(file);
const rootId = JSON.parse(bytes.toString('utf8')).innovations[0].id;

const browser = await launch();
const app = await openApp(browser, 'file');
const { page } = app;
await loadBundleBytes(page, bytes, 'family.json');
await clickWidget(page, 'tab_lineage');
await call(page, 'atlas_lineage_open', 'number', [rootId]);
await frames(page, 3);
await settle(page);

// Times every rAF callback of the app (Emscripten looks requestAnimationFrame up at each call).
await page.evaluate(() => {
  const raw = window.requestAnimationFrame.bind(window);
  window.__lineageFrameMs = [];
  window.requestAnimationFrame = (cb) => raw((ts) => {
    const before = window.Module._atlas_frame_count();
    const t0 = performance.now();
    cb(ts);
    if (window.Module._atlas_frame_count() > before) window.__lineageFrameMs.push(performance.now() - t0);
  });
});

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};
async function measure(label, perFrame) {
  await page.evaluate(() => { window.__lineageFrameMs = []; });
  for (let i = 0; i < FRAMES; ++i) {
    if (perFrame) await perFrame(i);
    await frames(page, 1);
  }
  const ms = await page.evaluate(() => window.__lineageFrameMs);
  const s = stats(ms);
  console.log(`${label.padEnd(44)} frames ${String(s.n).padStart(3)}  median ${s.median.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  max ${s.max.toFixed(2)} ms`);
  return s;
}

const nodes = await call(page, 'atlas_lineage_node_count');
const items = await call(page, 'atlas_lineage_item_count');
console.log(`lineage of ${rootId}: ${nodes} nodes, ${items} boxes (groups collapsed); ${FRAMES} frames per row`);
const out = {};
out.fit = await measure('whole family fitted, redraw each frame');
const canvas = await rect(page, 'lineage_canvas');
await page.mouse.move(canvas.cx, canvas.cy);
out.pan = await measure('panning (mouse drag)', async (i) => {
  if (i === 0) await page.mouse.down();
  await page.mouse.move(canvas.cx + (i % 20) * 6 - 60, canvas.cy + (i % 20) * 4 - 40);
  if (i === FRAMES - 1) await page.mouse.up();
});
out.zoom = await measure('zooming in (wheel), labels appear', async (i) => { if (i < 14) await page.mouse.wheel(0, -100); });
out.replay = await measure('time slider replay, one year per frame', async (i) => {
  await call(page, 'atlas_set_timeline_year', 'number', [i % 2 ? 0 : 2014 + (i % 12)]);
});
console.log(JSON.stringify({ lineage_nodes: nodes, boxes: items, frame_ms: out }));
await browser.close();
fs.rmSync(dir, { recursive: true, force: true });
