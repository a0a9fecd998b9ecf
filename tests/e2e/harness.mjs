// A small e2e harness over playwright-core and Debian's Chromium: no browser download, ever.
// Each spec gets a fresh page; console errors and page errors fail the spec unless it
// expects them. Screenshots go to artifacts/e2e/.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

export const ARTIFACTS = path.resolve('artifacts/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const specs = [];
export function test(name, fn) { specs.push({ name, fn }); }

export function expect(cond, message) {
  if (!cond) throw new Error(`expectation failed: ${message}`);
}

/** Waits until `fn` returns truthy, polling; fails with `message` after `timeout` ms. */
export async function eventually(fn, message, timeout = 5000) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out: ${message} (last: ${last})`);
}

export async function run({ baseUrl }) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // A failure's screenshot from an earlier run would read as this run's.
  for (const f of fs.readdirSync(ARTIFACTS)) if (f.startsWith('FAILED-')) fs.rmSync(path.join(ARTIFACTS, f));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  let failed = 0;
  const only = process.env.E2E_ONLY;
  for (const spec of specs) {
    if (only && !spec.name.includes(only)) continue;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // A request the page itself gave up because its document went away (the spec navigated on
    // while, say, the favicon was still loading) is not a failure; any other failed request is,
    // and so is an abort on a document that is still showing. Each frame counts its documents.
    const documents = new Map();
    const aborted = [];
    const frameOf = (r) => { try { return r.frame(); } catch { return null; } };
    page.on('framenavigated', (f) => documents.set(f, (documents.get(f) || 0) + 1));
    page.on('request', (r) => { r.__document = documents.get(frameOf(r)) || 0; });
    page.on('requestfailed', (r) => {
      const error = r.failure()?.errorText || '';
      if (error === 'net::ERR_ABORTED') aborted.push(r);
      else problems.push(`request failed: ${r.url()} (${error})`);
    });
    const abortsOnShownDocuments = () => aborted
      .filter((r) => (documents.get(frameOf(r)) || 0) === r.__document)
      .map((r) => `request aborted: ${r.url()}`);
    const started = Date.now();
    try {
      const shot = async (name) => {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
      };
      await spec.fn({ page, context, baseUrl, problems, shot });
      problems.push(...abortsOnShownDocuments());
      expect(problems.length === 0, problems.join('\n'));
      console.log(`  ok   ${spec.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`  FAIL ${spec.name}\n${String(e.stack || e).replace(/^/gm, '       ')}`);
      await page.screenshot({ path: path.join(ARTIFACTS, `FAILED-${spec.name.replace(/\W+/g, '_')}.png`) }).catch(() => {});
    }
    await context.close();
  }
  await browser.close();
  return failed;
}
