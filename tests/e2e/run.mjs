// End-to-end tests: serve the release build in dist/ and drive it in headless Chromium like a
// person would. Usage: node tests/e2e/run.mjs (after `trunk build --release`).
import fs from 'node:fs';
import { serve } from './serve.mjs';
import { run } from './harness.mjs';

if (!fs.existsSync('dist/index.html')) {
  console.error('dist/index.html is missing: build the site first (trunk build --release)');
  process.exit(2);
}
for (const f of fs.readdirSync(new URL('./specs/', import.meta.url)).sort()) {
  if (f.endsWith('.mjs')) await import(`./specs/${f}`);
}
// A sub-path, as a course page host would use, proves the asset URLs are relative.
const server = await serve('dist', { prefix: '/course/kafka/' });
console.log(`e2e: serving dist/ at ${server.url}`);
const failed = await run({ baseUrl: server.url });
await server.close();
if (failed < 0) process.exit(1); // no spec matched E2E_ONLY: nothing ran, nothing passed
if (failed) { console.error(`e2e: ${failed} spec(s) failed; screenshots in artifacts/e2e/`); process.exit(1); }
console.log('e2e: all specs passed; screenshots in artifacts/e2e/');
