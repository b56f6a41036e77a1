/**
 * npm run bench (second half): ingest throughput into SQLite over all of ../shared/data
 * (digests, hf-daily, arxiv-daily, arxiv-feeds, arxiv-kaggle), into a fresh temp store.
 * Prints papers/s for the store alone and for store + search index, as measured on this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs } from '../src/cli/expand-inputs.js';
import { createIngestService } from '../src/core/ingest.js';
import { silentLogger } from '../src/core/logger.js';
import { openCore } from '../src/core/open-core.js';
import { parseDigest } from '../src/core/parse/parse-digest.js';
import { openDatabase } from '../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../src/core/store/sqlite/paper-store.js';
import { sharedData } from './lib/shared-data.js';

const DATA = sharedData();
const files = await expandInputs(['digests', 'hf-daily', 'arxiv-daily', 'arxiv-feeds', 'arxiv-kaggle'].map((d) => join(DATA, d)));

type Target = { ingest: ReturnType<typeof createIngestService>; close(): Promise<void>; stats(): Promise<{ papers: number }>; afterAll?(): Promise<void> };

async function run(label: string, makeIngest: (dir: string) => Promise<Target>) {
  const dir = mkdtempSync(join(tmpdir(), 'papers-bench-'));
  const { ingest, close, stats, afterAll } = await makeIngest(dir);
  const t0 = performance.now();
  let read = 0;
  let failed = 0;
  for (const f of files) {
    // As `papers ingest` does: the index catches up once, after the last file.
    const r = await ingest.ingestFile(f, { sync: false });
    if (r.ok) read += r.papers;
    else failed++;
  }
  await afterAll?.();
  const s = (performance.now() - t0) / 1000;
  const stored = (await stats()).papers;
  console.log(
    `${label.padEnd(28)} ${files.length} files, ${read} papers read (${failed} files refused), ${stored} stored, ` +
      `${s.toFixed(2)} s, ${Math.round(read / s)} papers/s`,
  );
  await close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`ingest benchmark — ${new Date().toISOString()}, node ${process.version}`);
await run('store only (SQLite)', async (dir) => {
  const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
  const ingest = createIngestService({ store, parse: parseDigest, maxBytes: 50 << 20, logger: silentLogger });
  return { ingest, close: () => store.close(), stats: () => store.stats() };
});
await run('store + search index', async (dir) => {
  const core = await openCore({ dataDir: dir });
  return { ingest: core.ingest, close: () => core.close(), stats: () => core.store.stats(), afterAll: () => core.search.sync() };
});
