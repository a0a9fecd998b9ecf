// A seeded monkey: thousands of random learner actions, valid and invalid, must end with no
// console error and no panic. Reproduce a failure with MONKEY_SEED=<seed> (printed on start).
import { test, expect } from '../harness.mjs';

function mulberry32(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The share of actions that must get done (clicked, filled, chosen, pressed). A healthy run
// of the default seed does 1,745 of 2,000 (87%; 34 miss an element re-rendered away, 221 find
// nothing to act on): 70% leaves room for other seeds and screens, and an unresponsive page,
// where every click times out, falls far below it.
const MIN_DONE = 0.7;

const TEXTS = ['', 'orders', 'order-1', 'payments', 'a.b', 'a_b', '..', '.', 'bad name!', 'x'.repeat(260), '0', '1', '2', '3', '7',
  '-1', '1.5', 'abc', '99999999999', 'earliest', 'latest', 'Đơn hàng', '<script>alert(1)</script>', 'k=v, a=b', '=x', '  '];

test('monkey: 2,000 random actions end with no console error and no panic', async ({ page, baseUrl }) => {
  const seed = Number(process.env.MONKEY_SEED ?? 20261125);
  const actions = Number(process.env.MONKEY_ACTIONS ?? 2000);
  const rand = mulberry32(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  // MONKEY_VIEWPORT=768x1024 plays on another screen (the one-column page, the tall stage).
  const [w, h] = (process.env.MONKEY_VIEWPORT ?? '').split('x').map(Number);
  if (w > 0 && h > 0) await page.setViewportSize({ width: w, height: h });
  console.log(`       monkey seed ${seed}, ${actions} actions${w > 0 && h > 0 ? `, ${w}x${h}` : ''}`);
  await page.goto(baseUrl + '?lang=en');
  await page.waitForSelector('svg.stage g.broker');
  // Play fast so the model does something between actions.
  await page.selectOption('.transport select', '4');
  const log = [];
  // Picks the n-th (by a random fraction) element of a selector in the page and tags it, in
  // one round trip; Playwright then acts on it like a person would.
  const tag = (selector, r) => page.evaluate(([selector, r]) => {
    document.querySelectorAll('[data-monkey]').forEach((e) => e.removeAttribute('data-monkey'));
    const all = [...document.querySelectorAll(selector)];
    if (!all.length) return null;
    const el = all[Math.floor(r * all.length)];
    el.setAttribute('data-monkey', '1');
    const options = el.tagName === 'SELECT' ? [...el.options].map((o) => o.value) : [];
    return { label: el.getAttribute('aria-label') || el.getAttribute('name') || el.textContent, options };
  }, [selector, r]);
  const target = '[data-monkey]';
  // What the monkey got done: an unresponsive page (every action timing out) must not pass
  // just because it printed no error.
  let done = 0, missed = 0, nothing = 0;
  for (let i = 0; i < actions; i++) {
    const kind = rand();
    const r = rand();
    try {
      if (kind < 0.45) {
        const t = await tag('button:not([disabled])', r);
        // Reloading the page would end the run; everything else is fair game.
        if (!t || /Reload|Tải lại/.test(t.label)) { nothing++; continue; }
        log.push(`click ${t.label}`);
        await page.click(target, { timeout: 500 });
      } else if (kind < 0.75) {
        const t = await tag('input[type=text]', r);
        const text = pick(TEXTS);
        if (!t) { nothing++; continue; }
        log.push(`fill ${t.label} ${JSON.stringify(text)}`);
        await page.fill(target, text, { timeout: 500 });
      } else if (kind < 0.85) {
        const t = await tag('select', r);
        if (!t || !t.options.length) { nothing++; continue; }
        const value = pick(t.options);
        log.push(`select ${t.label}=${value}`);
        await page.selectOption(target, value, { timeout: 500 });
      } else if (kind < 0.93) {
        const t = await tag('g.replica, svg.stage g.flow-row', r);
        if (!t) { nothing++; continue; }
        log.push(`chip ${t.label}`);
        await page.click(target, { timeout: 500, force: true });
      } else {
        const key = pick(['Space', 'ArrowLeft', 'ArrowRight', 'PageDown', 'Period', 'Comma']);
        log.push(`key ${key}`);
        await page.evaluate(() => document.activeElement?.blur());
        await page.keyboard.press(key);
      }
      done++;
    } catch (e) {
      // An element re-rendered away between finding and acting: a miss, not a failure.
      if (!/detached|Timeout|not attached|not visible|outside of the viewport|intercepts pointer/.test(String(e))) throw e;
      missed++;
    }
    if (i % 250 === 0) {
      expect((await page.$('#panic-box')) === null, `panic after ${log.slice(-5).join(' | ')}`);
    }
  }
  await page.waitForTimeout(500);
  console.log(`       monkey: ${done} actions done, ${missed} missed (element gone or busy), ${nothing} found nothing to act on`);
  expect((await page.$('#panic-box')) === null, `panic after ${log.slice(-5).join(' | ')}`);
  expect(done >= actions * MIN_DONE, `only ${done} of ${actions} actions done (${missed} missed, ${nothing} found nothing): at least ${Math.ceil(actions * MIN_DONE)} expected`);
  // The monkey may end in any scene and either drawing: the cluster view draws brokers, the
  // flow view its rows, the shop without Kafka (scene 2) its services' boxes.
  expect((await page.$$('svg.stage g.broker, svg.stage g.flow, svg.direct-stage rect.box')).length > 0, 'the stage still draws');
}, { timeout: 300_000 }); // about 115 s alone, more on a busy machine
