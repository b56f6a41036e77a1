import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startIndexFollower } from '../../src/core/index-follower.js';
import { silentLogger } from '../../src/core/logger.js';
import { openCore } from '../../src/core/open-core.js';
import { openSearchDb, readSeq } from '../../src/core/search/search-db.js';
import { runPapers } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { dataFiles, TEST_DATA } from '../helpers/test-data.js';

const tempDir = useTempDirs();
const DAYS = dataFiles('hf-daily', '.json');
const QUERIES = ['diffusion', 'language model reasoning', 'video generation', 'agents', 'reinforcement learning'];

/** The index file's seq, read from the file (what the follower wrote, not what a search has loaded). */
function indexSeq(dataDir: string): number {
  const opened = openSearchDb(join(dataDir, 'search.db'));
  if (!('db' in opened)) throw new Error(opened.problem);
  try {
    return readSeq(opened.db);
  } finally {
    opened.db.close();
  }
}

async function topIds(dataDir: string): Promise<string[][]> {
  const out: string[][] = [];
  for (const q of QUERIES) {
    const r = await runPapers(['search', q, '--limit', '10', '--json'], dataDir);
    expect(r.code).toBe(0);
    out.push(JSON.parse(r.out).results.map((x: { id: string }) => x.id));
  }
  return out;
}

describe('index follower: the search index built on a second thread while the store ingests', () => {
  it('indexes everything ingested while it ran, without the main search syncing', async () => {
    expect(DAYS.length).toBeGreaterThan(5);
    const dir = tempDir();
    const core = await openCore({ dataDir: dir });
    const follower = core.followIndex();
    for (const f of DAYS) expect((await core.ingest.ingestFile(f, { sync: false })).ok).toBe(true);
    const outcome = await follower.finish();
    expect(outcome).toEqual({ ok: true });
    const storeSeq = await core.store.maxSeq();
    expect(storeSeq).toBeGreaterThan(0);
    // The follower, not this process's search (never synced since it opened an empty index), wrote it.
    expect(indexSeq(dir)).toBe(storeSeq);
    await core.search.sync();
    expect((await core.search.search({ text: 'diffusion', limit: 5 })).hits.length).toBe(5);
    await core.close();
  });

  it('papers ingest of many files answers searches as an ingest indexed in the foreground does', async () => {
    const followed = tempDir();
    const r = await runPapers(['ingest', join(TEST_DATA, 'hf-daily'), '--json'], followed);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).totals.files).toBe(DAYS.length);

    // The same files, indexed by this process's own sync (no follower).
    const foreground = tempDir();
    const core = await openCore({ dataDir: foreground });
    for (const f of DAYS) await core.ingest.ingestFile(f, { sync: false });
    await core.search.sync();
    await core.close();

    expect(indexSeq(followed)).toBe(indexSeq(foreground));
    const a = await topIds(followed);
    expect(a.flat().length).toBeGreaterThan(20);
    expect(a).toEqual(await topIds(foreground));
  });

  it('a follower that cannot start reports why and throws nothing (the caller then indexes in the foreground)', async () => {
    const dir = tempDir();
    // A data directory that is a file: the worker's storage cannot open there.
    const notADir = join(dir, 'file');
    writeFileSync(notADir, 'x');
    const outcome = await startIndexFollower({ dataDir: notADir }, silentLogger).finish();
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.length).toBeGreaterThan(0);
  });
});
