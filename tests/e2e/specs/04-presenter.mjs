import { test, expect, eventually } from '../harness.mjs';
import fs from 'node:fs';

test('presenter mode: large type, clicker keys step, stage saved as PNG', async ({ page, baseUrl, shot }) => {
  await page.goto(baseUrl + '?lang=vi');
  await page.waitForSelector('svg.stage g.broker');
  await page.click('button.presenter-toggle');
  expect(await page.locator('.app.presenter').count() === 1, 'presenter class on');
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.app')).fontSize));
  expect(size >= 18, `large type (${size}px)`);
  await page.click('button.play'); // pause
  await page.locator('h1').click();
  const before = Number(await page.locator('.transport .scrubber').inputValue());
  await page.keyboard.press('PageDown');
  await page.keyboard.press('Period');
  await eventually(async () => Number(await page.locator('.transport .scrubber').inputValue()) > before, 'the clicker steps time');
  await shot('presenter-vi-1280x800');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button.save-png')]);
  const file = 'artifacts/e2e/stage-saved.png';
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(1, 4).toString() === 'PNG', 'a PNG file');
  expect(bytes.length > 10_000, `a real picture (${bytes.length} bytes)`);
});
