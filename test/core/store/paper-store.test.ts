import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../src/core/paper.js';
import { paperId } from '../../../src/core/paper-id.js';
import { openDatabase } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

function paper(over: Partial<Paper> & { title: string }): Paper {
  return {
    id: paperId(over.arxivId, over.title),
    abstract: 'An abstract.',
    authors: [],
    links: [],
    keywords: [],
    categories: [],
    source: 'hf-api',
    flags: [],
    ...over,
  };
}

function openStore() {
  const file = join(tempDir(), 'papers.db');
  const db = openDatabase(file);
  return { db, file, store: createSqlitePaperStore(db) };
}

describe('SQLite paper store', () => {
  it('stores a batch and records the digest in order', async () => {
    const { store } = openStore();
    const counts = await store.ingest({
      source: 'hf-api',
      digestDate: '2025-01-02',
      papers: [paper({ title: 'B paper', arxivId: '2501.00002' }), paper({ title: 'A paper', arxivId: '2501.00001' })],
    });
    expect(counts).toMatchObject({ new: 2, merged: 0, unchanged: 0 });
    expect(await store.stats()).toEqual({ papers: 2, digests: 1 });
    const [d] = await store.listDigests();
    expect(d).toMatchObject({ source: 'hf-api', date: '2025-01-02', paperCount: 2 });
    expect((await store.digestEntries(d!.id)).map((e) => e.paperId)).toEqual(['2501.00002', '2501.00001']);
    expect((await store.getPaper('2501.00002'))?.digestDates).toEqual(['2025-01-02']);
  });

  it('re-ingesting the same batch changes nothing', async () => {
    const { store } = openStore();
    const batch = { source: 'hf-api' as const, digestDate: '2025-01-02', papers: [paper({ title: 'X', arxivId: '2501.00003' })] };
    await store.ingest(batch);
    const seq = await store.maxSeq();
    const again = await store.ingest(batch);
    expect(again).toMatchObject({ new: 0, merged: 0, unchanged: 1, changedIds: [] });
    expect(await store.maxSeq()).toBe(seq);
    expect((await store.digestEntriesSince(0)).length).toBe(1);
  });

  it('merges the same paper from several sources, versions and days', async () => {
    const { store } = openStore();
    await store.ingest({
      source: 'arxiv-jsonl',
      digestDate: '2025-01-02',
      papers: [paper({ title: 'Merge Me', arxivId: '2501.00004', id: '2501.00004', authors: ['Ann Lee'], source: 'arxiv-jsonl', abstract: 'Short.' })],
    });
    const c = await store.ingest({
      source: 'hf-api',
      digestDate: '2025-01-05',
      papers: [
        paper({
          title: 'Merge Me',
          arxivId: '2501.00004',
          id: paperId('2501.00004v2', 'Merge Me'),
          authors: ['Ann Lee', 'Bo Chen'],
          upvotes: 12,
          links: ['https://github.com/x/y'],
          abstract: 'A longer, full abstract.',
        }),
      ],
    });
    expect(c).toMatchObject({ new: 0, merged: 1 });
    const p = await store.getPaper('2501.00004v2');
    expect(p).toMatchObject({
      id: '2501.00004',
      authors: ['Ann Lee', 'Bo Chen'],
      upvotes: 12,
      links: ['https://github.com/x/y'],
      abstract: 'A longer, full abstract.',
      digestDates: ['2025-01-02', '2025-01-05'],
      sources: ['arxiv-jsonl', 'hf-api'],
    });
    // lower upvotes later never lower the count
    await store.ingest({ source: 'hf-api', papers: [paper({ title: 'Merge Me', arxivId: '2501.00004', id: '2501.00004', upvotes: 3 })] });
    expect((await store.getPaper('2501.00004'))?.upvotes).toBe(12);
    expect((await store.stats()).papers).toBe(1);
  });

  it('a text-digest paper and its arXiv record become one paper under the arXiv id', async () => {
    const { store } = openStore();
    await store.ingest({
      source: 'hf-digest-text',
      digestDate: '2025-04-22',
      papers: [paper({ title: 'Title Only Paper', source: 'hf-digest-text' })],
    });
    expect((await store.getPaper('title:title-only-paper'))?.title).toBe('Title Only Paper');
    await store.ingest({ source: 'hf-api', digestDate: '2025-04-23', papers: [paper({ title: 'Title only paper', arxivId: '2504.11111', id: '2504.11111', upvotes: 4 })] });
    expect(await store.getPaper('title:title-only-paper')).toBeUndefined();
    const p = await store.getPaper('2504.11111');
    expect(p?.digestDates).toEqual(['2025-04-22', '2025-04-23']);
    expect((await store.stats()).papers).toBe(1);
    expect((await store.digestEntriesSince(0)).map((e) => e.paperId)).toEqual(['2504.11111', '2504.11111']);
    // and a later text digest of the same title merges into the arXiv paper
    await store.ingest({ source: 'hf-digest-text', digestDate: '2025-04-24', papers: [paper({ title: 'Title Only Paper', source: 'hf-digest-text' })] });
    expect((await store.stats()).papers).toBe(1);
    expect((await store.getPaper('2504.11111'))?.digestDates).toEqual(['2025-04-22', '2025-04-23', '2025-04-24']);
  });

  it('a failure in the middle of a batch keeps nothing of it', async () => {
    const { db, store } = openStore();
    await store.ingest({ source: 'hf-api', digestDate: '2025-01-01', papers: [paper({ title: 'Kept', arxivId: '2501.00010' })] });
    db.exec(`CREATE TRIGGER boom BEFORE INSERT ON papers WHEN NEW.title = 'BOOM' BEGIN SELECT RAISE(ABORT, 'boom'); END;`);
    await expect(
      store.ingest({
        source: 'hf-api',
        digestDate: '2025-01-02',
        papers: [paper({ title: 'First', arxivId: '2501.00011' }), paper({ title: 'BOOM', arxivId: '2501.00012' })],
      }),
    ).rejects.toThrow(/boom/);
    expect(await store.stats()).toEqual({ papers: 1, digests: 1 });
    expect(await store.getPaper('2501.00011')).toBeUndefined();
    // seq numbering carries on as if the failed batch never happened
    db.exec('DROP TRIGGER boom');
    await store.ingest({ source: 'hf-api', papers: [paper({ title: 'Next', arxivId: '2501.00013' })] });
    expect((await store.getPaper('2501.00013'))?.seq).toBe(2);
  });

  it('two processes writing one file (the bot and `papers ingest`): seq numbers never clash', async () => {
    const { file, store: bot } = openStore();
    const cli = createSqlitePaperStore(openDatabase(file));
    await bot.ingest({ source: 'hf-api', papers: [paper({ title: 'From the bot', arxivId: '2501.00020' })] });
    await cli.ingest({ source: 'hf-api', papers: [paper({ title: 'From the CLI', arxivId: '2501.00021' })] });
    // The bot's connection opened before the CLI wrote: it must continue after the CLI's seq.
    await bot.ingest({ source: 'hf-api', papers: [paper({ title: 'From the bot again', arxivId: '2501.00022' })] });
    await cli.ingest({ source: 'hf-api', papers: [paper({ title: 'From the CLI again', arxivId: '2501.00023' })] });
    const seqs = await Promise.all(['2501.00020', '2501.00021', '2501.00022', '2501.00023'].map(async (id) => (await bot.getPaper(id))?.seq));
    expect(seqs).toEqual([1, 2, 3, 4]);
    // What a reader following by seq sees: every paper, once.
    expect((await bot.papersSince(0, 10)).map((p) => p.id)).toEqual(['2501.00020', '2501.00021', '2501.00022', '2501.00023']);
    await cli.close();
  });

  it('papersSince, findByTitle and topPapers', async () => {
    const { store } = openStore();
    await store.ingest({
      source: 'hf-api',
      digestDate: '2025-02-01',
      papers: [
        paper({ title: 'Model Merging at Scale', arxivId: '2502.00001', upvotes: 5 }),
        paper({ title: 'Merging Models Quickly', arxivId: '2502.00002', upvotes: 50 }),
        paper({ title: 'Unrelated', arxivId: '2502.00003' }),
      ],
    });
    await store.ingest({ source: 'hf-api', digestDate: '2025-03-01', papers: [paper({ title: 'Late', arxivId: '2503.00001', upvotes: 1 })] });
    expect((await store.papersSince(2, 10)).map((p) => p.id)).toEqual(['2502.00003', '2503.00001']);
    expect((await store.findByTitle('merging model', 5)).map((p) => p.id).sort()).toEqual(['2502.00001', '2502.00002']);
    expect((await store.findByTitle('%', 5)).length).toBe(0);
    expect((await store.topPapers({ limit: 2 })).map((p) => p.id)).toEqual(['2502.00002', '2502.00001']);
    expect((await store.topPapers({ limit: 5, sinceDate: '2025-02-15' })).map((p) => p.id)).toEqual(['2503.00001']);
  });

  it('migrations run once, and a newer schema is refused', async () => {
    const { db, file, store } = openStore();
    // 006 (reader feedback) is the newest migration on this branch.
    const latest = 6;
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    await store.close();
    const again = openDatabase(file);
    expect(again.pragma('user_version', { simple: true })).toBe(latest);
    again.pragma('user_version = 99');
    again.close();
    expect(() => openDatabase(file)).toThrow(/newer than this bot knows/);
  });
});
