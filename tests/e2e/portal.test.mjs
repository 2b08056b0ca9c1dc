// The portal build embedded in a host page under a strict Content-Security-Policy (issue 8).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { PAGE, SEED, cli, cliQuery, launch, settle, shot, startServer, tmpDir } from './helpers.mjs';

const PORTAL = path.join(path.dirname(PAGE), 'portal');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";
const seed = JSON.parse(fs.readFileSync(SEED, 'utf8'));

const dir = tmpDir('atlas-portal-');
const synthFile = path.join(dir, 'synthetic.json');
cli(['synth', '--innovations', '200', '--replications', '400', '--seed', '9', '-o', synthFile]);
const brokenFile = path.join(dir, 'broken.json');
fs.writeFileSync(brokenFile, '{"format": "atlas-inovasi-bundle", "version": 1, "meta": ');

describe('portal embedding under CSP', () => {
  let browser, server, context, page;
  const violations = [];
  const consoleErrors = [];
  before(async () => {
    assert.ok(fs.existsSync(path.join(PORTAL, 'atlas-portal.wasm')), `portal build missing in ${PORTAL}`);
    browser = await launch();
    server = await startServer(PORTAL, { '/data/synthetic.json': synthFile, '/data/broken.json': brokenFile },
                               { headers: { 'Content-Security-Policy': CSP } });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${server.url}/portal-example.html`);
    await page.waitForFunction(() => window.atlas, null, { timeout: 60000 });
    // The shared helpers read the app through window.Module: point it at the embedded module.
    await page.evaluate(() => { window.Module = window.atlas.module; });
    await settle(page);
    violations.push(...(await page.evaluate(() => window.__csp)));
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const canvasBox = () => page.evaluate(() => {
    const r = window.atlas.canvas.getBoundingClientRect();
    return { x: r.x, y: r.y, w: r.width, h: r.height };
  });
  const widget = async (name) => {
    const s = await page.evaluate((n) => window.Module.ccall('atlas_widget_rect', 'string', ['string'], [n]), name);
    assert.ok(s, `widget ${name} not drawn`);
    const [x, y, w, h] = s.split(',').map(Number);
    const c = await canvasBox();
    return { x: c.x + x + w / 2, y: c.y + y + h / 2 };
  };
  const atlasSearch = () => page.evaluate(() => window.Module.ccall('atlas_search_text', 'string', [], []));

  it('runs with zero CSP violations and no errors', async () => {
    assert.deepEqual(violations, []);
    assert.deepEqual(consoleErrors, []);
    const info = await page.evaluate(() => window.atlas.bundleInfo());
    assert.equal(info.innovations, seed.innovations.length);
    // The atlas sizes itself to its host element.
    const host = await page.evaluate(() => {
      const r = document.getElementById('atlas').getBoundingClientRect();
      return { w: r.width, h: r.height };
    });
    const c = await canvasBox();
    assert.ok(Math.abs(c.w - host.w) <= 2 && Math.abs(c.h - host.h) <= 2, `canvas ${JSON.stringify(c)} vs host ${JSON.stringify(host)}`);
    await shot(page, 'portal-host-page');
  });

  it('typing in the host page stays in the host page; the atlas types only when focused', async () => {
    await page.click('#portal-search');
    await page.keyboard.type('kota');
    await settle(page);
    assert.equal(await page.inputValue('#portal-search'), 'kota');
    assert.equal(await atlasSearch(), '');

    const p = await widget('search');
    await page.mouse.click(p.x, p.y);
    await settle(page);
    await page.keyboard.type('malang');
    await settle(page);
    assert.equal(await atlasSearch(), 'malang');
    assert.equal(await page.inputValue('#portal-search'), 'kota');
    // Tab leaves the atlas; typing reaches the page again.
    await page.click('#portal-search');
    await page.keyboard.type('!');
    await settle(page);
    assert.equal(await page.inputValue('#portal-search'), 'kota!');
    assert.equal(await atlasSearch(), 'malang');
  });

  it('the wheel scrolls the host page outside the atlas', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(400, 120);  // over the host page's text
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
    const outside = await page.evaluate(() => window.scrollY);
    assert.ok(outside > 0);
  });

  it('host API: state, selection callback, language, loading', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const notices = await page.evaluate(() => window.atlas.setState('province=35&sel=inn-brexit'));
    assert.deepEqual(notices, []);
    await settle(page);
    const rows = await page.evaluate(() => window.Module._atlas_row_count());
    assert.equal(rows, cliQuery(['--facet', 'province=35']).total);
    assert.match(await page.evaluate(() => window.atlas.getState()), /province=35/);
    await page.waitForFunction(() => document.getElementById('selected-innovation').textContent === 'inn-brexit');
    const ignored = await page.evaluate(() => window.atlas.setState('sel=inn-unknown&zoom=x'));
    assert.equal(ignored.length, 2);
    await page.evaluate(() => window.atlas.setLanguage('en'));
    assert.equal(await page.evaluate(() => window.atlas.getLanguage()), 'en');

    const ok = await page.evaluate(() => window.atlas.loadUrl('/data/synthetic.json'));
    assert.deepEqual(ok, { ok: true, error: '' });
    assert.equal((await page.evaluate(() => window.atlas.bundleInfo())).synthetic, true);
    const bad = await page.evaluate(() => window.atlas.loadUrl('/data/broken.json'));
    assert.equal(bad.ok, false);
    assert.match(bad.error, /broken\.json/);
    const still = await page.evaluate(() => window.atlas.bundleInfo());
    assert.equal(still.innovations, 200, 'the previous data stays');
    await settle(page);
    await shot(page, 'portal-after-api');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
  });
});
