/**
 * npm run bench:dm [-- SUBSCRIBERS] — the personal digests by direct message through the real digest
 * engine on SQLite: 1,000 readers (20–50 bookmarks each, some dismissals and pins) due at the same
 * minute over 20,000 papers (100 a day), each planned from their own recommendations. Times the plan
 * on the first day (nothing sent before) and on an ordinary next day (a day's papers more; every
 * reader's earlier picks are excluded), as wall and CPU time of this process, and in the same run the
 * plan of 1,000 channel digests at one minute as the anchor (the figure `bench:digest` holds < 1 s).
 * Target from issue 16: the whole personal-digest plan for 1,000 subscribers ≤ 5 s. Figures only.
 */
import fs from 'node:fs';
import os from 'node:os';
import { createFakeClock } from '../src/core/clock.js';
import { createDigestEngine } from '../src/core/digest/engine.js';
import { silentLogger } from '../src/core/logger.js';
import { openCore } from '../src/core/open-core.js';
import type { Paper } from '../src/core/paper.js';
import { createRecordingPublisher } from '../src/core/publisher.js';
import { createRecommender } from '../src/core/recommend/recommender.js';
import { corpus, realPapers, rng } from './lib/corpus.js';
import { countArg } from './lib/count-arg.js';
import { sharedData } from './lib/shared-data.js';

const SUBSCRIBERS = countArg(1000);
const PAPERS = 20_000;
const PER_DAY = 100;
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

const dir = fs.mkdtempSync(os.tmpdir() + '/papers-bench-dm-');
const days = PAPERS / PER_DAY;
// The morning after the last digest day: every reader is due at 09:00 UTC, the channels at 10:00.
const clock = createFakeClock(`${day(days)}T06:00:00.000Z`);
const core = await openCore({ dataDir: dir, now: () => clock.now(), clock });
try {
  const real = realPapers(sharedData());
  const all = corpus(real, PAPERS + PER_DAY);
  const ingestDay = async (papers: Paper[], date: string) => core.store.ingest({ source: 'arxiv-jsonl', digestDate: date, papers: papers.map((p) => ({ ...p, source: 'arxiv-jsonl' as const, digestDate: date })) });
  let t = performance.now();
  for (let d = 0; d < days; d++) await ingestDay(all.slice(d * PER_DAY, (d + 1) * PER_DAY), day(d));
  console.log(`setup: ${PAPERS.toLocaleString('en-US')} papers over ${days} digest days stored in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const recommender = createRecommender({ store: core.store, logger: silentLogger });
  t = performance.now();
  const c = cpuMs();
  await recommender.sync();
  console.log(`setup: recommender fitted in ${((performance.now() - t) / 1000).toFixed(1)} s wall, ${((cpuMs() - c) / 1000).toFixed(1)} s CPU (not counted below)`);

  const storage = core.storage;
  const engine = createDigestEngine({
    store: storage.digests,
    messages: storage.bookmarks,
    papers: core.store,
    clock,
    logger: silentLogger,
    personal: { recommender, bookmarks: storage.bookmarks, feedback: storage.feedback, notices: storage.dmNotices },
  });
  const pub = createRecordingPublisher('slack');
  engine.setPublisher(pub);
  const rand = rng(11);
  const ids = all.slice(0, PAPERS).map((p) => p.id);
  const some = (n: number) => Array.from({ length: n }, () => ids[Math.floor(rand() * ids.length)]!);
  for (let i = 0; i < SUBSCRIBERS; i++) {
    const reader = { platform: 'slack' as const, workspaceId: 'T', channelId: 'C', userId: `U${i}`, isAdmin: false };
    await engine.subscribePersonal(reader, { time: '09:00', tz: 'UTC', top: 5 });
    for (const id of some(20 + Math.floor(rand() * 31))) await storage.bookmarks.add(reader, id);
    for (const id of some(Math.floor(rand() * 6))) await storage.feedback.dismiss(reader, id);
    if (rand() < 0.2) await storage.feedback.pin(reader, 'language model');
  }
  for (let i = 0; i < SUBSCRIBERS; i++) {
    await engine.subscribe({ platform: 'slack', workspaceId: 'T', channelId: `C${i}`, userId: 'U', isAdmin: true }, { time: '10:00', tz: 'UTC', top: 5 });
  }

  const plan = async (at: string) => {
    const slot = new Date(at);
    clock.set(slot);
    global.gc?.();
    const wall = performance.now();
    const cpu = cpuMs();
    const report = await engine.plan(slot);
    const out = { wallS: (performance.now() - wall) / 1000, cpuS: (cpuMs() - cpu) / 1000, report };
    await engine.tick(slot); // posts what was planned (fake publisher), so the next day excludes it
    return out;
  };
  const line = (what: string, r: Awaited<ReturnType<typeof plan>>) =>
    `  ${what}: ${r.wallS.toFixed(2)} s wall, ${r.cpuS.toFixed(2)} s CPU  planned=${r.report.planned} empty=${r.report.empty}`;

  console.log(`dm bench: ${SUBSCRIBERS} personal digests due at one minute, ${PAPERS.toLocaleString('en-US')} papers (node ${process.version}, ${os.cpus().length} cpus, shared machine: figures are noisy)`);
  const first = await plan(`${day(days)}T09:00:00.000Z`);
  console.log(line('first day (nothing sent before)', first));
  const channels = await plan(`${day(days)}T10:00:00.000Z`);
  console.log(line(`anchor: ${SUBSCRIBERS} channel digests at one minute`, channels));
  await ingestDay(all.slice(PAPERS), day(days));
  const next = await plan(`${day(days + 1)}T09:00:00.000Z`);
  console.log(line("ordinary day (a day's papers more, earlier picks excluded)", next));
  console.log(`  personal / channel plan (CPU): first day ${(first.cpuS / channels.cpuS).toFixed(1)}×, ordinary day ${(next.cpuS / channels.cpuS).toFixed(1)}×  [target: personal plan ≤ 5 s]`);
  console.log(`  sent by the fake publisher: ${pub.sent.length} messages; rss ${mb(process.memoryUsage().rss)}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
