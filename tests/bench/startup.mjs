// Start-up of the built site, a harness (not a test): node tests/bench/startup.mjs [runs] [query]
// Each run is a fresh browser context (cold cache) on the static server of the e2e tests.
// Prints, per run and as medians: first contentful paint, the wasm's arrival (response end),
// and the moment the stage's first broker is drawn — all in ms since navigation start.
import { chromium } from 'playwright-core';
import { serve } from '../e2e/serve.mjs';

const runs = Number(process.argv[2] ?? 7);
const query = process.argv[3] ?? '';
const server = await serve('dist');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + query);
  await page.waitForSelector('svg.stage g.broker, .direct-view');
  rows.push(await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    return { fcp: Math.round(fcp?.startTime ?? NaN), wasm: Math.round(wasm?.responseEnd ?? NaN), stage: Math.round(performance.now()) };
  }));
  await context.close();
}
await browser.close();
await server.close();
const median = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
for (const r of rows) console.log(`fcp ${r.fcp} ms  wasm arrived ${r.wasm} ms  stage ${r.stage} ms`);
console.log(`median of ${runs}${query ? ` (${query})` : ''}: first contentful paint ${median('fcp')} ms, wasm arrived ${median('wasm')} ms, stage drawn ${median('stage')} ms`);
