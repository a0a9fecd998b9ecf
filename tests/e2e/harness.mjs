// A small e2e harness over playwright-core and Debian's Chromium: no browser download, ever.
// Each spec gets a fresh page. Every page of every context opened while the spec runs — the
// harness's own page, pages the spec opens in that context, pages of contexts the spec makes
// itself — is watched: a console error, a page error or a failed request fails the spec,
// unless the spec said beforehand it expects it (`allow`). Each spec has a time limit.
// Screenshots go to artifacts/e2e/.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

export const ARTIFACTS = path.resolve('artifacts/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** A spec's time limit unless it names its own (`test(name, fn, { timeout })`), in ms. */
export const DEFAULT_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 120_000);

const specs = [];
export function test(name, fn, { timeout = DEFAULT_TIMEOUT } = {}) { specs.push({ name, fn, timeout }); }

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

/**
 * Watches one page for the spec `run` (its `problems` and `pages`): console errors, page
 * errors and failed requests. A request the page itself gave up because its document went
 * away (the spec navigated on, or closed the page, while, say, the favicon was still loading)
 * is not a failure; any other failed request is, and so is an abort on a document that is
 * still showing. Each frame counts its documents; the check is made when the spec ends.
 * A new document is a navigation that loaded one (a link, a reload) or a move to another
 * address (about:blank); a change of the fragment alone (`#v1.…`) keeps the document. A page
 * being closed (the page's or its context's `close()`) takes its documents away; an abort
 * before that, on a document still showing, is a failure all the same.
 */
function watch(page, run) {
  const documents = new Map();
  const addresses = new Map();
  let closing = false;
  const close = page.close.bind(page);
  page.close = (...args) => { closing = true; return close(...args); };
  page.on('close', () => { closing = true; });
  const frameOf = (r) => { try { return r.frame(); } catch { return null; } };
  const where = () => {
    let url = '?';
    try { url = page.url(); } catch { /* closed */ }
    return url.length > 100 ? `${url.slice(0, 100)}…` : url;
  };
  const newDocument = (f) => documents.set(f, (documents.get(f) || 0) + 1);
  page.on('console', (m) => { if (m.type() === 'error') run.problems.push(`console error (${where()}): ${m.text()}`); });
  page.on('pageerror', (e) => run.problems.push(`page error (${where()}): ${e.message}`));
  page.on('framenavigated', (f) => {
    const address = f.url().split('#')[0];
    if (addresses.get(f) !== address) newDocument(f);
    addresses.set(f, address);
  });
  page.on('requestfinished', (r) => { if (r.isNavigationRequest()) newDocument(frameOf(r)); });
  const aborted = [];
  page.on('request', (r) => { r.__document = documents.get(frameOf(r)) || 0; });
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText || '';
    if (error !== 'net::ERR_ABORTED') run.problems.push(`request failed: ${r.url()} (${error})`);
    else if (!closing) aborted.push(r);
  });
  run.pages.push({
    page,
    closing: () => { closing = true; },
    abortsOnShownDocuments: () => aborted
      .filter((r) => (documents.get(frameOf(r)) || 0) === r.__document)
      .map((r) => `request aborted: ${r.url()}`),
  });
}

/** The spec's problems once it has ended: those not forgiven, and expected ones that never came. */
function problemsOf(run) {
  if (run.checked) return run.checked;
  for (const p of run.pages) run.problems.push(...p.abortsOnShownDocuments());
  const problems = run.problems.filter((p) => !run.allowed.some((a) => a.pattern.test(p) && ++a.seen));
  for (const a of run.allowed) if (!a.seen) problems.push(`an expected problem never happened: ${a.pattern} (${a.why})`);
  run.checked = problems;
  return problems;
}

export async function run({ baseUrl }) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // A failure's screenshot from an earlier run would read as this run's.
  for (const f of fs.readdirSync(ARTIFACTS)) if (f.startsWith('FAILED-')) fs.rmSync(path.join(ARTIFACTS, f));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  // The spec running now: every context made while it runs (by the harness or by the spec,
  // through `context.browser().newContext()`) is its, and so is every page of that context.
  let current = null;
  browser.on('context', (context) => {
    const owner = current;
    if (!owner) return;
    owner.contexts.push(context);
    context.on('page', (page) => watch(page, owner));
    const close = context.close.bind(context);
    context.close = (...args) => {
      for (const p of owner.pages) if (p.page.context() === context) p.closing();
      return close(...args);
    };
  });
  let failed = 0;
  const only = process.env.E2E_ONLY;
  const chosen = specs.filter((spec) => !only || spec.name.includes(only));
  if (!chosen.length) {
    await browser.close();
    console.error(`e2e: no spec matched E2E_ONLY=${JSON.stringify(only)}`);
    return -1;
  }
  for (const spec of chosen) {
    const run = { problems: [], pages: [], contexts: [], allowed: [] };
    current = run;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    // A spec that provokes a failure on purpose says so first: each pattern must match at
    // least one problem (the failure did happen), and the problems it matches are forgiven.
    const allow = (pattern, why) => run.allowed.push({ pattern, why, seen: 0 });
    const started = Date.now();
    let timer;
    try {
      const shot = async (name) => {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
      };
      const body = spec.fn({ page, context, baseUrl, problems: run.problems, shot, allow });
      body.catch(() => {}); // after a time-out, its late failure is nobody's business
      await Promise.race([body, new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`spec timed out after ${spec.timeout / 1000} s: ${spec.name}`)), spec.timeout);
      })]);
      const problems = problemsOf(run);
      expect(problems.length === 0, problems.join('\n'));
      console.log(`  ok   ${spec.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      // What the pages reported too: often the cause of a failed expectation.
      const problems = run.checked ? [] : problemsOf(run);
      const text = [String(e.stack || e), ...problems.map((p) => `and the pages reported: ${p}`)].join('\n');
      console.log(`  FAIL ${spec.name}\n${text.replace(/^/gm, '       ')}`);
      await page.screenshot({ path: path.join(ARTIFACTS, `FAILED-${spec.name.replace(/\W+/g, '_')}.png`), timeout: 5000 }).catch(() => {});
    }
    clearTimeout(timer);
    current = null;
    // The spec's own contexts too, should it have failed before closing them.
    for (const c of run.contexts) await c.close().catch(() => {});
  }
  await browser.close();
  return failed;
}
