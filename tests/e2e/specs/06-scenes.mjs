// The primer's scenes, as a learner meets them: each opens from its own URL in Vietnamese and
// in English with no console error, and a learner who does what each "try this" item asks —
// through the forms and the scene's buttons — sees every item tick itself off.
import { test, expect, eventually } from '../harness.mjs';

const LANGS = ['vi', 'en'];

async function open(page, baseUrl, id, lang) {
  await page.goto(`${baseUrl}?scene=${id}&lang=${lang}`);
  await page.waitForSelector(`.scene-card[data-scene="${id}"]`);
  await page.waitForSelector('svg.stage g.broker, svg.stage g.flow, svg.direct-stage');
  // Four times real time, as a learner impatient with the model's pace would choose.
  const speed = page.locator('.transport select');
  if (await speed.count()) await speed.first().selectOption('4');
}

const ticked = (page) => page.locator('.scene-card li.task[data-done="true"]').count();

async function taskTicks(page, i, what, timeout = 20000) {
  await eventually(async () => (await page.locator('.scene-card li.task').nth(i).getAttribute('data-done')) === 'true',
    `task ${i + 1} ticks: ${what}`, timeout);
}

async function publish(page, { topic, key = '', value = 'x', headers = '' }) {
  if (topic) await page.selectOption('.publish select[name=topic]', topic);
  await page.fill('.publish input[name=key]', key);
  await page.fill('.publish input[name=value]', value);
  await page.fill('.publish input[name=headers]', headers);
  await page.click('.publish form.form-grid button[type=submit]');
}

const action = (page, i) => page.locator('.scene-action').nth(i).click();

/** What a learner does in each scene, one function per "try this" item. */
const LEARNER = {
  'what-is-kafka': [
    (p) => action(p, 0),
    null, // the chain follows from the order
    async (p) => { await action(p, 0); await action(p, 0); },
  ],
  'direct-calls': [
    (p) => action(p, 0),
    (p) => action(p, 2),
    (p) => action(p, 1),
    (p) => action(p, 2),
  ],
  'kafka-in-the-middle': [
    (p) => action(p, 0),
    (p) => action(p, 2),
    (p) => action(p, 1),
    async (p) => { await action(p, 1); await action(p, 2); },
  ],
  events: [
    (p) => publish(p, { key: 'order-1', value: '1× book' }),
    (p) => publish(p, { key: 'order-2', value: '2× pen', headers: 'source=web' }),
    (p) => publish(p, { key: '', value: 'hello' }),
  ],
  topics: [
    (p) => publish(p, { topic: 'orders', key: 'order-1', value: 'book' }),
    async (p) => { await publish(p, { topic: 'payments', key: 'order-1', value: 'paid' });
      await publish(p, { topic: 'shipments', key: 'order-1', value: 'sent' }); },
    async (p) => { await p.fill('.topics input[name=topic-name]', 'reviews');
      await p.click('.topics form button[type=submit]'); },
  ],
  subscribers: [
    (p) => publish(p, { topic: 'orders', key: 'order-1', value: 'book' }),
    (p) => action(p, 0),
    (p) => action(p, 1),
  ],
  'topics-in-action': [
    (p) => action(p, 0),
    null,
    null,
  ],
  'chain-reaction': [
    async (p) => { for (let i = 0; i < 3; i++) await action(p, 0); },
    async (p) => { await action(p, 2); await action(p, 0); await action(p, 0); },
    (p) => action(p, 2),
  ],
  partitions: [
    async (p) => { await publish(p, { key: 'order-1', value: 'a' }); await publish(p, { key: 'order-1', value: 'b' }); },
    async (p) => { for (const k of ['order-2', 'order-3', 'order-4', 'order-5']) await publish(p, { key: k, value: 'x' }); },
    (p) => action(p, 0),
    async (p) => {
      await action(p, 1); // the member leaves: the group must be empty to move its offsets
      // The card's message line is always there, empty when the action was accepted; were it
      // missing, reading it throws and the wait fails (a `.catch(() => '')` read that as accepted).
      await eventually(async () => { await action(p, 2); return (await p.textContent('.scene-card .form-error', { timeout: 1000 })) === ''; },
        'rewind accepted once the group is empty', 15000);
      await action(p, 3);
    },
  ],
  cluster: [
    (p) => action(p, 0),
    (p) => action(p, 1),
    (p) => action(p, 2),
  ],
  'consumer-groups': [
    (p) => action(p, 0),
    (p) => action(p, 0),
    (p) => action(p, 2),
  ],
};

for (const [id, steps] of Object.entries(LEARNER)) {
  for (const lang of LANGS) {
    test(`scene ${id} (${lang}): every try-this item ticks`, async ({ page, baseUrl, shot }) => {
      await open(page, baseUrl, id, lang);
      expect(await page.getAttribute('html', 'lang') === lang, `<html lang=${lang}>`);
      const total = await page.locator('.scene-card li.task').count();
      expect(total === steps.length, `${id}: ${total} tasks, ${steps.length} steps`);
      await shot(`scene-${id}-${lang}-1280x800`);
      expect(await ticked(page) === 0, 'nothing ticked before the learner acts');
      for (const [i, step] of steps.entries()) {
        if (step) await step(page);
        await taskTicks(page, i, id, 40000);
      }
      expect(await ticked(page) === total, 'all ticked');
      await page.waitForSelector('.scene-complete');
      await shot(`scene-${id}-${lang}-done-1280x800`);
    });
  }
}

test('scenes: the index, previous/next, reset and a bad ?scene= behave', async ({ page, baseUrl }) => {
  await page.goto(`${baseUrl}?scene=no-such-scene&lang=en`);
  await eventually(async () => (await page.textContent('.unknown-scene')).includes("'no-such-scene'"), 'unknown scene message');
  expect(await page.locator('svg.stage g.broker').count() > 0, 'the free playground still opens');
  await page.click('.scene-nav button[data-scene="partitions"]');
  await page.waitForSelector('.scene-card[data-scene="partitions"]');
  expect(page.url().includes('scene=partitions'), `the URL names the scene (${page.url()})`);
  await page.click('.scene-card .scene-next');
  await page.waitForSelector('.scene-card[data-scene="cluster"]');
  // Do something, switch language: the scene keeps its state; reset brings the preset back.
  await action(page, 0);
  await taskTicks(page, 0, 'cluster kill');
  // The controller wrote the new leader into its metadata log, as Kafka names the record.
  await page.click('.metadata-log summary');
  await eventually(async () => (await page.textContent('.metadata-entries')).includes('PartitionChangeRecord'), 'a PartitionChangeRecord');
  await page.click('.lang-switch button[data-lang=vi]');
  await eventually(async () => (await page.textContent('.scene-card h2')).includes('Cluster, Broker, leader'), 'Vietnamese title');
  expect(await ticked(page) === 1, 'the tick survives the language switch');
  expect(await page.locator('svg.stage g.broker.down').count() === 1, 'the dead broker survives the language switch');
  await page.click('.scene-card .scene-reset');
  await eventually(async () => (await page.locator('svg.stage g.broker.down').count()) === 0, 'reset revives the preset');
  expect(await ticked(page) === 0, 'reset clears the ticks');
  await page.click('.scene-card .scene-prev');
  await page.waitForSelector('.scene-card[data-scene="partitions"]');
});

test('scenes: the index strip shows the current scene, on a phone and on a laptop, without moving the page', async ({ page, context, baseUrl }) => {
  const inView = (p) => p.evaluate(() => {
    const nav = document.querySelector('.scene-nav').getBoundingClientRect();
    const link = document.querySelector('.scene-link.current').getBoundingClientRect();
    return link.left >= nav.left - 1 && link.right <= nav.right + 1;
  });
  const phone = await context.browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  const small = await phone.newPage();
  await small.goto(`${baseUrl}?scene=consumer-groups`);
  await small.waitForSelector('.scene-link.current[data-scene="consumer-groups"]');
  await eventually(() => inView(small), 'scene 11 visible in the strip on a phone');
  // Going back from the card at the bottom: the strip follows, the page stays where it is.
  await small.evaluate(() => window.scrollTo(0, 300));
  const y = await small.evaluate(() => window.scrollY);
  expect(y > 0, 'scrolled down, the strip out of sight');
  await small.click('.scene-card .scene-prev');
  await small.waitForSelector('.scene-link.current[data-scene="cluster"]');
  await eventually(() => inView(small), 'scene 10 visible in the strip');
  expect(Math.abs((await small.evaluate(() => window.scrollY)) - y) < 2, 'the page did not jump');
  await phone.close();
  await page.goto(`${baseUrl}?scene=consumer-groups&lang=en`);
  await page.waitForSelector('.scene-link.current[data-scene="consumer-groups"]');
  await eventually(() => inView(page), 'scene 11 visible in the strip on a laptop');
});
