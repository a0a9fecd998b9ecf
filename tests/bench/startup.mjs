// Start-up of the built site, a harness (not a test): node tests/bench/startup.mjs [runs] [query]
// Each run is a fresh browser context (cold cache) on the static server of the e2e tests.
// Prints, per run and as medians: first contentful paint, the wasm's arrival (response end),
// and the moment the stage's first broker is drawn — all in ms since navigation start.
//
// A learner's phone rather than this machine, through Chromium's DevTools protocol:
//   CPU=4        the main thread 4× slower (Lighthouse's mobile setting)
//   NET=slow4g   150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (Lighthouse's "slow 4G");
//   NET=3g       300 ms, 700 kbit/s, 700 kbit/s
// With NET set, the server gzips its responses, as static hosts do.
// e.g. CPU=4 NET=slow4g node tests/bench/startup.mjs 5 '?embed=1&scene=partitions'
import { chromium } from 'playwright-core';
import { serve } from '../e2e/serve.mjs';

const runs = Number(process.argv[2] ?? 7);
const query = process.argv[3] ?? '';
const cpu = Number(process.env.CPU ?? 1);
const NETWORKS = {
  slow4g: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  '3g': { latency: 300, downloadThroughput: (700 * 1024) / 8, uploadThroughput: (700 * 1024) / 8 },
};
const net = process.env.NET ? NETWORKS[process.env.NET] : null;
if (process.env.NET && !net) throw new Error(`NET=${process.env.NET}: one of ${Object.keys(NETWORKS)}`);
const server = await serve(process.env.DIST ?? 'dist', { gzip: Boolean(net) });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (cpu !== 1 || net) {
    const cdp = await context.newCDPSession(page);
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    if (net) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...net });
  }
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
const conditions = [cpu !== 1 && `CPU ${cpu}× slower`, net && `NET=${process.env.NET}`].filter(Boolean).join(', ');
console.log(`median of ${runs}${query ? ` (${query})` : ''}${conditions ? `, ${conditions}` : ''}: first contentful paint ${median('fcp')} ms, wasm arrived ${median('wasm')} ms, stage drawn ${median('stage')} ms`);
