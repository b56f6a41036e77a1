import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IndexedPaper } from '../../../src/core/paper.js';
import { openPaperReader } from '../../../src/core/store/paper-reader.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { paper } from '../search/search-env.js';

const tempDir = useTempDirs();
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

const KEYS: Array<keyof IndexedPaper> = ['id', 'seq', 'title', 'abstract', 'authors', 'keywords', 'links', 'upvotes', 'sources', 'digestDates'];

describe('the paper reader an index thread opens', () => {
  it('reads each paper as the store does, field for field of what the index reads, page by page in seq order', async () => {
    const file = join(tempDir(), 'papers.db');
    const store = createSqlitePaperStore(openDatabase(file));
    open.push(store);
    await store.ingest({
      source: 'hf-api',
      digestDate: '2024-06-01',
      papers: [
        paper({ id: '2406.00001', title: 'Wombats', abstract: 'Burrows “deep”.', authors: ['A. Bé', 'C D'], keywords: ['x', 'y'], links: ['https://github.com/a/b'], upvotes: 4 }),
        paper({ id: '2406.00002', title: 'Koalas', abstract: '' }),
      ],
    });
    await store.ingest({ source: 'arxiv-jsonl', digestDate: '2024-06-03', papers: [paper({ id: '2406.00001', title: 'Wombats', source: 'arxiv-jsonl', upvotes: 9 })] });
    await store.ingest({ source: 'hf-api', papers: [paper({ id: 'title:quokkas', title: 'Quokkas', authors: ['Q'] })] });
    const location = store.location!;
    const reader = openPaperReader(location);
    open.push(reader);
    const want = (await store.papersSince(0, 100)).map((p) => Object.fromEntries(KEYS.map((k) => [k, p[k]])));
    expect(want).toHaveLength(3);
    expect(want.some((p) => p.upvotes === undefined)).toBe(true);
    expect(want.some((p) => (p.digestDates as string[]).length === 2)).toBe(true);
    const got = [...reader.papersSince(0, 2), ...reader.papersSince(reader.papersSince(0, 2)[1]!.seq, 2)];
    expect(got).toEqual(want);
    expect(Object.keys(got[0]!).sort()).toEqual([...KEYS].sort());
  });
});
