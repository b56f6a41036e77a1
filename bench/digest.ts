/**
 * npm run bench:digest — 1,000 channels subscribed at the same minute, a fake publisher: time from
 * tick to all digests planned (target < 1 s), then to all posted, and memory. Prints figures only.
 */
import fs from 'node:fs';
import os from 'node:os';
import { createFakeClock } from '../src/core/clock.js';
import { createDigestEngine } from '../src/core/digest/engine.js';
import { silentLogger } from '../src/core/logger.js';
import { openCore } from '../src/core/open-core.js';
import { createRecordingPublisher } from '../src/core/publisher.js';
import { countArg } from './lib/count-arg.js';
import { sharedData } from './lib/shared-data.js';

const CHANNELS = countArg(1000);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

const dir = fs.mkdtempSync(os.tmpdir() + '/papers-bench-');
const clock = createFakeClock('2026-03-02T08:00:00.000Z');
const core = await openCore({ dataDir: dir, now: () => clock.now() });
try {
  for (const d of ['2025-06-09', '2025-06-10', '2025-06-11', '2025-06-12', '2025-06-13']) {
    const r = await core.ingest.ingestFile(sharedData('hf-daily', `${d}.json`));
    if (!r.ok) throw new Error(r.error);
  }
  const engine = createDigestEngine({ store: core.storage.digests, messages: core.storage.bookmarks, papers: core.store, search: core.search, clock, logger: silentLogger });
  const pub = createRecordingPublisher('slack');
  engine.setPublisher(pub);
  const topics = ['reasoning', 'agents, -survey', 'diffusion', 'model merging', 'video'];
  for (let i = 0; i < CHANNELS; i++) {
    // A quarter of the channels filter by topics, like real teams would.
    const settings: Record<string, unknown> = { time: '09:00', tz: 'UTC', top: 5 };
    if (i % 4 === 0) settings.topics = topics[(i / 4) % topics.length];
    await engine.subscribe({ platform: 'slack', workspaceId: 'T', channelId: `C${i}`, userId: 'U', isAdmin: true }, settings);
  }
  // Every channel has had one digest before, so this one starts from its cursor (the steady state).
  const first = (await core.store.digestEntriesSince(0, { limit: 1 }))[0]?.entryId ?? 0;
  for (const sub of await core.storage.digests.list()) {
    await core.storage.digests.createRun({ platform: sub.platform, channelId: sub.channelId, slot: 'manual:bench-setup', status: 'done', plan: { header: '', paperIds: [] }, entryCursor: first, advanceCursor: true, createdAt: new Date(0).toISOString() });
  }
  await core.search.sync(); // ingest keeps the index current; do not count indexing here
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const slot = new Date('2026-03-02T09:00:00.000Z');
  clock.set(slot);

  const t0 = performance.now();
  const planned = await engine.plan(slot);
  const t1 = performance.now();
  const heapAfterPlan = process.memoryUsage().heapUsed;
  const report = await engine.tick(slot);
  const t2 = performance.now();
  const mem = process.memoryUsage();

  console.log(`digest bench: ${CHANNELS} channels due at the same minute (node ${process.version}, ${os.cpus().length} cpus, shared machine: figures are noisy)`);
  console.log(`  plan (tick → all runs planned): ${(t1 - t0).toFixed(0)} ms  [target < 1000 ms]  planned=${planned.planned} empty=${planned.empty}`);
  console.log(`  post (fake publisher, ${pub.sent.length} messages): ${(t2 - t1).toFixed(0)} ms  posted=${report.posted}`);
  console.log(`  heap: ${mb(heapBefore)} before, ${mb(heapAfterPlan)} after planning, ${mb(mem.heapUsed)} after posting; rss ${mb(mem.rss)}`);
  // Context for the plan figure: the distinct topic searches each tick makes through PaperSearch.
  const t3 = performance.now();
  for (const text of ['reasoning', 'agents', 'diffusion', 'model merging', 'video']) {
    await core.search.search({ text, since: '2025-06-09', limit: 25, page: 1 });
  }
  console.log(`  of which topic searches (5 distinct topics, measured alone afterwards): ~${(performance.now() - t3).toFixed(0)} ms`);
  console.log(`  load average: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  if (t1 - t0 >= 1000) process.exitCode = 1;
} finally {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
