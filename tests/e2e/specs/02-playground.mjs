import { test, expect, eventually } from '../harness.mjs';
import { partitionForKey } from '../kafka.mjs';

async function open(page, baseUrl, query = '?lang=en') {
  await page.goto(baseUrl + query);
  await page.waitForSelector('svg.stage g.broker');
}

const cellText = (page, sel) => page.locator(sel).first().textContent();

test('publish order-1 into a 3-partition topic lands in the partition Kafka would choose', async ({ page, baseUrl, shot }) => {
  await open(page, baseUrl);
  await page.fill('input[name=key]', 'order-1');
  await page.fill('input[name=value]', '{"total": 250000}');
  await page.fill('input[name=headers]', 'source=web');
  await page.click('form button[type=submit]:has-text("Publish")');
  const expected = partitionForKey('order-1', 3);
  await eventually(async () => (await cellText(page, '.record-card .card-partition')) === String(expected),
    `record card shows partition ${expected}`);
  await eventually(async () => /^\d+$/.test(await cellText(page, '.record-card .card-offset')), 'offset known once the leader appended', 8000);
  expect((await cellText(page, '.record-card .card-key')) === 'order-1', 'key on the card');
  // The partition's log holds it.
  await page.click(`g.replica.leader[data-tp="orders-${expected}"]`);
  await eventually(async () => (await page.textContent('.log-view')).includes('order-1'), 'the log shows order-1');
  // Follow it: key → hash → partition, then its whole trip.
  const offset = await cellText(page, '.record-card .card-offset');
  await page.click(`.log-cells li[data-offset="${offset}"]`);
  await eventually(async () => (await page.textContent('.journey .hashing')).includes(`% 3 = ${expected}`), 'the hashing line');
  await eventually(async () => (await page.locator('.journey-steps li[data-kind=Delivered]').count()) > 0, 'delivered to the group', 10000);
  for (const kind of ['RecordQueued', 'ProduceSent', 'AppendedAtLeader', 'Replicated', 'HighWatermarkAdvanced', 'Acked']) {
    expect(await page.locator(`.journey-steps li[data-kind=${kind}]`).count() > 0, `trace has ${kind}`);
  }
  await shot('playground-published-en-1280x800');
});

test('bad input gets an inline message and changes nothing', async ({ page, baseUrl }) => {
  await open(page, baseUrl);
  const before = await page.textContent('.topics-describe tbody');
  await page.fill('input[name=topic-name]', 'bad name!');
  await page.click('button:has-text("Create topic")');
  await eventually(async () => (await page.textContent('.topics .form-error')).includes("'bad name!'"), 'illegal topic name message');
  await page.fill('input[name=topic-name]', 'big');
  await page.fill('input[name=replication-factor]', '5');
  await page.click('button:has-text("Create topic")');
  await eventually(async () => (await page.textContent('.topics .form-error')).includes('Replication factor 5'), 'RF above live brokers');
  await page.fill('input[name=replication-factor]', 'two');
  await page.click('button:has-text("Create topic")');
  await eventually(async () => (await page.textContent('.topics .form-error')).includes('whole number'), 'non-numeric RF');
  await page.fill('input[name=replication-factor]', '1');
  await page.fill('input[name=retention]', 'a week');
  await page.click('button:has-text("Create topic")');
  await eventually(async () => (await page.textContent('.topics .form-error')).includes('retention.ms'), 'non-numeric retention');
  await page.fill('input[name=retention]', '');
  await page.fill('input[name=partition]', '-1');
  await page.click('form button[type=submit]:has-text("Publish")');
  await eventually(async () => (await page.textContent('.publish .form-error')).includes('whole number'), 'non-numeric partition');
  await page.fill('input[name=partition]', '7');
  await page.click('form button[type=submit]:has-text("Publish")');
  await eventually(async () => (await page.textContent('.publish .form-error')).includes('partition 7 does not exist'), 'unknown partition');
  expect((await page.textContent('.topics-describe tbody')) === before, 'topics unchanged');
  // And a good one goes through: a compacted topic with a one-minute retention.
  await page.fill('input[name=topic-name]', 'customers');
  await page.fill('input[name=retention]', '60');
  await page.selectOption('select[name=cleanup-policy]', 'compact');
  await page.click('button:has-text("Create topic")');
  await eventually(async () => (await page.locator('.topics li[data-topic=customers]').count()) === 1, 'compacted topic created');
});

test('kill the leader broker of orders-0 and another replica leads', async ({ page, baseUrl, shot }) => {
  await open(page, baseUrl);
  const leaderCell = () => page.locator('.topics-describe tr[data-tp="orders-0"] td.leader').textContent();
  const leader = await leaderCell();
  expect(/^\d+$/.test(leader), `orders-0 has a leader (${leader})`);
  await page.click(`button[aria-label="Kill broker-${leader}"]`);
  await eventually(async () => { const l = await leaderCell(); return /^\d+$/.test(l) && l !== leader; }, 'a new leader for orders-0');
  expect(await page.locator(`g.broker.down[data-broker="${leader}"]`).count() === 1, 'the dead broker is greyed out');
  await shot('playground-broker-killed-en-1280x800');
  // The live region says it in words for screen readers.
  await eventually(async () => /broker-\d/.test(await page.textContent('.announcer')), 'the announcer speaks', 8000);
  await page.click(`button[aria-label="Revive broker-${leader}"]`);
  await eventually(async () => (await page.locator(`g.broker.down`).count()) === 0, 'broker back up');
});

test('a third consumer in a group on a 2-partition topic sits idle', async ({ page, baseUrl, shot }) => {
  await open(page, baseUrl);
  await page.fill('input[name=topic-name]', 'clicks');
  await page.fill('input[name=partitions]', '2');
  await page.fill('input[name=replication-factor]', '1');
  await page.click('button:has-text("Create topic")');
  await page.fill('input[name=group-name]', 'analytics');
  await page.click('button:has-text("Create group")');
  const group = page.locator('li.group-item[data-group=analytics]');
  await group.waitFor();
  await group.locator('select[name=member-topic]').selectOption('clicks');
  for (let i = 0; i < 3; i++) await group.locator('button.add-member').click();
  await eventually(async () => (await page.locator('g.group[data-group=analytics] g.member').count()) === 3, 'three members drawn');
  // Once the rebalance settles: one member idle, the two partitions with two different owners.
  let owners = [];
  await eventually(async () => {
    owners = await page.locator('.groups-describe tr[data-group=analytics] td.owner').allTextContents();
    const idle = await page.locator('g.group[data-group=analytics] g.member.idle').count();
    return idle === 1 && owners.length === 2 && new Set(owners).size === 2 && !owners.includes('-');
  }, 'one member idle and two partitions with two different owners', 20000);
  await shot('playground-idle-member-en-1280x800');
});

test('time travel: pause, step back, scrub, fork', async ({ page, baseUrl }) => {
  await open(page, baseUrl);
  await page.waitForTimeout(1500);
  await page.click('button.play'); // pause
  const clock = () => page.textContent('.transport .clock');
  const position = () => page.locator('.transport .scrubber').inputValue();
  const t0 = await position();
  await page.click('button.step-back');
  await eventually(async () => Number(await position()) < Number(t0), 'step back moves the clock back');
  // Scrub: the range input's value is in ms; the clock shows seconds.
  await page.locator('.transport .scrubber').fill('500');
  await eventually(async () => (await clock()).startsWith('0.5 s'), 'scrubbing to 500 ms puts the clock at 0.5 s');
  await page.click('button.step-forward');
  // Speed: the choice sticks (the bar re-renders from the playground's speed).
  await page.locator('.transport select').selectOption('0.5');
  await page.waitForTimeout(200);
  expect((await page.locator('.transport select').inputValue()) === '0.5', 'speed 0.5× chosen and kept');
  const now = parseFloat((await clock()).split('/')[0]);
  const end = parseFloat((await clock()).split('/')[1]);
  expect(now < end, `behind the recorded end (${now} < ${end})`);
  await page.click('button.fork');
  await eventually(async () => { const [a, b] = (await clock()).split('/').map(parseFloat); return a === b; }, 'fork makes now the end');
  await page.locator('h1').click(); // take focus off the button: space on a button presses it
  expect((await page.getAttribute('.transport .play', 'aria-pressed')) === 'false', 'paused before Space');
  const forked = await clock();
  await page.keyboard.press('Space');
  await eventually(async () => parseFloat(await clock()) > parseFloat(forked), `Space plays: the clock moves on from ${forked}`, 3000);
  await page.keyboard.press('Space');
  await page.waitForTimeout(200); // the pause holds from the next frame on
  const paused = await clock();
  await page.waitForTimeout(800); // at 0.5×, 0.4 s of simulated time if it still ran: the clock reads tenths
  const later = await clock();
  expect(later === paused, `Space again pauses: the clock stays put (${paused}, then ${later})`);
});

test('phone size in Vietnamese: the stage stacks and nothing scrolls sideways', async ({ page, context, baseUrl }) => {
  const phone = await context.browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
  const p = await phone.newPage();
  await p.goto(baseUrl);
  await p.waitForSelector('svg.stage g.broker');
  await p.waitForTimeout(1000);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow <= 0, `no horizontal scroll (overflow ${overflow}px)`);
  expect((await p.textContent('.publish h2')) === 'Gửi một event', 'Vietnamese publish title');
  // Publish, then watch: the form sits right under the stage, above the tables.
  const top = (sel) => p.locator(sel).first().evaluate((e) => e.getBoundingClientRect().top);
  const [stage, publish, tables] = [await top('.stage-frame'), await top('.publish'), await top('.tables')];
  expect(stage < publish && publish < tables, `stage ${stage}, publish form ${publish}, tables ${tables}`);
  const width = (sel) => p.locator(sel).first().evaluate((e) => e.getBoundingClientRect().width);
  const [stageW, publishW] = [await width('.stage-frame'), await width('.publish')];
  expect(stageW >= publishW - 1, `the stage spans the column: ${stageW}px beside the form's ${publishW}px`);
  await p.screenshot({ path: 'artifacts/e2e/playground-vi-390x844.png' });
  await p.screenshot({ path: 'artifacts/e2e/playground-vi-390x844-full.png', fullPage: true });
  await phone.close();
});

// A tablet held upright: the tall stage, kept to a width where its text reads (the wide stage
// drawn 740 px wide put chip text at 8 px); turned sideways, the wide stage again.
test('tablet upright gets the tall stage with readable text; sideways the wide one', async ({ page, baseUrl }) => {
  const chipTextPx = () => page.evaluate(() => {
    const svg = document.querySelector('svg.stage');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return { px: parseFloat(getComputedStyle(document.querySelector('g.replica text')).fontSize) * scale, units: svg.viewBox.baseVal.width };
  });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto(`${baseUrl}?scene=partitions&lang=vi&view=cluster`);
  await page.waitForSelector('svg.stage g.replica');
  let t = await chipTextPx();
  expect(t.units < 500 && t.px >= 12, `upright: tall stage (${t.units} units wide), chip text ${t.px.toFixed(1)} px`);
  const overlaps = await page.evaluate(() => {
    const z = document.querySelector('.zoom-controls').getBoundingClientRect();
    return [...document.querySelectorAll('svg.stage g.producer, svg.stage g.broker')].some((g) => {
      const r = g.getBoundingClientRect();
      return r.left < z.right && z.left < r.right && r.top < z.bottom && z.top < r.bottom;
    });
  });
  expect(!overlaps, 'the zoom buttons cover no box');
  await page.setViewportSize({ width: 1024, height: 768 });
  await eventually(async () => (await chipTextPx()).units > 900, 'sideways: the wide stage');
});

test('remove a broker: move its partitions off, shut it down, unregister it', async ({ page, baseUrl, shot }) => {
  await open(page, baseUrl);
  // Brokers 1 to 3 are also the KRaft controllers; a fourth one can come and go.
  await page.click('button.add-broker');
  await eventually(async () => (await page.locator('g.broker[data-broker="4"]').count()) === 1, 'broker-4 on the stage');
  const replicas = () => page.locator('.topics-describe tr[data-tp="orders-0"] td.replicas').textContent();
  const before = await replicas();
  const moveTo = async (list) => {
    await page.selectOption('select[name=reassign-partition]', 'orders-0');
    await page.fill('input[name=reassign-replicas]', list);
    await page.click('form.reassign button[type=submit]');
  };
  const error = () => page.textContent('.brokers .form-error');
  // kafka-reassign-partitions: orders-0 onto broker-4 (it catches up, then the old replica goes).
  const onto = `${before.split(',')[0]},4`;
  await moveTo(onto);
  await eventually(async () => (await replicas()) === onto, `orders-0 moved to ${onto}`, 20000);
  expect(await page.locator('g.replica[data-broker="4"][data-tp="orders-0"]').count() === 1, 'its replica drawn on broker-4');
  // Refused while a partition is still on it, with the reason in the panel.
  await page.click('button[aria-label="Remove broker-4"]');
  await eventually(async () => (await error()).includes('still holds a replica of orders-0'), 'refused: a replica is on it');
  await moveTo('1;4');
  await eventually(async () => (await error()).includes('separated by commas'), 'a bad replica list is refused inline');
  // Move it off again, as a decommission does.
  await moveTo(before);
  await eventually(async () => (await replicas()) === before, `orders-0 back on ${before}`, 20000);
  await page.click('button[aria-label="Remove broker-4"]');
  await eventually(async () => (await error()).includes('still running'), 'refused: shut it down first');
  await page.click('button[aria-label="Kill broker-4"]');
  await page.click('button[aria-label="Remove broker-4"]');
  await eventually(async () => (await page.locator('g.broker[data-broker="4"]').count()) === 0, 'broker-4 gone from the stage');
  expect(await page.locator('.brokers li[data-broker="4"]').count() === 0, 'and from the brokers panel');
  await page.click('.metadata-log summary');
  await eventually(async () => (await page.textContent('.metadata-log')).includes('UnregisterBrokerRecord brokerId=4'), 'the metadata log records it');
  await shot('playground-broker-removed-en-1280x800');
});

test('every select starts on its intended default', async ({ page, baseUrl }) => {
  await open(page, baseUrl);
  const values = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('select[name]')].map((s) => [s.name, s.value])));
  expect(values.strategy === 'range', `strategy defaults to Kafka's range: ${values.strategy}`);
  expect(values['timeline-filter'] === 'all', `timeline shows everything: ${values['timeline-filter']}`);
  expect(values.acks === 'all', 'acks=all, Kafka\'s default');
  expect(values.pattern === 'cycling', 'cycling keys');
  expect(values['reassign-partition'] === 'orders-0', `the move form starts on the first partition: ${values['reassign-partition']}`);
});

test('cut a leader off the network: it loses leadership; ZooKeeper mode redraws the controller', async ({ page, baseUrl, shot }) => {
  await open(page, baseUrl);
  const leaderCell = () => page.locator('.topics-describe tr[data-tp="orders-1"] td.leader').textContent();
  const leader = await leaderCell();
  await page.click(`button[aria-label="Cut off broker-${leader}"]`);
  expect(await page.locator(`g.broker.cut-off[data-broker="${leader}"]`).count() === 1, 'drawn as cut off');
  await eventually(async () => { const l = await leaderCell(); return /^\d+$/.test(l) && l !== leader; }, 'the controller elects another leader', 20000);
  await page.click(`button[aria-label="Heal broker-${leader}"]`);
  await page.click('button.zookeeper-mode');
  await eventually(async () => (await page.textContent('g.controller')).includes('ZooKeeper'), 'controller drawn through ZooKeeper');
  await shot('playground-zookeeper-en-1280x800');
});

test('keyboard: the record picker shows the key of a record in flight', async ({ page, baseUrl }) => {
  await open(page, baseUrl);
  await page.locator('.transport select').first().selectOption('0.1'); // slow motion: the dot stays in flight
  await page.fill('input[name=key]', 'order-42');
  await page.fill('input[name=value]', 'v');
  await page.click('form button[type=submit]:has-text("Publish")');
  await page.focus('.dot-picker');
  await eventually(async () => {
    await page.keyboard.press('ArrowRight');
    return ((await page.locator('.dot-tip').textContent({ timeout: 200 }).catch(() => '')) || '').includes('order-42');
  }, 'the picker reaches order-42', 8000);
  expect((await page.getAttribute('.dot-tip', 'role')) === 'status', 'the key is announced');
});

test('export to real Kafka: the script creates the topics and replays the published records', async ({ page, baseUrl }) => {
  await open(page, baseUrl);
  await page.fill('input[name=key]', 'order-1');
  await page.fill('input[name=value]', "it's 250000 $(rm -rf /)");
  await page.click('form button[type=submit]:has-text("Publish")');
  await page.waitForTimeout(500);
  await page.click('.export-panel summary');
  const script = await page.inputValue('#export-script');
  expect(script.includes('BOOTSTRAP="${BOOTSTRAP:-localhost:19092}"'), 'the compose cluster is the default target');
  expect(/--create --topic orders \\\n\s+--partitions 3 --replication-factor 2/.test(script), script.slice(0, 1200));
  expect(script.includes('kafka-console-producer.sh') && script.includes("order-1|it's 250000 $(rm -rf /)"), 'the record is replayed as published');
  expect(script.includes("<<'RECORDS'"), 'records go through a quoted here-document, never expanded by the shell');
  const compose = await page.inputValue('#export-compose');
  expect(compose.includes('apache/kafka:') && (compose.match(/KAFKA_NODE_ID/g) || []).length === 3, 'three KRaft nodes');
  expect((await page.getAttribute('.export-panel a[download="compose.yaml"]', 'href')).startsWith('data:'), 'a download link');
});

test('zoom: the stage grows in its box, the dots with it, and the box pans', async ({ page, baseUrl, shot }) => {
  await open(page, baseUrl);
  await page.click('.zoom-in');
  await page.click('.zoom-in');
  await eventually(async () => (await page.textContent('.zoom-fit')) === '200%', 'zoom reads 200%');
  const sizes = await page.evaluate(() => {
    const wrap = document.querySelector('.stage-wrap');
    const svg = document.querySelector('svg.stage').getBoundingClientRect();
    const canvas = document.querySelector('canvas.flights').getBoundingClientRect();
    return { scroll: wrap.scrollWidth, client: wrap.clientWidth, svgW: svg.width, canvasW: canvas.width };
  });
  expect(sizes.scroll > sizes.client * 1.8, `the box scrolls (${JSON.stringify(sizes)})`);
  expect(Math.abs(sizes.svgW - sizes.canvasW) < 2, `dots and stage share one size (${JSON.stringify(sizes)})`);
  // The canvas's pixels follow its new size (told by a ResizeObserver, not read each frame):
  // publish, so dots are drawn at the zoomed size.
  await page.fill('input[name=key]', 'order-9');
  await page.fill('input[name=value]', 'zoomed');
  await page.click('form button[type=submit]:has-text("Publish")');
  await eventually(async () => page.evaluate(() => {
    const c = document.querySelector('canvas.flights');
    return Number(c.dataset.inFlight ?? 0) > 0 && Math.abs(c.width - c.clientWidth * devicePixelRatio) <= 1;
  }), 'the canvas bitmap matches its zoomed size while dots fly');
  // Drag to pan.
  const box = await page.locator('.stage-wrap').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 300, box.y + box.height - 20, { steps: 5 });
  await page.mouse.up();
  expect(await page.evaluate(() => document.querySelector('.stage-wrap').scrollLeft) > 200, 'dragging pans');
  await shot('playground-zoomed-en-1280x800');
  await page.click('.zoom-fit');
  await eventually(async () => (await page.textContent('.zoom-fit')) === '100%', 'back to fit');
});
