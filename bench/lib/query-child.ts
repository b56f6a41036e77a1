/**
 * One engine in a process of its own, started cold on a persisted index: prints (as JSON) the time
 * to the first answered query from process start and from opening the index, then p50/p99 over the
 * query file and the peak RSS. Ours runs the built program (dist/) when there is one.
 *   node --import tsx bench/lib/query-child.ts <ours|fts5-or|fts5-and> <dir> <queries.json>
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createFts5Baseline } from './fts5-baseline.js';

const [engine, dir, queriesFile] = process.argv.slice(2) as [string, string, string];
const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as string[];
const LIMIT = 5; // the bot's default page

// The built program (dist/, what `papers` and `npm start` run) when there is one, as a user's
// process loads it; else the sources through tsx.
const root = join(import.meta.dirname, '..', '..');
const built = existsSync(join(root, 'dist', 'src', 'core', 'search', 'create-paper-search.js'));
const load = (path: string) => import(built ? join(root, 'dist', 'src', `${path}.js`) : join(root, 'src', `${path}.ts`));

let run: (q: string) => Promise<unknown> | unknown;
let opened: number;
if (engine === 'ours') {
  const [{ silentLogger }, { createPaperSearch }, { openDatabase }, { createSqlitePaperStore }] = await Promise.all([
    load('core/logger'),
    load('core/search/create-paper-search'),
    load('core/store/sqlite/open'),
    load('core/store/sqlite/paper-store'),
  ]);
  opened = performance.now();
  const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  const search = await createPaperSearch({ dataDir: dir, store, logger: silentLogger });
  run = (q) => search.search({ text: q, limit: LIMIT });
} else {
  opened = performance.now();
  const b = createFts5Baseline(join(dir, 'fts5.db'), [3, 1], engine === 'fts5-and' ? 'AND' : 'OR');
  run = (q) => b.search(q, LIMIT);
}
await run(queries[0]!);
// From process start (Node, tsx and the imports included), and from opening the index files.
const coldMs = performance.now();
const openMs = coldMs - opened;

const times: number[] = [];
for (const q of queries.slice(1, 51)) await run(q); // warm-up
for (const q of queries) {
  const t = performance.now();
  await run(q);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
console.log(
  JSON.stringify({
    engine,
    coldMs: Math.round(coldMs),
    openMs: Math.round(openMs),
    p50: +pct(50).toFixed(2),
    p99: +pct(99).toFixed(2),
    max: +pct(100).toFixed(2),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
process.exit(0);
