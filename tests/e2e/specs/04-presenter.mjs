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

// Presenter mode enlarges the Kafka stage's text; the shop without Kafka keeps its own sizes,
// fitted to its boxes. Checked by geometry: every text inside its box, clear of the slots,
// and the customers' label clear of the Orders box — in both languages.
test('presenter mode: the shop without Kafka keeps every text in its box', async ({ page, baseUrl, shot }) => {
  for (const lang of ['vi', 'en']) {
    await page.goto('about:blank');
    await page.goto(`${baseUrl}?scene=direct-calls&lang=${lang}&presenter=1`);
    await page.waitForSelector('.app.presenter svg.direct-stage rect.box');
    const problems = await page.evaluate(() => {
      const bad = [];
      const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const inside = (a, b) => a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
      for (const box of document.querySelectorAll('svg.direct-stage g > rect.box')) {
        const g = box.parentElement;
        const b = box.getBoundingClientRect();
        const slots = [...g.querySelectorAll('rect.slot')].map((s) => s.getBoundingClientRect());
        for (const t of g.querySelectorAll('text')) {
          const r = t.getBoundingClientRect();
          if (!inside(r, b)) bad.push(`outside its box: ${t.textContent}`);
          if (slots.some((s) => overlap(r, s))) bad.push(`over a slot: ${t.textContent}`);
        }
      }
      const who = document.querySelector('svg.direct-stage .direct-who')?.getBoundingClientRect();
      const orders = document.querySelector('svg.direct-stage .direct-orders > rect.box')?.getBoundingClientRect();
      if (who && orders && overlap(who, orders)) bad.push('the customers label runs into Orders');
      return bad;
    });
    expect(problems.length === 0, `${lang}: ${problems.join(' | ')}`);
    await shot(`presenter-direct-calls-${lang}-1280x800`);
  }
});

// The same for the Kafka stage: a replica chip's label and its glyph (★ leader) stay inside
// the chip and clear of each other, and a broker's name and status do not collide.
// Laptop and phone, presenter mode or not.
test('replica chips (name, glyph, record count) and broker titles keep their text inside (presenter, laptop, phone)', async ({ page, baseUrl }) => {
  // The free playground's `orders`, and scenes with longer topic names (`us-orders`,
  // `inventory`), whose chips widen to show them whole.
  for (const [lang, presenter, width, height, scene] of [['vi', 1, 1280, 800, ''], ['en', 1, 1280, 800, ''], ['vi', 0, 1280, 800, ''], ['vi', 0, 390, 844, ''], ['en', 0, 390, 844, ''],
    ['vi', 0, 1280, 800, 'consumer-groups'], ['en', 1, 1280, 800, 'topics-in-action'], ['vi', 0, 390, 844, 'consumer-groups'], ['vi', 1, 390, 844, 'topics-in-action']]) {
    await page.setViewportSize({ width, height });
    await page.goto('about:blank');
    await page.goto(`${baseUrl}?lang=${lang}&presenter=${presenter}${scene && `&scene=${scene}`}&view=cluster`);
    await page.waitForSelector('svg.stage g.replica');
    const problems = await page.evaluate(() => {
      const bad = [];
      const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const inside = (a, b) => a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
      for (const chip of document.querySelectorAll('svg.stage g.replica')) {
        const box = chip.querySelector('rect').getBoundingClientRect();
        const [label, glyph] = [...chip.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
        if (!inside(label, box)) bad.push(`chip label outside: ${chip.dataset.tp}@${chip.dataset.broker}`);
        if (glyph && glyph.width > 0 && overlap(label, glyph)) bad.push(`chip label under its glyph: ${chip.dataset.tp}@${chip.dataset.broker}`);
        if (chip.querySelector('text').textContent !== chip.dataset.tp) bad.push(`chip name shortened: ${chip.querySelector('text').textContent} for ${chip.dataset.tp}`);
        // Its record count, on the line under the name, inside the chip, clear of name and glyph.
        const count = chip.querySelector('text.count');
        if (!count || !/^ \d+k? records?$/.test(count.textContent)) bad.push(`chip without its record count: ${chip.dataset.tp}@${chip.dataset.broker} "${count?.textContent}"`);
        else {
          const c = count.getBoundingClientRect();
          if (!inside(c, box)) bad.push(`chip count outside: ${chip.dataset.tp}@${chip.dataset.broker}`);
          if (overlap(c, label) || (glyph && glyph.width > 0 && overlap(c, glyph))) bad.push(`chip count collides: ${chip.dataset.tp}@${chip.dataset.broker}`);
        }
      }
      for (const broker of document.querySelectorAll('svg.stage g.broker')) {
        const name = broker.querySelector('.broker-name')?.getBoundingClientRect();
        const status = broker.querySelector('.broker-status')?.getBoundingClientRect();
        if (name && status && overlap(name, status)) bad.push(`broker title collides: ${broker.dataset.broker}`);
      }
      return bad;
    });
    expect(problems.length === 0, `${lang} presenter=${presenter} ${width}px ${scene}: ${problems.join(' | ')}`);
  }
});

// The describe tables show all their columns on a laptop and a projector: side by side only
// where both fit, else one above the other. (A phone scrolls them sideways inside their panel.)
test('the describe tables show every column on laptop and projector widths', async ({ page, baseUrl }) => {
  for (const [width, query] of [[1024, 'lang=vi'], [1280, 'lang=vi'], [1440, 'lang=en'], [1920, 'lang=vi'], [1280, 'lang=vi&presenter=1'], [1920, 'lang=en&presenter=1']]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('about:blank');
    await page.goto(`${baseUrl}?${query}&scene=consumer-groups`);
    await page.waitForSelector('.groups-describe tbody tr[data-group]');
    const cut = await page.evaluate(() => [...document.querySelectorAll('.tables .table-scroll')]
      .filter((s) => s.scrollWidth > s.clientWidth + 1)
      .map((s) => `${s.querySelector('table').className}: ${s.clientWidth}px shown of ${s.scrollWidth}px`));
    expect(cut.length === 0, `${width}px ?${query}: ${cut.join(' | ')}`);
  }
});
