// Where the browser's own time goes on the bench page (a harness, not a test): a Chromium
// trace of the main thread summed by event (script, style, layout, paint), and the number of
// SVG elements on the stage. The frame benchmark says how long frames take; this says why.
//   make dist && node tests/bench/trace.mjs [dots=500] [flow|cluster]
// Written for issue 15: the flow view's frames cost more than the cluster view's, and its CPU
// profile showed no Rust function above 1 % of the time, so the cost had to be the browser's.
import { chromium } from 'playwright-core';
import { serve } from '../e2e/serve.mjs';

const n = Number(process.argv[2] || 500);
const view = process.argv[3] === 'cluster' ? 'cluster' : 'flow';
const server = await serve(process.env.DIST || 'dist'); // DIST=another/dist compares a build before
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`${server.url}?bench=${n}&lang=en&view=${view}`);
await page.waitForSelector(view === 'flow' ? 'svg.stage g.flow' : 'svg.stage g.broker');
await page.waitForTimeout(4000); // warm up, as the frame benchmark does
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await page.waitForTimeout(4000);
const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const total = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur || (main && e.tid !== main.tid)) continue;
  total.set(e.name, (total.get(e.name) || 0) + e.dur);
}
const elements = await page.evaluate(() => document.querySelectorAll('svg.stage *').length);
await browser.close();
await server.close();
console.log(`${view} view, ${n} dots, ${elements} SVG elements; main-thread time over 4 s by trace event:`);
for (const [name, us] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
  console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
}
