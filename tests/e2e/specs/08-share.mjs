// Sharing: a link (URL fragment) and a JSON file rebuild the same cluster; a broken link or
// file is refused with a clear message and changes nothing.
import { test, expect, eventually } from '../harness.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from '../harness.mjs';

async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('svg.stage g.broker');
}

/** Both describe tables, cell by cell: for each table, its rows, each row its cells' text. */
const tables = async (page) => ({
  topics: await page.$$eval('.topics-describe tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent))),
  groups: await page.$$eval('.groups-describe tr', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent))),
});
/** What a page shows at a moment: its tables and its clock (`now / end`). */
const snapshot = async (page) => ({ clock: await page.textContent('.transport .clock'), ...(await tables(page)) });
/** Fails naming the first cell that differs (or the clock), not just "not equal". */
function expectSame(got, want, what) {
  expect(want.topics.length > 1 && want.groups.length > 1, `${what}: tables with rows to compare (${JSON.stringify(want)})`);
  if (want.clock !== undefined) expect(got.clock === want.clock, `${what}: the clock ${got.clock}, not ${want.clock}`);
  for (const table of ['topics', 'groups']) {
    const [a, b] = [got[table], want[table]];
    expect(a.length === b.length, `${what}: ${table} table has ${a.length} rows, not ${b.length}`);
    b.forEach((row, i) => expect(JSON.stringify(a[i]) === JSON.stringify(row),
      `${what}: ${table} table row ${i} is ${JSON.stringify(a[i])}, not ${JSON.stringify(row)}`));
  }
}
const pause = async (page) => {
  if ((await page.getAttribute('.transport .play', 'aria-pressed')) === 'true') await page.click('.transport .play');
  await eventually(async () => (await page.getAttribute('.transport .play', 'aria-pressed')) === 'false', 'paused');
};
const scrubTo = (page, ms) => page.locator('.transport .scrubber').fill(String(ms));
const seconds = (clock) => parseFloat(clock.split(' / ')[0]);

async function buildSomething(page) {
  await page.fill('input[name=key]', 'order-7');
  await page.fill('input[name=value]', 'bảy');
  await page.click('.publish form.form-grid button[type=submit]');
  await page.click('button[aria-label="Kill broker-2"]');
  await eventually(async () => (await page.locator('g.broker.down[data-broker="2"]').count()) === 1, 'broker-2 down');
  await page.waitForTimeout(1500);
  await page.click('.transport .play'); // pause, so both pages compare the same moment
}

test('share: a link rebuilds the same cluster at the same moment', async ({ page, context, baseUrl }) => {
  await open(page, `${baseUrl}?lang=en`);
  await buildSomething(page);
  // A moment on the scrubber's 10 ms steps, so the copy can be put at exactly the same one.
  const moment = Math.floor(Number(await page.getAttribute('.transport .scrubber', 'max')) / 100) * 100;
  await scrubTo(page, moment);
  await eventually(async () => seconds(await page.textContent('.transport .clock')) === moment / 1000, `the original at ${moment} ms`);
  await page.click('.share-copy');
  await eventually(async () => (await page.evaluate(() => location.hash)).startsWith('#v1.'), 'the link is in the address');
  const url = page.url();
  const before = await snapshot(page);
  const other = await context.newPage();
  await open(other, url);
  await pause(other); // the copy plays on from the shared moment: stop it at once
  expect(await other.locator('g.broker.down[data-broker="2"]').count() === 1, 'broker-2 is down in the copy');
  // Restored at the moment, not replayed from 0 s (it played on briefly before the pause).
  const opened = seconds(await other.textContent('.transport .clock'));
  expect(opened >= moment / 1000 && opened < moment / 1000 + 3, `the copy opens at ${moment / 1000} s (${opened} s)`);
  // At the same moment, the copy's tables are the original's, cell by cell.
  await scrubTo(other, moment);
  await eventually(async () => seconds(await other.textContent('.transport .clock')) === moment / 1000, `the copy at ${moment} ms`);
  const copy = await snapshot(other);
  expect(seconds(copy.clock) === seconds(before.clock), `the same moment (${copy.clock} against ${before.clock})`);
  expectSame(copy, { ...before, clock: undefined }, 'the copy at the same moment');
  // Going elsewhere drops the link from the address, so a reload shows what is on screen.
  await other.click('.scene-nav button[data-scene="events"]');
  await other.waitForSelector('.scene-card[data-scene="events"]');
  expect((await other.evaluate(() => location.hash)) === '', 'the fragment is gone');
  await other.close();
});

test('share: a JSON file round-trips; broken links and files are refused and change nothing', async ({ page, baseUrl }) => {
  await open(page, `${baseUrl}?lang=en`);
  await buildSomething(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.share-export')]);
  const file = path.join(ARTIFACTS, 'shared.json');
  await download.saveAs(file);
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).v === 1, 'a versioned JSON file');
  // A fresh playground imports it.
  await open(page, `${baseUrl}?lang=en`);
  await page.setInputFiles('.share-import input[type=file]', file);
  await eventually(async () => (await page.locator('g.broker.down[data-broker="2"]').count()) === 1, 'the imported cluster has broker-2 down');
  // A broken file: refused inline, nothing changes.
  const bad = path.join(ARTIFACTS, 'broken.json');
  fs.writeFileSync(bad, '{"v": 1, "seed": "not a number"');
  await pause(page);
  const beforeBad = await snapshot(page);
  await page.setInputFiles('.share-import input[type=file]', bad);
  await eventually(async () => ((await page.textContent('.share .form-error')) || '').length > 0, 'the broken file is refused');
  expect(await page.locator('g.broker.down[data-broker="2"]').count() === 1, 'the cluster is unchanged');
  expectSame(await snapshot(page), beforeBad, 'after a refused file');
  // A broken link: a clear message, and the default playground.
  for (const hash of ['#v1.AAAA', '#v9.abc', `#v1.${'A'.repeat(70000)}`]) {
    await page.goto('about:blank');
    await open(page, `${baseUrl}?lang=en${hash}`);
    await eventually(async () => ((await page.textContent('.share-error')) || '').length > 10, `refused: ${hash.slice(0, 12)}`);
    expect(await page.locator('g.broker.down').count() === 0, 'the default playground');
  }
  // An ordinary #anchor is not a share link: no message at all.
  await page.goto('about:blank');
  await open(page, `${baseUrl}?lang=en#top`);
  expect(await page.locator('.share-error').count() === 0, 'an anchor is not an error');
});

test('share: a link pasted into an open tab (only the fragment changes) loads too', async ({ page, context, baseUrl }) => {
  await open(page, `${baseUrl}?lang=en`);
  await buildSomething(page);
  await page.click('.share-copy');
  await eventually(async () => (await page.evaluate(() => location.hash)).startsWith('#v1.'), 'the link is in the address');
  const hash = await page.evaluate(() => location.hash);
  const other = await context.newPage();
  await open(other, `${baseUrl}?lang=en`);
  expect(await other.locator('g.broker.down').count() === 0, 'a fresh playground first');
  await other.evaluate((h) => { location.hash = h; }, hash);
  await eventually(async () => (await other.locator('g.broker.down[data-broker="2"]').count()) === 1, 'the pasted link loads');
  await pause(other);
  const loaded = await snapshot(other);
  await other.evaluate(() => { location.hash = '#v1.broken'; });
  await eventually(async () => ((await other.textContent('.share-error')) || '').length > 10, 'a broken pasted link is refused');
  expect(await other.locator('g.broker.down[data-broker="2"]').count() === 1, 'and changes nothing');
  expectSame(await snapshot(other), loaded, 'after a broken pasted link');
  await other.close();
});
