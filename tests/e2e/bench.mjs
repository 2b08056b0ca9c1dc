#!/usr/bin/env node
// Browser figures of atlas.html (a program that prints numbers, not a test; nothing is asserted).
//
//   node tests/e2e/bench.mjs                    # start-up and keystroke figures on the seed
//   ATLAS_E2E_BIG=1 node tests/e2e/bench.mjs    # plus a 100k/300k synthetic bundle (~130 MB)
//
// Environment: as the tests (ATLAS_PAGE, ATLAS_CLI, …, see helpers.mjs), and
//   ATLAS_E2E_BIG         set to measure the big synthetic bundle
//   ATLAS_E2E_BIG_FILE    where that bundle is kept between runs (default <tmp>/atlas-e2e-synth-100k-300k.json)
//   ATLAS_E2E_RUNS        start-up repetitions per mode (default 3)
// Times are milliseconds measured inside the page (performance.now()); headless Chromium draws
// WebGL with SwiftShader (software), so frame times are far slower than on a real GPU.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CLI, PAGE, cli, clickWidget, frameCount, launch, loadBundleBytes, loadBundleUrl, openApp, settle, startServer,
         state } from './helpers.mjs';

const RUNS = Number(process.env.ATLAS_E2E_RUNS || 3);
const BIG = !!process.env.ATLAS_E2E_BIG;
const BIG_FILE = process.env.ATLAS_E2E_BIG_FILE || path.join(os.tmpdir(), 'atlas-e2e-synth-100k-300k.json');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => (x == null ? 'n/a' : `${Math.round(x)} ms`);
const mb = (x) => `${(x / 1048576).toFixed(1)} MB`;

// Per-keystroke latency: from the browser's keydown event to the frame after the app took the
// character (the frame in which the query ran and the new rows were drawn).
async function installKeyProbe(page) {
  await page.evaluate(() => {
    window.__atlasKeys = [];
    document.getElementById('canvas').addEventListener('keydown', (e) => window.__atlasKeys.push(e.timeStamp), true);
  });
}
async function keystroke(page, ch) {
  const before = await page.evaluate(() => ({
    keys: window.__atlasKeys.length, rows: window.Module.ccall('atlas_row_count', 'number', [], []),
    text: window.Module.ccall('atlas_search_text', 'string', [], []),
  }));
  await page.keyboard.type(ch);
  return page.evaluate(async ({ before, ch }) => {
    const M = window.Module;
    const raf = () => new Promise((r) => requestAnimationFrame(r));
    const t0 = performance.now();
    while (window.__atlasKeys.length <= before.keys) {
      await raf();
      if (performance.now() - t0 > 30000) throw new Error('no keydown seen');
    }
    const down = window.__atlasKeys[before.keys];
    const want = before.text + ch;
    let textFrame = null;
    for (;;) {
      const fc = M._atlas_frame_count();
      if (textFrame === null && M.ccall('atlas_search_text', 'string', [], []) === want) textFrame = fc;
      if (textFrame !== null && fc > textFrame) break;  // the frame after: query ran, rows drawn
      await raf();
      if (performance.now() - t0 > 120000) throw new Error(`"${want}" never reached the app`);
    }
    const rows = M.ccall('atlas_row_count', 'number', [], []);
    return { ms: performance.now() - down, rows, rowsBefore: before.rows, text: want };
  }, { before, ch });
}
async function typingFigures(page, word, label) {
  await clickWidget(page, 'search');
  await installKeyProbe(page);
  const out = [];
  for (const ch of word) {
    const r = await keystroke(page, ch);
    await settle(page);
    out.push(r);
    console.log(`  ${label} keystroke "${r.text}": ${ms(r.ms)} (rows ${r.rowsBefore} → ${r.rows}${r.rows === r.rowsBefore ? ', unchanged' : ''})`);
  }
  return out;
}

// Time of one frame drawn on request (the whole UI, as a keystroke would redraw it).
async function frameTime(page, n = 20) {
  return page.evaluate(async (n) => {
    const M = window.Module;
    const start = M._atlas_frame_count();
    const t0 = performance.now();
    while (M._atlas_frame_count() < start + n) { M._atlas_request_frame(); await new Promise((r) => requestAnimationFrame(r)); }
    return (performance.now() - t0) / n;
  }, n);
}

const browser = await launch();
const server = await startServer(path.dirname(PAGE), BIG ? { '/big.json': BIG_FILE } : {});
try {
  console.log(`page: ${PAGE} (${mb(fs.statSync(PAGE).size)})`);
  console.log(`Chromium ${browser.version()}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  console.log('\nstart-up with the embedded seed (navigation start → first frame / → idle):');
  for (const mode of ['file', 'http']) {
    const first = [], idle = [], dom = [];
    for (let i = 0; i < RUNS; ++i) {
      const app = await openApp(browser, mode, server);
      first.push(app.firstFrameMs);
      idle.push(app.readyMs);
      dom.push(app.domReadyMs);
      await app.context.close();
    }
    console.log(`  ${mode.padEnd(4)}: first frame median ${ms(median(first))} [${first.map(Math.round).join(', ')}], ` +
                `idle median ${ms(median(idle))}; DOMContentLoaded median ${ms(median(dom))}`);
  }

  console.log('\nseed, 1280×800:');
  {
    const app = await openApp(browser, 'file', server);
    console.log(`  one frame (requested redraw): ${ms(await frameTime(app.page))}`);
    await typingFigures(app.page, 'malang', 'seed');
    // Idle cost: main-thread task time of the page over 5 s without input (CDP metrics).
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Performance.enable');
    const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    await app.page.waitForTimeout(1000);
    const t0 = await task();
    const w0 = Date.now();
    await app.page.waitForTimeout(5000);
    const busy = (await task()) - t0;
    console.log(`  idle: main-thread busy ${ms(busy * 1000)} over ${ms(Date.now() - w0)} (${(100 * busy * 1000 / (Date.now() - w0)).toFixed(2)} % of one core)`);
    await app.context.close();
  }

  if (!BIG) {
    console.log('\n(big bundle skipped: set ATLAS_E2E_BIG=1)');
  } else {
    if (!fs.existsSync(BIG_FILE)) {
      const t0 = Date.now();
      cli(['synth', '--innovations', '100000', '--replications', '300000', '--seed', '42', '-o', BIG_FILE]);
      console.log(`\ngenerated ${BIG_FILE} in ${ms(Date.now() - t0)}`);
    }
    const size = fs.statSync(BIG_FILE).size;
    console.log(`\nsynthetic 100k innovations / 300k replications (${mb(size)}):`);
    {
      const t0 = Date.now();
      cli(['query', BIG_FILE, '--search', 'kota', '--limit', '1']);
      console.log(`  native reference: \`${CLI} query BIG --search kota --limit 1\` (load + query; depends on how ATLAS_CLI was built) ${ms(Date.now() - t0)}`);
    }
    for (const mode of ['file', 'http']) {
      const app = await openApp(browser, mode, server);
      const { page } = app;
      let r;
      try {
        r = await loadBundleUrl(page, `${server.url}/big.json`, 'synthetic-100k.json');
      } catch (e) {  // a file:// page may not be allowed to fetch from 127.0.0.1
        console.log(`  ${mode}: fetch from the local server failed (${String(e.message).split('\n')[0]}); copying through DevTools`);
        r = await loadBundleBytes(page, fs.readFileSync(BIG_FILE), 'synthetic-100k.json');
      }
      const t0 = Date.now();
      await settle(page, { timeout: 120000 });
      const s = await state(page);
      const heap = await page.evaluate(() => window.Module.HEAPU8.length);
      console.log(`  ${mode}: atlas_load_bundle ${ms(r.loadMs)} → ${r.result === 1 ? 'loaded' : 'FAILED: ' + s.loadError}` +
                  `${r.fetchMs != null ? `; fetch ${ms(r.fetchMs)}` : ''}; first frames after it until idle ${ms(Date.now() - t0)}; ` +
                  `${s.total} innovations, ${s.replicationRows} replication rows; wasm memory ${mb(heap)}`);
      if (r.result === 1 && mode === 'file') {
        console.log(`  one frame (requested redraw): ${ms(await frameTime(page, 10))}`);
        await typingFigures(page, 'kota', '100k');
        console.log(`  frames drawn in total: ${await frameCount(page)}`);
      }
      await app.context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
