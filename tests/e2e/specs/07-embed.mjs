// Embedding: a course page frames two scenes, drives one through the postMessage API and
// hears the learner's progress; hostile messages change nothing; the embed code is right.
import { test, expect, eventually } from '../harness.mjs';

async function frameOf(page, id) {
  const handle = await page.waitForSelector(`iframe#${id}`);
  const frame = await handle.contentFrame();
  await frame.waitForSelector('.scene-card');
  await frame.waitForSelector('svg.stage g.flow');
  return frame;
}

const progress = (page, type, scene) => page.locator(`#progress li[data-type="${type}"][data-scene="${scene}"]`).count();

test('embed: a course page frames two scenes, publishes into one, hears progress, resets it', async ({ page, baseUrl, shot }) => {
  const started = Date.now();
  await page.goto(`${baseUrl}course-example.html`);
  const partitions = await frameOf(page, 'partitions');
  const groups = await frameOf(page, 'groups');
  console.log(`       both embedded scenes interactive after ${Date.now() - started} ms`);
  // No page chrome inside the frames; minimal controls hide the side panels.
  expect(await partitions.locator('.app-header, .scene-nav, .app-footer').count() === 0, 'no page chrome in the frame');
  expect(await partitions.locator('.tables, .timeline').count() === 0, 'minimal controls: no tables, no timeline');
  expect(await partitions.locator('.publish').count() === 1, 'but the panels the scene needs');
  expect(await partitions.locator('.scene-prev, .scene-next').count() === 0, 'no previous/next inside a course page');
  expect(await groups.locator('.tables').count() === 1 && await groups.locator('.panel.topics').count() === 1, 'controls=full: every panel and table');
  expect((await partitions.textContent('.scene-card h2')).includes('Partition và offset'), 'lang=vi in the frame');
  await eventually(async () => (await progress(page, 'ready', 'partitions')) === 1, 'the host heard "ready"');
  // The host publishes order-1 twice: the first task ticks and the host hears it.
  await page.click('#publish');
  await page.click('#publish');
  await eventually(async () => (await partitions.locator('li.task').first().getAttribute('data-done')) === 'true', 'task 1 ticks in the frame', 15000);
  await eventually(async () => (await progress(page, 'task-completed', 'partitions')) === 1, 'the host heard task-completed', 5000);
  await shot('embed-course-page-1280x800');
  // Hostile or foreign messages: ignored, or refused with an error message to the host.
  await page.evaluate(() => {
    const w = document.getElementById('partitions').contentWindow;
    for (const m of [null, 42, 'kafka-playground:reset', [], {}, { type: 5 }, { type: 'other:reset' },
      { type: 'kafka-playground:nope' }, { type: 'kafka-playground:publish', topic: 'orders', value: 'x'.repeat(5000) },
      { type: 'kafka-playground:set-lang', lang: 'klingon' }, { type: 'kafka-playground:publish', topic: { evil: 1 }, value: 'v' }]) {
      w.postMessage(m, '*');
    }
    w.postMessage({ type: 'kafka-playground:publish', topic: 'no-such-topic', value: 'v' }, '*');
  });
  await eventually(async () => (await page.locator('#progress li[data-type="error"]').count()) === 1, 'an unknown topic is refused with a message');
  expect((await page.textContent('#progress li[data-type="error"]')).includes('no-such-topic'), 'the refusal names the topic');
  expect(await partitions.locator('li.task[data-done="true"]').count() === 1, 'nothing else changed');
  expect((await partitions.getAttribute('html', 'lang')) === 'vi', 'still Vietnamese');
  // Reset from the host.
  await page.click('#reset');
  await eventually(async () => (await partitions.locator('li.task[data-done="true"]').count()) === 0, 'reset clears the ticks');
});

test('embed: autoplay=0 starts paused; the embed code names the scene and language', async ({ page, baseUrl }) => {
  const started = Date.now();
  await page.goto(`${baseUrl}?embed=1&scene=cluster&lang=en&autoplay=0`);
  await page.waitForSelector('svg.stage g.broker');
  console.log(`       embedded scene drawn after ${Date.now() - started} ms`);
  await page.waitForTimeout(500);
  expect((await page.getAttribute('.transport .play', 'aria-pressed')) === 'false', 'paused');
  expect((await page.textContent('.transport .clock')).startsWith('0.0 s'), 'time has not moved');
  await page.goto(`${baseUrl}?scene=consumer-groups&lang=en`);
  await page.waitForSelector('.scene-card');
  await page.click('.embed-code summary');
  const code = await page.inputValue('.embed-code textarea');
  expect(code.startsWith('<iframe src="') && code.includes('?embed=1&amp;lang=en&amp;scene=consumer-groups'), code);
  expect(code.includes('title="Kafka Playground — Consumer Groups share the work"'), code);
});
