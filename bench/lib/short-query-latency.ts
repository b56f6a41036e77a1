/**
 * Chat-query latency on seed + real (hf-daily, arxiv-daily) papers: 400 short queries (1–4 words,
 * some typos, some half-typed), each run once after a warm-up pass. Prints p50/p90/p99; no asserts.
 *
 *   npx tsx bench/lib/short-query-latency.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/core/logger.js';
import { createPaperSearch } from '../../src/core/search/create-paper-search.js';
import { openDatabase } from '../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../src/core/store/sqlite/paper-store.js';
import { seedPapers } from '../../test/core/search/seed-papers.js';
import { chatQueries, realPapers } from './corpus.js';
import { sharedData } from './shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'papers-latency-'));
const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
const seed = seedPapers();
await store.ingest({ source: seed[0]!.source, digestDate: '2023-04-22', papers: seed });
const real = realPapers(sharedData());
for (let i = 0; i < real.length; i += 1000) await store.ingest({ source: 'hf-api', papers: real.slice(i, i + 1000) });
const search = await createPaperSearch({ dataDir: dir, store, logger: silentLogger });
// Timed as a running bot answers: with its term heads computed, and no worker computing them.
await search.settled?.();
const queries = chatQueries(real, 400);
for (const q of queries) await search.search({ text: q });
const ms: number[] = [];
for (const q of queries) {
  const t = process.hrtime.bigint();
  await search.search({ text: q });
  ms.push(Number(process.hrtime.bigint() - t) / 1e6);
}
ms.sort((a, b) => a - b);
const at = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))]!.toFixed(2);
console.log(`${(await store.stats()).papers} papers, ${ms.length} short queries: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, mean ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(2)} ms`);
await search.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
