/**
 * The store side of `papers ingest`: `createSqlitePaperStore(...).ingest` of the bench:search corpus
 * (bench/lib/corpus.ts) in batches of 5,000, against SQLite FTS5's plain build of the same titles and
 * abstracts in the same process (the anchor: the machine is shared and noisy, so read the ratio).
 *
 *   npm run bench:store-ingest                       100k papers
 *   npm run bench:store-ingest -- --size 30000       another size
 *   npm run bench:store-ingest -- --digests          batches as digests (digest_papers, term_day_counts)
 *   npm run bench:store-ingest -- --no-fill          the store opened as bench:search opens it (triggers idle)
 *   npm run bench:store-ingest -- --profile          also writes a CPU profile of the store ingest
 *
 * Reads ../shared/data (or --data DIR / SHARED_DATA). Figures only, no assertions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../src/core/store/sqlite/paper-store.js';
import { fillSqliteTrendTerms } from '../src/core/store/sqlite/trend-terms.js';
import { corpus, realPapers } from './lib/corpus.js';
import { createFts5Baseline } from './lib/fts5-baseline.js';
import { sharedData } from './lib/shared-data.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const n = Number(arg('--size') ?? 100_000);
const batchSize = Number(arg('--batch') ?? 5000);
const asDigests = process.argv.includes('--digests');
const profile = process.argv.includes('--profile');
const noFill = process.argv.includes('--no-fill');

const papers = corpus(realPapers(sharedData()), n);
const dir = mkdtempSync(join(tmpdir(), 'papers-store-bench-'));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`${n} papers, batches of ${batchSize}${asDigests ? ' (each a digest)' : ''}; load average ${load()}`);

let session: Session | undefined;
if (profile) {
  session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
let t = performance.now();
const cpu = process.cpuUsage();
const db = openDatabase(join(dir, 'papers.db'));
// As openSqliteStorage (the bot, `papers ingest`) opens a store: the term_day_counts triggers count
// from here. --no-fill opens it as bench:search does, the triggers idle.
if (!noFill) fillSqliteTrendTerms(db);
const store = createSqlitePaperStore(db);
for (let i = 0, day = 0; i < papers.length; i += batchSize, day++) {
  const digestDate = asDigests ? new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10) : undefined;
  await store.ingest({ source: 'hf-api', digestDate, papers: papers.slice(i, i + batchSize) });
}
const storeMs = performance.now() - t;
const storeCpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu));
await store.close();
if (session) {
  const { profile: p } = await session.post('Profiler.stop');
  const file = join(tmpdir(), `store-ingest-${n}.cpuprofile`);
  writeFileSync(file, JSON.stringify(p));
  console.log(`profile: ${file}`);
}

t = performance.now();
const cpu2 = process.cpuUsage();
const base = createFts5Baseline(join(dir, 'fts5.db'), [3, 1]);
for (let i = 0; i < papers.length; i += 5000) base.add(papers.slice(i, i + 5000).map((p) => ({ id: p.id, title: p.title, abstract: p.abstract })));
const ftsMs = performance.now() - t;
const ftsCpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu2));
base.close();
rmSync(dir, { recursive: true, force: true });

// CPU time beside wall time: on a shared machine it moves less with the other processes' load.
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`store ingest ${s(storeMs)} (${((storeMs / n) * 1000).toFixed(0)} ms per 1k papers), CPU ${s(storeCpuMs)}`);
console.log(`fts5 plain build ${s(ftsMs)}, CPU ${s(ftsCpuMs)}`);
console.log(`store ÷ fts5: ${(storeMs / ftsMs).toFixed(2)}× wall, ${(storeCpuMs / ftsCpuMs).toFixed(2)}× CPU; load average ${load()}`);
