// Accessibility: axe-core (npm, run in the page) finds no serious or critical violation.
import { test, expect } from '../harness.mjs';
import { createRequire } from 'node:module';
import fs from 'node:fs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

for (const lang of ['vi', 'en']) {
  test(`axe: no serious or critical violations (${lang})`, async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}?lang=${lang}`);
    await page.waitForSelector('svg.stage g.broker');
    await page.click('g.replica.leader'); // open a partition log too
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`).join('\n');
    expect(bad.length === 0, summary);
  });
}

// On a phone the two columns become one ordered list (display: contents): axe again, and
// Chromium's own accessibility tree must still have the side column's landmark.
test('axe: phone width (vi), and the side column stays a landmark', async ({ page, baseUrl }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${baseUrl}?lang=vi`);
  await page.waitForSelector('svg.stage g.broker');
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.length === 0, bad.map((v) => `${v.impact} ${v.id}: ${v.help} e.g. ${v.nodes[0]?.target}`).join('\n'));
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const roles = nodes.map((n) => n.role?.value);
  expect(roles.includes('complementary'), `the side column's landmark is in the tree: ${[...new Set(roles)].join(' ')}`);
});

// The scenes add a card, an index and the shop's own drawing: check a scene of each kind.
for (const [scene, lang] of [['kafka-in-the-middle', 'vi'], ['chain-reaction', 'en'], ['direct-calls', 'en']]) {
  test(`axe: scene ${scene} (${lang}) has no serious or critical violations`, async ({ page, baseUrl }) => {
    await page.goto(`${baseUrl}?scene=${scene}&lang=${lang}`);
    await page.waitForSelector('.scene-card');
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`).join('\n');
    expect(bad.length === 0, summary);
  });
}

test('axe: the dark theme (prefers-color-scheme: dark) keeps contrast', async ({ page, baseUrl }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${baseUrl}?scene=chain-reaction&lang=vi`);
  await page.waitForSelector('.scene-card');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.app')).backgroundColor) === 'rgb(15, 23, 42)', 'dark background');
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`).join('\n');
  expect(bad.length === 0, summary);
});
