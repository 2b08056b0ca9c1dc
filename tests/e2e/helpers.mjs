// Shared helpers of the browser end-to-end tests (tests/e2e/*.test.mjs) and of bench.mjs.
//
// The app is one canvas drawn by Dear ImGui, so tests do not look for DOM elements: they read
// the app's state through the small C functions main.cpp exports (atlas_row_count, …) and find
// widgets through atlas_widget_rect(name), which gives "x,y,w,h" in CSS pixels.
//
// The app renders only on input or change (an idle page draws no frames), so after every input
// a test waits for the frame counter to move and then for it to stop (`settle`).
//
// Environment:
//   ATLAS_PAGE           atlas.html to test (default <repo>/build/web/atlas.html)
//   ATLAS_CLI            native atlas CLI (default <repo>/build/dev/atlas)
//   ATLAS_SEED           the seed bundle embedded in that page (default <repo>/assets/bundles/seed.json)
//   ATLAS_DEFAULT_BUNDLE the bundle the page opens with (default: the first of
//                        assets/bundles/national.json and seed.json that exists, as CMake's
//                        ATLAS_EMBEDDED_BUNDLES default)
//   ATLAS_E2E_ARTIFACTS  where screenshots go (default <repo>/build/e2e-artifacts)
//   ATLAS_CHROMIUM       browser binary (default /usr/bin/chromium; never downloaded)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PAGE = path.resolve(process.env.ATLAS_PAGE || path.join(REPO, 'build/web/atlas.html'));
export const CLI = path.resolve(process.env.ATLAS_CLI || path.join(REPO, 'build/dev/atlas'));
export const SEED = path.resolve(process.env.ATLAS_SEED || path.join(REPO, 'assets/bundles/seed.json'));
export const DEFAULT_BUNDLE = path.resolve(process.env.ATLAS_DEFAULT_BUNDLE ||
  ['assets/bundles/national.json', 'assets/bundles/seed.json'].map((f) => path.join(REPO, f)).find((f) => fs.existsSync(f)));
// Whether the page under test has the map's boundary data built in: the build derives
// generated/atlas_geo.bin next to the page only when ATLAS_GEO_DIR exists (a clone that is not
// next to ../shared has none). ATLAS_PAGE_HAS_MAP=1|0 says it outright. Tests of the drawn map
// are skipped with this reason when it is missing; map.test.mjs then checks the page says so.
export const PAGE_HAS_MAP = process.env.ATLAS_PAGE_HAS_MAP
  ? process.env.ATLAS_PAGE_HAS_MAP === '1'
  : fs.existsSync(path.join(path.dirname(PAGE), 'generated', 'atlas_geo.bin'));
export const NO_MAP = PAGE_HAS_MAP ? false : 'the page under test was built without boundary data';
export const ARTIFACTS = path.resolve(process.env.ATLAS_E2E_ARTIFACTS || path.join(REPO, 'build/e2e-artifacts'));
const CHROMIUM = process.env.ATLAS_CHROMIUM || '/usr/bin/chromium';

const { chromium } = await import(pathToFileURL(path.join(REPO, 'node_modules/playwright-core/index.mjs')).href);

export const VIEWPORT = { width: 1280, height: 800 };

// ---------------------------------------------------------------------------------------------
// Browser, static server, page
// ---------------------------------------------------------------------------------------------

export async function launch() {
  for (const [what, file] of [['ATLAS_PAGE', PAGE], ['browser', CHROMIUM]])
    if (!fs.existsSync(file)) throw new Error(`${what} not found: ${file}`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm',
                '.js': 'text/javascript', '.png': 'image/png', '.css': 'text/css' };

// A tiny static server for the folder of atlas.html on 127.0.0.1 (ephemeral port). `extra` maps
// URL paths ("/big.json") to files elsewhere. Every answer allows any origin, so a file:// page
// may fetch from it too.
export async function startServer(root = path.dirname(PAGE), extra = {}, { headers = {} } = {}) {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // Browsers ask for /favicon.ico by themselves; the page has none (not the app's request).
    if (urlPath === '/favicon.ico' && !extra[urlPath]) { res.writeHead(204).end(); return; }
    let file = extra[urlPath];
    if (!file) {
      file = path.join(root, path.normalize(urlPath).replace(/^([/\\])+/, ''));
      if (!file.startsWith(root + path.sep) && file !== root) { res.writeHead(403).end(); return; }
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end('not found'); return; }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
                           'Content-Length': st.size, 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store',
                           ...headers });
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(file).pipe(res);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    pageUrl: `http://127.0.0.1:${port}/${encodeURIComponent(path.basename(PAGE))}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

export const fileUrl = () => pathToFileURL(PAGE).href;

// Opens the page in a fresh context and waits for the app. `mode` is 'file' or 'http' (then
// `server` is needed). Returns { page, context, errors, consoleErrors, firstFrameMs, readyMs,
// domReadyMs }: errors are uncaught page errors, consoleErrors console.error lines; the times are
// from navigation start (inside the page) to the first frame drawn, to the app being idle after
// start-up, and to DOMContentLoaded (the whole single-file page parsed).
export async function openApp(browser, mode, server, { viewport = VIEWPORT, timeout = 60000 } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [], consoleErrors = [];
  page.on('pageerror', (e) => errors.push(String(e && e.stack || e)));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  // Notes the time of the first frame (performance.now() is relative to navigation start).
  await page.addInitScript(() => {
    const poll = () => {
      const M = window.Module;
      if (M && typeof M._atlas_frame_count === 'function' && M.calledRun && M._atlas_frame_count() >= 1) {
        window.__atlasFirstFrameMs = performance.now();
        return;
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  const url = mode === 'http' ? server.pageUrl : fileUrl();
  await page.goto(url, { waitUntil: 'load', timeout });
  await waitForApp(page, timeout);
  const firstFrameMs = await page.evaluate(() => window.__atlasFirstFrameMs ?? null);
  const readyMs = await page.evaluate(() => performance.now());
  const domReadyMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null);
  return { page, context, errors, consoleErrors, firstFrameMs, readyMs, domReadyMs, mode, url };
}

// The app is up when main() has run and at least two frames were drawn; then waits for it to idle.
export async function waitForApp(page, timeout = 60000) {
  await page.waitForFunction(() => {
    const M = window.Module;
    return !!(M && M.calledRun && typeof M._atlas_frame_count === 'function' && M._atlas_frame_count() >= 2);
  }, null, { polling: 'raf', timeout });
  await settle(page);
}

export function assertNoErrors(app) {
  assert.deepEqual(app.errors, [], `page errors:\n${app.errors.join('\n')}`);
  assert.deepEqual(app.consoleErrors, [], `console errors:\n${app.consoleErrors.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// State of the app (the exported C functions)
// ---------------------------------------------------------------------------------------------

// Module.ccall in the page: ret 'number' | 'string' | null, args numbers or strings.
export function call(page, name, ret = 'number', args = []) {
  return page.evaluate(({ name, ret, args }) =>
    window.Module.ccall(name, ret, args.map((a) => (typeof a === 'string' ? 'string' : 'number')), args),
  { name, ret, args });
}

export const frameCount = (page) => page.evaluate(() => window.Module._atlas_frame_count());
export const rowCount = (page) => call(page, 'atlas_row_count');

// Everything the tests read in one round trip.
export function state(page) {
  return page.evaluate(() => {
    const M = window.Module;
    const s = (n) => M.ccall(n, 'string', [], []);
    const n = (f) => M.ccall(f, 'number', [], []);
    return {
      frames: n('atlas_frame_count'), rows: n('atlas_row_count'), total: n('atlas_total_innovations'),
      replicationRows: n('atlas_replication_row_count'), selected: s('atlas_selected_id'),
      language: s('atlas_language'), synthetic: n('atlas_is_synthetic'), title: s('atlas_bundle_title'),
      loadError: s('atlas_load_error'), search: s('atlas_search_text'), sort: s('atlas_sort'),
    };
  });
}

// Ids of all rows of the innovations table, in table order.
export function rowIds(page) {
  return page.evaluate(() => {
    const M = window.Module;
    const n = M.ccall('atlas_row_count', 'number', [], []);
    const ids = [];
    for (let i = 0; i < n; ++i) ids.push(M.ccall('atlas_row_id', 'string', ['number'], [i]));
    return ids;
  });
}

// {x, y, w, h, cx, cy} in CSS pixels of a widget the app noted (note_rect), or null.
export async function rect(page, name) {
  const s = await call(page, 'atlas_widget_rect', 'string', [name]);
  if (!s) return null;
  const [x, y, w, h] = s.split(',').map(Number);
  return { x, y, w, h, cx: x + w / 2, cy: y + h / 2 };
}

// ---------------------------------------------------------------------------------------------
// Frames and input
// ---------------------------------------------------------------------------------------------

// Waits until `n` more frames were drawn. With request (default) it asks the app for frames
// (atlas_request_frame) while waiting; without, the frames must come from the app itself
// (input it has seen, a change it is showing) — a timeout then means the app did not react.
export async function frames(page, n = 2, { request = true, timeout = 10000 } = {}) {
  return page.evaluate(async ({ n, request, timeout }) => {
    const M = window.Module;
    const start = M._atlas_frame_count();
    const t0 = performance.now();
    while (M._atlas_frame_count() < start + n) {
      if (request) M._atlas_request_frame();
      await new Promise((r) => requestAnimationFrame(r));
      if (performance.now() - t0 > timeout)
        throw new Error(`waited ${timeout} ms for ${n} frames, got ${M._atlas_frame_count() - start}` +
                        (request ? '' : ' (no frame requested: the app did not react by itself)'));
    }
    return M._atlas_frame_count();
  }, { n, request, timeout });
}

// Waits until the app is idle: no frame drawn during `quiet` consecutive animation frames.
export async function settle(page, { quiet = 6, timeout = 15000 } = {}) {
  return page.evaluate(async ({ quiet, timeout }) => {
    const M = window.Module;
    const t0 = performance.now();
    let last = M._atlas_frame_count(), still = 0;
    while (still < quiet) {
      await new Promise((r) => requestAnimationFrame(r));
      const now = M._atlas_frame_count();
      if (now === last) ++still; else { still = 0; last = now; }
      if (performance.now() - t0 > timeout) throw new Error(`the app kept drawing for ${timeout} ms (never idle)`);
    }
    return last;
  }, { quiet, timeout });
}

// Waits (drawing frames) until fn(state) holds; returns the state.
export async function until(page, fn, { timeout = 10000, what = 'condition' } = {}) {
  const t0 = Date.now();
  for (;;) {
    const s = await state(page);
    if (fn(s)) return s;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}; state: ${JSON.stringify(s)}`);
    await frames(page, 1);
  }
}

// Clicks the centre of a named widget (or of {x, y}); the button is held for `hold` frames so
// ImGui sees it down in one frame and up in a later one.
export async function clickWidget(page, nameOrPoint, { hold = 2 } = {}) {
  let x, y;
  if (typeof nameOrPoint === 'string') {
    const r = await rect(page, nameOrPoint);
    assert.ok(r, `widget "${nameOrPoint}" was not drawn (atlas_widget_rect is empty)`);
    assert.ok(r.w > 0 && r.h > 0, `widget "${nameOrPoint}" has an empty rect ${JSON.stringify(r)}`);
    [x, y] = [r.cx, r.cy];
  } else ({ x, y } = nameOrPoint);
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, hold);
  await page.mouse.up();
  await frames(page, 2);
  await settle(page);
}

// Presses a key (Playwright name: 'Escape', 'Control+a', …) holding it for a couple of frames.
export async function pressKey(page, combo) {
  const keys = combo.split('+');
  for (const k of keys) await page.keyboard.down(k);
  await frames(page, 2);
  for (const k of keys.reverse()) await page.keyboard.up(k);
  await frames(page, 2);
  await settle(page);
}

// Types text into whatever has keyboard focus (ASCII), then waits for the app to react by itself.
export async function typeText(page, text) {
  const before = await frameCount(page);
  await page.keyboard.type(text);
  await settle(page);
  const after = await frameCount(page);
  assert.ok(after > before, `no frame drawn after typing "${text}"`);
}

// After a change made through a hook (atlas_load_bundle): waits until the app has drawn it by
// itself (without atlas_request_frame) and is idle again.
export async function redrawnSince(page, framesBefore) {
  await page.waitForFunction((n) => window.Module._atlas_frame_count() >= n + 2, framesBefore,
                             { polling: 'raf', timeout: 10000 });
  await settle(page);
}

// ---------------------------------------------------------------------------------------------
// Bundles
// ---------------------------------------------------------------------------------------------

// The bundles embedded in the page (atlas_bundle_choices): [{index, file, title}], first = default.
export async function bundleChoices(page) {
  const text = await call(page, 'atlas_bundle_choices', 'string');
  return text.split('\n').filter(Boolean).map((line) => {
    const [index, file, ...title] = line.split('|');
    return { index: Number(index), file, title: title.join('|') };
  });
}

// Shows the embedded seed bundle (tests that rely on seed facts call this: the page's default
// may be another bundle). No-op when it is already shown. Returns the state after.
export async function useSeed(page) {
  const seedTitle = JSON.parse(fs.readFileSync(SEED, 'utf8')).meta.title;
  const choice = (await bundleChoices(page)).find((c) => c.title === seedTitle);
  assert.ok(choice, `the page embeds no bundle titled "${seedTitle}" (ATLAS_SEED)`);
  if (await call(page, 'atlas_current_bundle') !== choice.index) {
    const before = await frameCount(page);
    assert.equal(await call(page, 'atlas_choose_bundle', 'number', [choice.index]), 1,
                 `atlas_choose_bundle(${choice.index}) failed: ${await call(page, 'atlas_load_error', 'string')}`);
    await redrawnSince(page, before);
  }
  return state(page);
}

// Writes bytes into wasm memory (in base64 chunks through the DevTools protocol) and calls
// atlas_load_bundle. Returns { result, loadMs, framesBefore } (loadMs: the atlas_load_bundle
// call alone; framesBefore: the frame count just before it, to check the app redraws by itself).
export async function loadBundleBytes(page, bytes, name = 'bundle.json', { chunk = 8 << 20 } = {}) {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  const ptr = await page.evaluate((len) => window.Module._malloc(Math.max(1, len)), buf.length);
  assert.ok(ptr, `_malloc(${buf.length}) failed`);
  for (let off = 0; off < buf.length; off += chunk) {
    const b64 = buf.subarray(off, off + chunk).toString('base64');
    await page.evaluate(({ at, b64 }) => {
      const bin = atob(b64);
      const u = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; ++i) u[i] = bin.charCodeAt(i);
      window.Module.HEAPU8.set(u, at);  // HEAPU8 is re-read: memory growth replaces the view
    }, { at: ptr + off, b64 });
  }
  return callLoad(page, ptr, buf.length, name);
}

// Same through fetch() from a URL (the static server's `extra` files): fast for big bundles.
export async function loadBundleUrl(page, url, name = 'bundle.json') {
  const { ptr, len, fetchMs } = await page.evaluate(async (url) => {
    const t0 = performance.now();
    const res = await fetch(url);
    if (!res.ok) throw new Error(`fetch ${url}: ${res.status}`);
    const data = new Uint8Array(await res.arrayBuffer());
    const fetchMs = performance.now() - t0;
    const ptr = window.Module._malloc(Math.max(1, data.length));
    window.Module.HEAPU8.set(data, ptr);
    return { ptr, len: data.length, fetchMs };
  }, url);
  assert.ok(ptr, `_malloc(${len}) failed`);
  return { ...(await callLoad(page, ptr, len, name)), fetchMs };
}

function callLoad(page, ptr, len, name) {
  return page.evaluate(({ ptr, len, name }) => {
    const M = window.Module;
    const framesBefore = M._atlas_frame_count();
    const t0 = performance.now();
    const result = M.ccall('atlas_load_bundle', 'number', ['number', 'number', 'string'], [ptr, len, name]);
    const loadMs = performance.now() - t0;
    M._free(ptr);  // the dataset owns copies of everything it keeps
    return { result, loadMs, framesBefore };
  }, { ptr, len, name });
}

// ---------------------------------------------------------------------------------------------
// CLI, screenshots, pixels
// ---------------------------------------------------------------------------------------------

export function cli(args, { maxBuffer = 1 << 30 } = {}) {
  if (!fs.existsSync(CLI)) throw new Error(`ATLAS_CLI not found: ${CLI} (set ATLAS_CLI to the native atlas binary)`);
  return execFileSync(CLI, args, { encoding: 'utf8', maxBuffer });
}

// `atlas query SEED …` as JSON {total, facets, rows}.
export function cliQuery(args, file = SEED) {
  return JSON.parse(cli(['query', file, ...args, '--limit', '100000']));
}

export function tmpDir(prefix = 'atlas-e2e-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// Saves a PNG of the page under ARTIFACTS and returns its bytes.
export async function shot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  return page.screenshot({ path: file });
}

// RGBA of pixels of a PNG (decoded by the browser). points: [[x, y], …] in image pixels.
export async function pixels(page, png, points) {
  return page.evaluate(async ({ b64, points }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    return points.map(([x, y]) => Array.from(g.getImageData(x, y, 1, 1).data));
  }, { b64: Buffer.from(png).toString('base64'), points });
}

// Fraction of pixels that differ between two PNGs of the same size (decoded by the browser).
export async function diffFraction(page, pngA, pngB, { region = null, threshold = 24 } = {}) {
  return page.evaluate(async ({ a, b, region, threshold }) => {
    const decode = async (b64) => {
      const bmp = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      const r = region || { x: 0, y: 0, w: bmp.width, h: bmp.height };
      return g.getImageData(r.x, r.y, r.w, r.h).data;
    };
    const [da, db] = [await decode(a), await decode(b)];
    let diff = 0;
    for (let i = 0; i < da.length; i += 4) {
      const d = Math.abs(da[i] - db[i]) + Math.abs(da[i + 1] - db[i + 1]) + Math.abs(da[i + 2] - db[i + 2]);
      if (d > threshold) ++diff;
    }
    return diff / (da.length / 4);
  }, { a: Buffer.from(pngA).toString('base64'), b: Buffer.from(pngB).toString('base64'), region, threshold });
}
