// Browser frame-time benchmark (a harness, not a test): for N messages in flight, frame
// intervals and main-thread work per frame, p50/p95, in headless Chromium.
//   trunk build --release && node tests/bench/frames.mjs [100 500 2000]
// Work per frame is measured from the first requestAnimationFrame callback of a frame to a
// MessageChannel task queued there, which runs after the app's frame callback, Yew's render
// and the browser's style/layout/paint of that frame. Chromium caps rAF at 60 Hz here, so
// intervals alone cannot show headroom; work can.
// CPU=4 slows the main thread 4× (Chromium's CPU throttling, Lighthouse's mobile setting): a
// phone's view of the same frames. QUERY='?scene=...' measures a page other than the bench's.
// VIEW=flow draws the stage as the flow view (producers, topics as logs, readers) instead of
// the cluster view; the dots are then only records produced and fetched.
import { chromium } from 'playwright-core';
import { serve } from '../e2e/serve.mjs';

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const targets = counts.length ? counts : [100, 500, 2000];
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };

const server = await serve(process.env.DIST || 'dist'); // DIST=another/dist compares a build before
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'] });
const rows = [];
for (const n of targets) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cpu = Number(process.env.CPU ?? 1);
  if (cpu !== 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.addInitScript(() => {
    window.__frames = { intervals: [], work: [], inFlight: [] };
    let last = null;
    const loop = (ts) => {
      const t0 = performance.now();
      if (last !== null) window.__frames.intervals.push(ts - last);
      last = ts;
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        window.__frames.work.push(performance.now() - t0);
        window.__frames.inFlight.push(Number(document.querySelector('canvas.flights')?.dataset.inFlight ?? 0));
      };
      ch.port2.postMessage(0);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  const view = process.env.VIEW === 'flow' ? 'flow' : 'cluster';
  const query = process.env.QUERY ? process.env.QUERY : `?bench=${n}&lang=en`;
  await page.goto(`${server.url}${query}${query.includes('view=') ? '' : `&view=${view}`}`);
  await page.waitForSelector(view === 'flow' ? 'svg.stage g.flow' : 'svg.stage g.broker');
  await page.waitForTimeout(4000); // warm up: flights reach a steady count
  await page.evaluate(() => { window.__frames = { intervals: [], work: [], inFlight: [] }; });
  await page.waitForTimeout(6000);
  const f = await page.evaluate(() => window.__frames);
  const model = await page.evaluate(() => window.wasmBindings.kafkaPlaygroundFrameStats());
  const modelWork = model.work.slice(-f.intervals.length);
  rows.push({ target: n, inFlight: Math.round(f.inFlight.reduce((a, b) => a + b, 0) / f.inFlight.length),
    frames: f.intervals.length, intervalP50: pct(f.intervals, 50), intervalP95: pct(f.intervals, 95),
    workP50: pct(f.work, 50), workP95: pct(f.work, 95), modelP50: pct(modelWork, 50), modelP95: pct(modelWork, 95) });
  await page.close();
}
await browser.close();
await server.close();
console.log('| target | dots in flight (mean) | frames | interval p50 / p95 (ms) | main-thread work p50 / p95 (ms) | model step p50 / p95 (ms) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  const f = (x) => x.toFixed(1);
  console.log(`| ${r.target} | ${r.inFlight} | ${r.frames} | ${f(r.intervalP50)} / ${f(r.intervalP95)} | ${f(r.workP50)} / ${f(r.workP95)} | ${f(r.modelP50)} / ${f(r.modelP95)} |`);
}
