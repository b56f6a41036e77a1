import { describe, expect, it } from 'vitest';
import { useBackends } from './backends.js';
import { paper } from './paper-factory.js';

const backends = useBackends();


describe.each(backends)('storage-level re-keying and the change feed ($name)', (b) => {
  it("re-keying a title paper to its arXiv id moves every store's rows in the ingest transaction", async () => {
    const s = await b.open();
    await s.papers.ingest({ source: 'hf-digest-text', digestDate: '2025-04-22', papers: [paper({ title: 'Only A Title', source: 'hf-digest-text' })] });
    const old = 'title:only-a-title';
    const owner = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U1' };
    await s.bookmarks.add(owner, old);
    await s.bookmarks.recordMessage({ platform: 'slack', channelId: 'C1', messageId: 'm1' }, old);
    await s.digests.upsert({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', settings: {} as never, now: '2025-04-22T00:00:00Z' });
    const r = await s.digests.createRun({ platform: 'slack', channelId: 'C1', slot: 's', status: 'planned', plan: { header: '', paperIds: [old] }, entryCursor: null, advanceCursor: false, createdAt: '2025-04-22T09:00:00Z' });
    await s.digests.recordPost({ platform: 'slack', channelId: 'C1', paperId: old, runId: r!.id, messageId: 'm1', postedAt: '2025-04-22T09:00:01Z' });

    await s.papers.ingest({ source: 'hf-api', digestDate: '2025-04-23', papers: [paper({ title: 'Only a title', arxivId: '2504.22222' })] });
    expect(await s.papers.getPaper(old)).toBeUndefined();
    expect(await s.bookmarks.has(owner, '2504.22222')).toBe(true);
    expect(await s.bookmarks.has(owner, old)).toBe(false);
    expect(await s.bookmarks.paperForMessage({ platform: 'slack', channelId: 'C1', messageId: 'm1' })).toBe('2504.22222');
    expect(await s.digests.postedAmong('slack', 'C1', ['2504.22222', old])).toEqual(new Set(['2504.22222']));
  });

  it('a re-key that fails half way leaves every store as it was', async () => {
    const s = await b.open();
    await s.papers.ingest({ source: 'hf-digest-text', digestDate: '2025-04-22', papers: [paper({ title: 'Fragile Title', source: 'hf-digest-text' })] });
    const owner = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U1' };
    await s.bookmarks.add(owner, 'title:fragile-title');
    // The last statement of the re-key (deleting the old paper) fails: nothing before it may stay.
    if (b.name === 'sqlite') await b.sql(s, `CREATE TRIGGER nodelete BEFORE DELETE ON papers BEGIN SELECT RAISE(ABORT, 'no delete'); END;`);
    else {
      await b.sql(s, `CREATE FUNCTION nodelete() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no delete'; END $$ LANGUAGE plpgsql`);
      await b.sql(s, `CREATE TRIGGER nodelete BEFORE DELETE ON papers FOR EACH ROW EXECUTE FUNCTION nodelete()`);
    }
    await expect(s.papers.ingest({ source: 'hf-api', digestDate: '2025-04-23', papers: [paper({ title: 'Fragile title', arxivId: '2504.33333' })] })).rejects.toThrow(/no delete/);
    expect(await s.bookmarks.has(owner, 'title:fragile-title')).toBe(true);
    expect(await s.papers.getPaper('2504.33333')).toBeUndefined();
    expect((await s.papers.stats()).papers).toBe(1);
  });

  it('two instances ingesting at once: a follower reading seq > last sees every paper exactly once', async () => {
    const a = await b.open();
    const c = await b.reopen(a);
    const batches = Array.from({ length: 16 }, (_, i) =>
      Array.from({ length: 40 }, (_, j) => paper({ title: `Concurrent ${i} ${j}`, arxivId: `2601.${String(i * 100 + j).padStart(5, '0')}` })),
    );
    const seen = new Map<string, number>();
    let last = 0;
    const follow = async () => {
      for (const p of await a.papers.papersSince(last, 10_000)) {
        seen.set(p.id, (seen.get(p.id) ?? 0) + 1);
        last = Math.max(last, p.seq);
      }
    };
    let done = false;
    const follower = (async () => {
      while (!done) await follow();
    })();
    await Promise.all(batches.map((papers, i) => (i % 2 ? a : c).papers.ingest({ source: 'hf-api', papers })));
    done = true;
    await follower;
    await follow();
    expect(seen.size).toBe(16 * 40);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });
});
