// Screenshot of a big cluster (9 brokers, 12 partitions × RF 3, 2 groups) at laptop and phone size.
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';
const server = await serve('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [name, viewport] of [['big-wide', { width: 1280, height: 800 }], ['big-phone', { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport });
  await page.goto(server.url + '?lang=en');
  await page.waitForSelector('g.broker');
  for (let i = 0; i < 6; i++) await page.click('button.add-broker');
  await page.fill('input[name=topic-name]', 'clicks');
  await page.fill('input[name=partitions]', '12');
  await page.fill('input[name=replication-factor]', '3');
  await page.click('button:has-text("Create topic")');
  await page.click('.auto-producer button[type=submit]');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `artifacts/shots/${name}.png`, fullPage: name === 'big-phone' });
  await page.close();
}
await browser.close(); await server.close();
