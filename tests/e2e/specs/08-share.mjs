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

const topics = (page) => page.textContent('.topics-describe tbody');

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
  await page.click('.share-copy');
  await eventually(async () => (await page.evaluate(() => location.hash)).startsWith('#v1.'), 'the link is in the address');
  const url = page.url();
  const before = await topics(page);
  const clock = (await page.textContent('.transport .clock')).split(' / ')[0];
  const other = await context.newPage();
  await open(other, url);
  await other.click('.transport .play'); // pause at once
  expect(await other.locator('g.broker.down[data-broker="2"]').count() === 1, 'broker-2 is down in the copy');
  const leader = (p) => p.locator('.topics-describe tr[data-tp="orders-0"] td.leader').textContent();
  expect(await leader(other) === await leader(page), 'the same leader for orders-0');
  expect(before.includes('orders') && (await topics(other)).includes('orders'), 'the same topics');
  expect(parseFloat((await other.textContent('.transport .clock')).split(' / ')[0]) >= parseFloat(clock) - 0.1, `time restored (${clock})`);
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
  const beforeBad = await topics(page);
  await page.setInputFiles('.share-import input[type=file]', bad);
  await eventually(async () => ((await page.textContent('.share .form-error')) || '').length > 0, 'the broken file is refused');
  expect(await page.locator('g.broker.down[data-broker="2"]').count() === 1, 'the cluster is unchanged');
  expect((await topics(page)).split('\n').length === beforeBad.split('\n').length, 'topics unchanged');
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
  await other.evaluate(() => { location.hash = '#v1.broken'; });
  await eventually(async () => ((await other.textContent('.share-error')) || '').length > 10, 'a broken pasted link is refused');
  expect(await other.locator('g.broker.down[data-broker="2"]').count() === 1, 'and changes nothing');
  await other.close();
});
