// The shop without Kafka shares the session's one history (scenes 2 and 3): what the learner
// did there is stepped back, scrubbed, forked, shared by link and by file, and comes back at
// the same moment. Everything is read from the drawing of the shop without Kafka.
import { test, expect, eventually } from '../harness.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from '../harness.mjs';

const action = (page, i) => page.locator('.scene-action').nth(i).click();
const paymentsDown = (page) => page.locator('svg.direct-stage g.direct-service.down[data-service="payments"]').count();
/** The customer's counters: completed, failed, rejected, waiting (as drawn). */
const counters = (page) => page.$$eval('svg.direct-stage .direct-counter .value', (els) => els.map((e) => e.textContent).join(','));
const clock = async (page) => parseFloat((await page.textContent('.transport .clock')).split(' / ')[0]);
const scrubTo = (page, ms) => page.locator('.transport .scrubber').fill(String(ms));

async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('svg.direct-stage g.direct-service');
}

/** Payments down, orders arriving by themselves, a few seconds of trouble, then paused. */
async function trouble(page) {
  await action(page, 0); // one order while all is well
  await page.waitForTimeout(1500);
  await action(page, 2); // Payments down
  await eventually(async () => (await paymentsDown(page)) === 1, 'Payments is drawn down');
  await action(page, 1); // automatic orders
  await eventually(async () => {
    const [, failed] = (await counters(page)).split(',').map(Number);
    return failed > 0;
  }, 'orders fail while Payments is down', 15000);
  await page.click('.transport .play'); // pause
}

for (const scene of ['direct-calls', 'kafka-in-the-middle']) {
  test(`two worlds: ${scene} steps back, scrubs, forks and shares the shop without Kafka`, async ({ page, context, baseUrl }) => {
    await open(page, `${baseUrl}?scene=${scene}&lang=en`);
    await trouble(page);
    // "The end" is a moment on the scrubber's steps (whole tenths), a little before the
    // recorded end, so every page below can be scrubbed to exactly it: the scrubber moves in
    // 10 ms steps and the recorded end is seldom on one.
    const endMs = Math.floor(Number(await page.getAttribute('.transport .scrubber', 'max')) / 100) * 100;
    const end = endMs / 1000;
    await scrubTo(page, endMs);
    await eventually(async () => (await clock(page)) === end, `at ${end} s`);
    const atEnd = await counters(page);

    // Step back: the clock goes back and the shop's past is drawn. Each step goes to the start
    // of the happening before (src/session, step_back): while orders pour in that is often a
    // few ms back, which the clock, in tenths of a second, does not show; a few steps do.
    let steps = 0;
    while ((await clock(page)) >= end && steps < 30) {
      await page.click('.transport .step-back');
      steps++;
      await page.waitForTimeout(50);
    }
    expect((await clock(page)) < end, `${steps} steps back move the clock back from ${end} s (${await clock(page)} s)`);
    // Scrub to 0.5 s: before Payments went down, nothing has failed yet.
    await scrubTo(page, 500);
    await eventually(async () => (await paymentsDown(page)) === 0, 'at 0.5 s Payments is up again');
    expect((await counters(page)).split(',')[1] === '0', `nothing failed at 0.5 s (${await counters(page)})`);
    // Scrub back to the end: the same shop as before, replayed exactly.
    await scrubTo(page, endMs);
    await eventually(async () => (await counters(page)) === atEnd, `the end comes back exactly (${atEnd})`);
    expect((await paymentsDown(page)) === 1, 'Payments is down again at the end');

    // Share by link: the copy shows the same shop at the same moment.
    await page.click('.share-copy');
    await eventually(async () => (await page.evaluate(() => location.hash)).startsWith('#v1.'), 'the link is in the address');
    const other = await context.newPage();
    await open(other, page.url());
    await other.click('.transport .play'); // pause at once
    await eventually(async () => (await paymentsDown(other)) === 1, 'Payments is down in the copy');
    // The copy opens at the shared moment and plays on until the click pauses it: on a busy
    // machine that is some tenths of a second later, so the moment itself is compared below,
    // by scrubbing the copy to it.
    const copied = await clock(other);
    expect(copied >= end - 0.1 && copied < end + 3, `the copy opens at the shared moment (${copied} s against ${end} s)`);
    await scrubTo(other, endMs);
    await eventually(async () => (await counters(other)) === atEnd, `the copy's shop is the same (${await counters(other)} against ${atEnd})`);
    await other.close();

    // Share by file: a fresh page of the scene imports it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.share-export')]);
    const file = path.join(ARTIFACTS, `two-worlds-${scene}.json`);
    await download.saveAs(file);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(saved.log.some(([, c]) => c.Direct), 'the file holds the shop without Kafka\'s commands');
    const fresh = await context.newPage();
    await open(fresh, `${baseUrl}?scene=${scene}&lang=en`);
    await fresh.setInputFiles('.share-import input[type=file]', file);
    await eventually(async () => (await paymentsDown(fresh)) === 1, 'the imported shop has Payments down');
    await fresh.click('.transport .play');
    await scrubTo(fresh, endMs);
    await eventually(async () => (await counters(fresh)) === atEnd, `the imported shop is the same (${await counters(fresh)} against ${atEnd})`);
    await fresh.close();

    // Fork at 0.5 s: the recorded "Payments down" is discarded, and playing on keeps it up.
    await scrubTo(page, 500);
    await eventually(async () => (await paymentsDown(page)) === 0, 'back at 0.5 s');
    await page.click('.transport .fork');
    await page.click('.transport .play'); // play
    await page.waitForTimeout(2500);
    expect((await clock(page)) > 1.5, 'time moves on after the fork');
    expect((await paymentsDown(page)) === 0, 'the forked future never took Payments down');
  });
}
