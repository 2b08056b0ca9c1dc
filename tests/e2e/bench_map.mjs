#!/usr/bin/env node
// Browser figures of the map tab (a program that prints numbers, not a test; nothing is asserted).
//
//   node tests/e2e/bench_map.mjs                  # the seed: provinces, all 514 regencies, zoomed
//   ATLAS_E2E_BIG=1 node tests/e2e/bench_map.mjs  # plus a synthetic 100k innovations / 300k replications bundle
//
// Environment: as the tests (ATLAS_PAGE, ATLAS_CLI, …, see helpers.mjs) and bench.mjs's
// ATLAS_E2E_BIG / ATLAS_E2E_BIG_FILE (the same cached file).
//
// "frame" is the time the app spends in one animation-frame callback that draws (wasm: figures
// when they changed, ImGui, the map's vertices, GL command submission), measured inside the
// page around each callback; "interval" is the time between drawn frames as the page sees it,
// which also includes headless Chromium's software GL (SwiftShader) and the 60 Hz pacing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PAGE, call, cli, clickWidget, launch, loadBundleUrl, openApp, settle, startServer } from './helpers.mjs';

const BIG = !!process.env.ATLAS_E2E_BIG;
const BIG_FILE = process.env.ATLAS_E2E_BIG_FILE || path.join(os.tmpdir(), 'atlas-e2e-synth-100k-300k.json');
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const f1 = (x) => (x == null ? 'n/a' : x.toFixed(1));

// Times every requestAnimationFrame callback of the page (installed before the app starts).
function installFrameProbe(page) {
  return page.addInitScript(() => {
    window.__atlasCallbacks = [];
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((ts) => {
      const M = window.Module;
      const before = M && M._atlas_frame_count ? M._atlas_frame_count() : -1;
      const t0 = performance.now();
      cb(ts);
      const t1 = performance.now();
      const after = M && M._atlas_frame_count ? M._atlas_frame_count() : -1;
      if (after > before && before >= 0) window.__atlasCallbacks.push([t0, t1 - t0]);
    });
  });
}

// Requests `n` redraws one after the other; returns per-frame times and intervals (ms).
async function measure(page, n = 40) {
  return page.evaluate(async (n) => {
    const M = window.Module;
    window.__atlasCallbacks.length = 0;
    const start = M._atlas_frame_count();
    while (M._atlas_frame_count() < start + n) {
      M._atlas_request_frame();
      await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(r));
    }
    const cbs = window.__atlasCallbacks.slice();
    const frames = cbs.map((c) => c[1]);
    const intervals = cbs.slice(1).map((c, i) => c[0] - cbs[i][0]);
    return { frames, intervals };
  }, n);
}

async function report(page, label) {
  await settle(page, { timeout: 120000 });
  const { frames, intervals } = await measure(page);
  const drawn = await call(page, 'atlas_map_arcs_drawn');
  const total = await call(page, 'atlas_map_arcs_total');
  const level = await call(page, 'atlas_map_level', 'string');
  console.log(`  ${label.padEnd(34)} frame median ${f1(pct(frames, 0.5))} ms, p90 ${f1(pct(frames, 0.9))} ms; ` +
              `interval median ${f1(pct(intervals, 0.5))} ms; layer ${level}, arcs drawn ${drawn} of ${total}`);
}

async function session(browser, server, bigUrl) {
  const app = await openApp(browser, bigUrl ? 'http' : 'file', server);
  const { page } = app;
  if (bigUrl) {
    const r = await loadBundleUrl(page, bigUrl, 'synthetic-100k.json');
    if (r.result !== 1) throw new Error(`loading the big bundle failed: ${await call(page, 'atlas_load_error', 'string')}`);
    await settle(page, { timeout: 120000 });
  }
  const t0 = await page.evaluate(() => performance.now());
  await clickWidget(page, 'tab_map');
  const firstMs = await page.evaluate((t0) => {
    const c = window.__atlasCallbacks;
    return c.filter((x) => x[0] >= t0).reduce((m, x) => Math.max(m, x[1]), 0);
  }, t0);
  console.log(`  first map frames (figures of the selection computed): slowest frame ${f1(firstMs)} ms`);
  await report(page, 'provinces, whole country');
  // Figures recomputed for a new selection (the index of the bundle is kept): filter by the
  // province under Jawa Timur's label point, then remove the filter again.
  for (const what of ['click Jawa Timur (filter, figures of its selection)', 'click again (figures of everything)']) {
    const [x, y] = (await call(page, 'atlas_map_label_point', 'string', ['35'])).split(',').map(Number);
    const t1 = await page.evaluate(() => performance.now());
    await clickWidget(page, { x, y });
    const slowest = await page.evaluate((t1) => window.__atlasCallbacks.filter((c) => c[0] >= t1).reduce((m, c) => Math.max(m, c[1]), 0), t1);
    console.log(`  ${what}: slowest frame ${f1(slowest)} ms, ${await call(page, 'atlas_row_count')} innovations selected`);
  }
  await clickWidget(page, 'map_regencies');
  await report(page, 'all 514 regencies, whole country');
  for (let i = 0; i < 3; ++i) await clickWidget(page, 'map_zoom_in');
  await report(page, 'regencies, zoomed 3.4× on the centre');
  await app.context.close();
}

const browser = await launch();
const server = await startServer(path.dirname(PAGE), BIG ? { '/big.json': BIG_FILE } : {});
try {
  console.log(`page: ${PAGE} (${(fs.statSync(PAGE).size / 1048576).toFixed(2)} MB)`);
  console.log(`Chromium ${browser.version()}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  // The probe must be in place before the page starts: patch newContext's pages through openApp.
  const orig = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const ctx = await orig(...args);
    const newPage = ctx.newPage.bind(ctx);
    ctx.newPage = async () => { const p = await newPage(); await installFrameProbe(p); return p; };
    return ctx;
  };
  console.log('\nseed bundle, 1280×800:');
  await session(browser, server, null);
  if (BIG) {
    if (!fs.existsSync(BIG_FILE)) cli(['synth', '--innovations', '100000', '--replications', '300000', '--seed', '42', '-o', BIG_FILE]);
    console.log(`\nsynthetic 100k innovations / 300k replications (${(fs.statSync(BIG_FILE).size / 1048576).toFixed(0)} MB), 1280×800:`);
    await session(browser, server, `${server.url}/big.json`);
  } else {
    console.log('\n(big bundle skipped: set ATLAS_E2E_BIG=1)');
  }
} finally {
  await browser.close();
  await server.close();
}
