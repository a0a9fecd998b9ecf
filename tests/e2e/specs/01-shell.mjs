import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { test, expect, eventually } from '../harness.mjs';

test('shell loads with no console error, titled, in the browser language', async ({ page, baseUrl }) => {
  const t0 = Date.now();
  await page.goto(baseUrl);
  await page.waitForSelector('svg.stage g.broker');
  const paint = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { fcp: fcp ? Math.round(fcp.startTime) : null, stage: Math.round(performance.now()) };
  });
  // Start-up, reported in the run's log (issue 7 asks first meaningful paint < 500 ms).
  console.log(`       first render ${Date.now() - t0} ms; first contentful paint ${paint.fcp} ms; stage drawn by ${paint.stage} ms`);
  expect((await page.title()) === 'Kafka Playground', 'page title');
  const text = await page.textContent('header');
  expect(text.includes('Publish events'), `English from locale en-US: ${text}`);
  expect((await page.getAttribute('html', 'lang')) === 'en', 'html lang en');
});

test('a loading message in the reader\'s language shows at once and goes when the app is drawn', async ({ context, baseUrl }) => {
  const vi = await context.browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  const page = await vi.newPage();
  // A slow network, as on a phone: the wasm arrives 1.5 s late.
  await page.route('**/*.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(baseUrl);
  await page.waitForSelector('#boot');
  expect((await page.textContent('#boot')).includes('Đang tải mô phỏng'), `Vietnamese loading message: ${await page.textContent('#boot')}`);
  expect((await page.getAttribute('html', 'lang')) === 'vi', 'html lang vi before the app');
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime);
  expect(fcp !== undefined, 'something painted while the wasm is still on its way');
  await page.waitForSelector('svg.stage g.broker');
  expect((await page.locator('#boot').count()) === 0, 'the loading message is gone');
  await page.goto(baseUrl + '?lang=en');
  expect((await page.textContent('#boot')).includes('Loading the simulation'), '?lang=en: English loading message');
  await vi.close();
});

test('when the wasm cannot arrive, the loading message says so instead of spinning', async ({ context, baseUrl, allow }) => {
  const vi = await context.browser().newContext({ locale: 'vi-VN' });
  const page = await vi.newPage();
  // The failure this spec makes, as the page reports it; nothing else may go wrong. (The
  // loader's rejected `init()` is what the loading message listens for: a page error.)
  const why = 'the spec cuts the wasm off';
  allow(/^request failed: \S+\.wasm \(net::ERR_INTERNET_DISCONNECTED\)$/, why);
  allow(/^console error \(\S+\): Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/, why);
  allow(/^page error \(\S+\): Failed to fetch$/, why);
  await page.route('**/*.wasm', (route) => route.abort('internetdisconnected'));
  await page.goto(baseUrl);
  await eventually(async () => (await page.getAttribute('#boot', 'class')).includes('failed'), 'marked failed');
  const text = await page.textContent('#boot');
  expect(text.includes('Không tải được mô phỏng'), `Vietnamese failure message: ${text}`);
  // Reload, the connection back: the app starts.
  await page.unroute('**/*.wasm');
  await page.getByRole('button', { name: 'Tải lại' }).click();
  await page.waitForSelector('svg.stage g.broker');
  expect((await page.locator('#boot').count()) === 0, 'the message is gone once the app runs');
  await vi.close();
});

test('language switch changes every visible string and is remembered', async ({ page, baseUrl, shot }) => {
  await page.goto(baseUrl);
  await page.waitForSelector('svg.stage g.broker');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await eventually(async () => (await page.textContent('header')).includes('Gửi events'), 'Vietnamese tagline');
  const body = await page.textContent('body');
  expect(!body.includes('Publish events') && !body.includes('Version') && !body.includes('Publish an event'), `no English left: ${body}`);
  expect(body.includes('Phiên bản'), 'Vietnamese footer');
  expect((await page.getAttribute('html', 'lang')) === 'vi', 'html lang vi');
  await shot('shell-vi-1280x800');
  await page.reload();
  await page.waitForSelector('svg.stage g.broker');
  expect((await page.textContent('header')).includes('Gửi events'), 'choice remembered after reload');
  await page.getByRole('button', { name: 'English' }).click();
  await eventually(async () => (await page.textContent('header')).includes('Publish events'), 'back to English');
  await shot('shell-en-1280x800');
});

test('vi browser gets Vietnamese; ?lang=en overrides it; phone size fits', async ({ context, baseUrl }) => {
  const vi = await context.browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  const page = await vi.newPage();
  await page.goto(baseUrl);
  await page.waitForSelector('svg.stage g.broker');
  expect((await page.textContent('header')).includes('Gửi events'), 'Vietnamese from vi-VN');
  await page.screenshot({ path: 'artifacts/e2e/shell-vi-390x844.png' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `no horizontal scroll on a phone (overflow ${overflow}px)`);
  await page.goto(baseUrl + '?lang=en');
  await page.waitForSelector('svg.stage g.broker');
  expect((await page.textContent('header')).includes('Publish events'), '?lang=en wins');
  await page.screenshot({ path: 'artifacts/e2e/shell-en-390x844.png' });
  await vi.close();
});

// A guard against creeping size, not the goal: issue 7 asks for ≤ 300 KB gzipped, which this
// build does not reach (see README, "The static site"); this fails when the wasm grows past
// 430 KB gzipped (420,645 B by this zlib, 417,969 B by `gzip -9`, on 2026-11-30), so growth is
// a decision, not an accident.
test('the release wasm stays within its size guard', async () => {
  const wasm = fs.readdirSync('dist').find((f) => f.endsWith('.wasm'));
  const bytes = fs.readFileSync(`dist/${wasm}`);
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(`       release wasm ${bytes.length} B raw, ${gz} B gzipped`);
  expect(gz <= 430 * 1024, `${gz} B gzipped, over the 430 KB guard`);
});
