// Screenshots of the stage alone (its frame), for looking at a drawing closely:
//   node tests/e2e/tools/shoot-stage.mjs '<query>' <wait-ms> <width>x<height> <name> [actions]
// `actions` is a comma-separated list of quick-action indexes to click first (e.g. 0,0,1).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { serve } from '../serve.mjs';

const [query = '', wait = '3000', size = '1280x800', name = 'stage', actions = ''] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
fs.mkdirSync('artifacts/shots', { recursive: true });
const server = await serve('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width, height } });
page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
page.on('console', (m) => { if (m.type() === 'error') console.log(`console error: ${m.text()}`); });
await page.goto(server.url + query);
await page.waitForSelector('.stage-frame, svg.direct-stage');
for (const i of actions.split(',').filter(Boolean)) {
  await page.locator('.scene-action').nth(Number(i)).click();
  await page.waitForTimeout(300);
}
await page.waitForTimeout(Number(wait));
const frame = page.locator((await page.locator('.stage-frame').count()) ? '.stage-frame' : '.direct-wrap').first();
await frame.screenshot({ path: `artifacts/shots/${name}.png` });
await browser.close();
await server.close();
