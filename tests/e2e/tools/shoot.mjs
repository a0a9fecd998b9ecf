// Ad-hoc screenshots of the built site: node tests/e2e/tools/shoot.mjs [query] [wait-ms]
// Writes artifacts/shots/{wide,phone}.png — for looking at what we built.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { serve } from '../serve.mjs';

const query = process.argv[2] ?? '';
const wait = Number(process.argv[3] ?? 3000);
fs.mkdirSync('artifacts/shots', { recursive: true });
const server = await serve('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
for (const [name, viewport, locale] of [['wide', { width: 1280, height: 800 }, 'en-US'], ['phone', { width: 390, height: 844 }, 'vi-VN']]) {
  const page = await browser.newPage({ viewport, locale });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[${name}] ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  await page.goto(server.url + query);
  await page.waitForTimeout(wait);
  await page.screenshot({ path: `artifacts/shots/${name}.png`, fullPage: process.env.FULL === '1' });
  await page.close();
}
await browser.close();
await server.close();
