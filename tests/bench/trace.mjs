// Where a frame's main-thread time goes (a harness, not a test): runs the benchmark cluster
// with N messages in flight for a few seconds under Chromium's tracing and sums the main
// thread's top-level task durations by event name (scripting vs style/layout vs paint).
//   trunk build --release && node tests/bench/trace.mjs [N]
import { chromium } from 'playwright-core';
import { serve } from '../e2e/serve.mjs';

const n = Number(process.argv[2] || 500);
const server = await serve('dist');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`${server.url}?bench=${n}&lang=en`);
await page.waitForTimeout(4000);
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
const seconds = 4;
await page.waitForTimeout(seconds * 1000);
const trace = JSON.parse((await browser.stopTracing()).toString());
const events = trace.traceEvents;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const byName = new Map();
for (const e of events) {
  if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
  if (!['FunctionCall', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize',
    'UpdateLayer', 'CompositeLayers', 'HitTest', 'RunMicrotasks', 'EventDispatch', 'TimerFire', 'ParseHTML',
    'Commit', 'RasterTask', 'PaintImage', 'GPUTask', 'ScheduleStyleRecalculation', 'IntersectionObserverController::computeIntersections',
    'UpdateLayoutTree', 'RecalculateStyles', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase'].includes(e.name)) continue;
  byName.set(e.name, (byName.get(e.name) || 0) + e.dur / 1000);
}
const rows = [...byName.entries()].sort((a, b) => b[1] - a[1]);
console.log(`${n} in flight, ${seconds} s traced: main-thread ms per second by event`);
for (const [name, ms] of rows) console.log(`  ${name.padEnd(28)} ${(ms / seconds).toFixed(1)}`);
await browser.close();
await server.close();
