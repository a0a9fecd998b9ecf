// The flow view: the primer's pictures drawn from the live model. Every check compares the
// drawing with the model as the describe tables print it (kafka-topics / kafka-consumer-groups
// --describe), or with Kafka's own partitioner (tests/e2e/kafka.mjs), never with itself.
import { test, expect, eventually } from '../harness.mjs';
import { partitionForKey } from '../kafka.mjs';

const FLOW_SCENES = ['what-is-kafka', 'kafka-in-the-middle', 'events', 'topics', 'subscribers',
  'topics-in-action', 'chain-reaction', 'partitions', 'consumer-groups'];

async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('.stage-frame svg.stage > g');
}

const pause = async (page) => {
  if ((await page.getAttribute('.transport .play', 'aria-pressed')) === 'true') await page.click('.transport .play');
};

/** Rows of a describe table as arrays of cell texts, keyed by the row's data attributes. */
const table = (page, selector) => page.$$eval(`${selector} tbody tr`, (rows) => rows.map((r) => ({
  tp: r.dataset.tp, group: r.dataset.group, cells: [...r.cells].map((c) => c.textContent.trim()) })));

/** Each partition row of the flow view: its window, log start, HW, LEO, cells and lanes, read
 *  from the drawing itself: where each marker is drawn, and how many cells lie between it and
 *  the HW line. */
const rows = (page) => page.$$eval('svg.stage g.flow-row', (rows) => rows.map((r) => {
  const cells = [...r.querySelectorAll('rect.cell')].map((c) => ({ offset: Number(c.dataset.offset),
    box: c.getBoundingClientRect() }));
  const next = r.querySelector('g.next-slot rect')?.getBoundingClientRect();
  const hwX = r.querySelector('line.hw').getBoundingClientRect().x;
  // The left edge of the slot of `offset`: its cell, or the next offset's empty slot.
  const slotX = (offset) => {
    const cell = cells.find((c) => c.offset === offset);
    return cell ? cell.box.left - 1 : (offset === Number(r.dataset.leo) && next ? next.left - 1 : null);
  };
  return {
    tp: r.dataset.tp, first: Number(r.dataset.first), logStart: Number(r.dataset.logStart),
    hw: Number(r.dataset.hw), leo: Number(r.dataset.leo),
    cells: cells.map((c) => c.offset),
    lanes: [...r.querySelectorAll('g.lane')].map((l) => {
      const m = l.querySelector('path.marker').getBoundingClientRect();
      const markerX = m.left + m.width / 2;
      const at = Number(l.dataset.at);
      return { group: l.dataset.group, at, lag: Number(l.dataset.lag), fromPosition: l.classList.contains('from-position'),
        // Drawn where its offset's slot begins (to a pixel), and the cells it has not read.
        markerOff: slotX(at) === null ? null : Math.abs(markerX - slotX(at)),
        unread: cells.filter((c) => c.box.left >= markerX - 2 && c.box.right <= hwX + 2).length };
    }),
  };
}));

/** The drawing agrees with the tables: every partition's row, its offsets and cells, and every
 *  group's marker and lag. Returns how many rows and lanes it compared. */
async function drawingMatchesTables(page, label) {
  const topics = await table(page, '.topics-describe');
  const groups = await table(page, '.groups-describe');
  const drawn = await rows(page);
  expect(drawn.length === topics.length, `${label}: a row per partition (${drawn.length} rows, ${topics.length} partitions)`);
  let lanes = 0;
  for (const t of topics) {
    const row = drawn.find((r) => r.tp === t.tp);
    expect(row, `${label}: ${t.tp} is drawn`);
    const [logStart, hw, leo] = t.cells.slice(5, 8).map(Number);
    expect(row.logStart === logStart && row.hw === hw && row.leo === leo,
      `${label}: ${t.tp} log start/HW/LEO drawn ${row.logStart}/${row.hw}/${row.leo}, the table says ${logStart}/${hw}/${leo}`);
    // No compaction in these scenes: every offset of the window below the LEO is a cell.
    const from = Math.max(row.first, logStart);
    const expected = Array.from({ length: Math.max(0, leo - from) }, (_, i) => from + i);
    expect(JSON.stringify(row.cells) === JSON.stringify(expected),
      `${label}: ${t.tp} cells ${JSON.stringify(row.cells)}, expected the offsets ${from}..${leo - 1}`);
    for (const g of groups.filter((g) => g.tp === t.tp)) {
      const lane = row.lanes.find((l) => l.group === g.group);
      const [committed, , lag] = [g.cells[3], g.cells[4], g.cells[5]];
      if (committed === '-') {
        if (lane) expect(lane.fromPosition, `${label}: ${g.group} on ${t.tp} has nothing committed: its marker says it is a position`);
        continue;
      }
      expect(lane, `${label}: ${g.group} has a marker on ${t.tp}`);
      expect(lane.at === Number(committed), `${label}: ${g.group}'s marker on ${t.tp} at ${lane.at}, committed ${committed}`);
      expect(lane.lag === Number(lag), `${label}: ${g.group}'s lag on ${t.tp} says ${lane.lag}, the table ${lag}`);
      if (lane.markerOff !== null) {
        expect(lane.markerOff < 1.5, `${label}: ${g.group}'s marker on ${t.tp} is drawn ${lane.markerOff.toFixed(1)} px off offset ${committed}'s slot`);
        if (Number(committed) >= row.first) {
          expect(lane.unread === Number(lag), `${label}: ${lane.unread} cells drawn between ${g.group}'s marker and the HW on ${t.tp}, lag ${lag}`);
        }
      }
      lanes++;
    }
  }
  return { rows: drawn.length, lanes };
}

for (const scene of FLOW_SCENES) {
  test(`flow view: scene ${scene} opens in it, and the drawing agrees with the tables`, async ({ page, baseUrl }) => {
    await open(page, `${baseUrl}?scene=${scene}&lang=en`);
    expect((await page.getAttribute('.stage-frame', 'data-view')) === 'flow', 'the scene opens in the flow view');
    expect((await page.getAttribute('.view-flow', 'aria-pressed')) === 'true', 'the switch says Flow');
    // Let the scene's first quick action run past a commit (auto-commit every 5 s; services
    // commit each record they handle), then compare at a paused moment.
    const actions = await page.locator('.scene-action').count();
    if (actions > 0) await page.locator('.scene-action').first().click();
    await page.waitForTimeout(6000);
    await pause(page);
    await page.waitForTimeout(300);
    const { lanes } = await drawingMatchesTables(page, scene);
    // Scenes whose groups have committed by now: their markers were compared, not skipped.
    if (['what-is-kafka', 'kafka-in-the-middle', 'topics-in-action', 'chain-reaction', 'consumer-groups'].includes(scene)) {
      expect(lanes > 0, `${scene}: some committed markers were compared (${lanes})`);
    }
  });
}

test('flow view: a published record is a new cell at the end of the partition Kafka\'s partitioner names', async ({ page, baseUrl }) => {
  await open(page, `${baseUrl}?scene=partitions&lang=en`);
  const partitions = (await rows(page)).filter((r) => r.tp.startsWith('orders-')).length;
  for (const key of ['order-7', 'customer-42', 'z']) {
    const p = partitionForKey(key, partitions);
    const before = (await rows(page)).find((r) => r.tp === `orders-${p}`);
    await page.fill('input[name=key]', key);
    await page.fill('input[name=value]', `value of ${key}`);
    await page.click('.publish form.form-grid button[type=submit]');
    await eventually(async () => {
      const after = (await rows(page)).find((r) => r.tp === `orders-${p}`);
      return after.leo === before.leo + 1 && after.cells.includes(before.leo);
    }, `${key} lands as offset ${before.leo} of orders-${p}`);
    const cell = page.locator(`svg.stage g.flow-row[data-tp="orders-${p}"] rect.cell[data-offset="${before.leo}"] title`);
    expect((await cell.textContent()).includes(`key ${key}`), `the cell's title names its key ${key}`);
    for (const other of (await rows(page)).filter((r) => r.tp !== `orders-${p}` && r.tp.startsWith('orders-'))) {
      const was = (await rows(page)).find((r) => r.tp === other.tp);
      expect(other.leo === was.leo, `${other.tp} did not grow`);
    }
  }
});

test('flow view: a group that crashed or stopped keeps its lag in sight, and the lag grows', async ({ page, baseUrl }) => {
  await open(page, `${baseUrl}?scene=chain-reaction&lang=en`);
  await page.locator('.scene-action').nth(0).click(); // an order
  await page.waitForTimeout(2500);
  await page.locator('.scene-action').nth(2).click(); // Inventory down
  for (let i = 0; i < 3; i++) await page.locator('.scene-action').nth(0).click();
  await eventually(async () => {
    const lanes = (await rows(page)).filter((r) => r.tp.startsWith('orders-')).flatMap((r) => r.lanes)
      .filter((l) => l.group === 'inventory');
    return lanes.reduce((a, l) => a + l.lag, 0) >= 3;
  }, 'stopped Inventory\'s lag on orders is drawn and grows to the 3 orders it missed', 10000);
  expect(await page.locator('svg.stage g.flow-service.stopped[data-group="inventory"]').count() === 1, 'Inventory is drawn stopped');
  await pause(page);
  await drawingMatchesTables(page, 'inventory stopped');
});

test('flow view: the switch keeps the moment, the open partition and the zoom', async ({ page, baseUrl }) => {
  await open(page, `${baseUrl}?scene=consumer-groups&lang=vi`);
  await page.waitForTimeout(1500);
  await pause(page);
  await page.click('svg.stage g.flow-row[data-tp="us-orders-1"]');
  await page.waitForSelector('.log-view');
  await page.click('.zoom-in');
  const clock = await page.textContent('.transport .clock');
  const scrub = await page.locator('.transport .scrubber').inputValue();
  await page.click('.view-cluster');
  await page.waitForSelector('.stage-frame[data-view="cluster"] svg.stage g.broker');
  expect(await page.textContent('.transport .clock') === clock, `the same moment (${clock})`);
  expect(await page.locator('.transport .scrubber').inputValue() === scrub, 'the scrubber did not move');
  expect(await page.textContent('.zoom-fit') === '150%', 'the zoom is kept');
  expect(await page.locator('.log-view').count() === 1, 'the open partition stays open');
  expect(await page.locator('svg.stage g.replica.selected[data-tp="us-orders-1"]').count() >= 1, 'and is highlighted on the cluster view');
  await page.click('.view-flow');
  await page.waitForSelector('.stage-frame[data-view="flow"] svg.stage g.flow-row.selected[data-tp="us-orders-1"]');
  expect(await page.textContent('.transport .clock') === clock, 'still the same moment');
});

test('flow view: the free playground remembers the drawing chosen; ?view= picks one', async ({ page, baseUrl }) => {
  await open(page, `${baseUrl}?lang=en`);
  expect((await page.getAttribute('.stage-frame', 'data-view')) === 'cluster', 'the free playground starts on the cluster');
  await page.click('.view-flow');
  await page.waitForSelector('.stage-frame[data-view="flow"]');
  await open(page, `${baseUrl}?lang=en`);
  expect((await page.getAttribute('.stage-frame', 'data-view')) === 'flow', 'the choice is remembered');
  await open(page, `${baseUrl}?lang=en&view=cluster`);
  expect((await page.getAttribute('.stage-frame', 'data-view')) === 'cluster', '?view=cluster wins');
  await open(page, `${baseUrl}?scene=cluster&lang=en`);
  expect((await page.getAttribute('.stage-frame', 'data-view')) === 'cluster', 'scene 10 opens on the cluster');
  await open(page, `${baseUrl}?scene=cluster&lang=en&view=flow`);
  expect((await page.getAttribute('.stage-frame', 'data-view')) === 'flow', '?view=flow wins over the scene');
});

// Texts stay inside their boxes: a node's name and lines, a cell's offset, on a laptop, a phone
// and in presenter mode, in both languages.
test('flow view: texts keep inside their boxes (laptop, phone, presenter)', async ({ page, baseUrl }) => {
  for (const [lang, presenter, width, height, scene] of [['vi', 0, 1280, 800, 'chain-reaction'], ['en', 1, 1280, 800, 'consumer-groups'],
    ['vi', 0, 390, 844, 'chain-reaction'], ['en', 0, 390, 844, 'kafka-in-the-middle'], ['vi', 1, 1920, 1080, 'subscribers'], ['en', 0, 1280, 800, 'kafka-in-the-middle']]) {
    await page.setViewportSize({ width, height });
    await page.goto('about:blank');
    await open(page, `${baseUrl}?lang=${lang}&presenter=${presenter}&scene=${scene}`);
    for (let i = 0; i < 2; i++) await page.locator('.scene-action').nth(i).click();
    await page.waitForTimeout(2000);
    const problems = await page.evaluate(() => {
      const out = [];
      const inside = (t, b) => t.left >= b.left - 0.5 && t.right <= b.right + 0.5 && t.top >= b.top - 0.5 && t.bottom <= b.bottom + 0.5;
      for (const node of document.querySelectorAll('svg.stage g.flow-node, svg.stage g.flow-topic')) {
        const box = node.querySelector(':scope > rect.box').getBoundingClientRect();
        for (const text of node.querySelectorAll('text')) {
          if (!inside(text.getBoundingClientRect(), box)) out.push(`"${text.textContent}" leaves its box`);
        }
      }
      for (const cell of document.querySelectorAll('svg.stage rect.cell')) {
        const r = cell.getBoundingClientRect();
        const t = cell.nextElementSibling.getBoundingClientRect(); // its number, text.cell-n
        if (!inside(t, r)) out.push(`cell ${cell.dataset.offset}'s number leaves it`);
      }
      return out;
    });
    expect(problems.length === 0, `${scene} ${lang} presenter=${presenter} ${width}x${height}: ${problems.slice(0, 4).join(' | ')}`);
  }
});

// Every scene in both drawings, on a laptop and a phone, in both languages: looked at beside
// the primer before anything here is called done (artifacts/e2e/views/).
test('flow view: screenshots of every scene in both views, laptop and phone, vi and en', async ({ context: own, baseUrl }) => {
  const browser = own.browser();
  const scenes = ['what-is-kafka', 'direct-calls', 'kafka-in-the-middle', 'events', 'topics', 'subscribers',
    'topics-in-action', 'chain-reaction', 'partitions', 'cluster', 'consumer-groups'];
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { ARTIFACTS } = await import('../harness.mjs');
  const dir = path.join(ARTIFACTS, 'views');
  fs.mkdirSync(dir, { recursive: true });
  let shots = 0;
  for (const [device, viewport] of [['laptop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    for (const lang of ['vi', 'en']) {
      for (const scene of scenes) {
        for (const view of ['flow', 'cluster']) {
          if (scene === 'direct-calls' && view === 'cluster') continue; // no Kafka on its stage
          await page.goto(`${baseUrl}?scene=${scene}&lang=${lang}&view=${view}`);
          await page.waitForSelector('.stage-column svg');
          const actions = await page.locator('.scene-action').count();
          for (let i = 0; i < Math.min(actions, 2); i++) await page.locator('.scene-action').nth(i).click();
          await page.waitForTimeout(1800);
          const frame = page.locator(scene === 'direct-calls' ? '.direct-wrap' : '.worlds').first();
          await frame.screenshot({ path: path.join(dir, `${scene}-${view}-${device}-${lang}.png`) });
          shots++;
        }
      }
    }
    await context.close();
  }
  expect(shots === 2 * 2 * 21, `${shots} screenshots`);
}, { timeout: 300000 });
