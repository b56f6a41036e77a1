import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../src/core/clock.js';
import { openCore } from '../../src/core/open-core.js';
import { TERMS_RULE_VERSION } from '../../src/core/trends/terms.js';
import { thousands } from '../../src/core/thousands.js';
import { peekSqlite } from '../helpers/peek-sqlite.js';
import { usePostgresSchemas } from '../helpers/postgres.js';
import { runPapers } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const schema = usePostgresSchemas();
const SAMPLE = join(process.cwd(), 'data', 'sample-digest.txt');

describe('papers migrate-store --to postgres://…', () => {
  it('copies papers, digests, bookmarks, subscriptions and runs; the bot then carries on from PostgreSQL', async () => {
    const dataDir = tempDir();
    expect((await runPapers(['ingest', SAMPLE], dataDir)).code).toBe(0);
    const clock = createFakeClock('2026-02-01T10:00:00Z');
    const before = await openCore({ dataDir, clock });
    const ids = (await before.store.papersSince(0, 1000)).map((p) => p.id);
    const owner = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U1' };
    await before.storage.bookmarks.add(owner, ids[3]!);
    clock.advance(1000);
    await before.storage.bookmarks.add(owner, ids[1]!);
    await before.storage.digests.upsert({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', settings: { time: '09:00', tz: 'UTC' } as never, now: '2026-02-01T00:00:00Z' });
    const run = await before.storage.digests.createRun({ platform: 'slack', channelId: 'C1', slot: '2026-02-01T09:00:00.000Z', status: 'planned', plan: { header: 'h', paperIds: [ids[0]!] }, entryCursor: 5, advanceCursor: true, createdAt: '2026-02-01T09:00:00Z' });
    await before.storage.digests.recordPost({ platform: 'slack', channelId: 'C1', paperId: ids[0]!, runId: run!.id, messageId: 'm1', postedAt: '2026-02-01T09:00:01Z' });
    const stats = await before.store.stats();
    await before.close();

    const url = await schema();
    const r = await runPapers(['migrate-store', '--to', url], dataDir);
    expect(r.err).toMatch(/papers: \d+ rows/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`migrated ${thousands(stats.papers)} papers, 2 bookmarks, 1 subscription\\.`));
    // Each paper's trend terms come along as stored (not recomputed), term ids and all.
    const termsSql = 'SELECT pt.paper_id AS paper_id, pt.term_id AS term_id, t.term AS term FROM paper_terms pt JOIN trend_terms t ON t.id = pt.term_id';
    const key = (rows: Array<Record<string, unknown>>) => rows.map((x) => `${x.paper_id} ${x.term_id} ${x.term}`).sort();
    const sqliteTerms = key(peekSqlite(dataDir).prepare(termsSql).all() as Array<Record<string, unknown>>);
    expect(sqliteTerms.length).toBeGreaterThan(stats.papers);
    expect(r.err).toContain(`paper_terms: ${sqliteTerms.length} rows`);
    const pgc = new pg.Client({ connectionString: url });
    await pgc.connect();
    try {
      expect(key((await pgc.query(termsSql)).rows)).toEqual(sqliteTerms);
      expect((await pgc.query('SELECT rule_version FROM trend_terms_fill')).rows).toEqual([{ rule_version: TERMS_RULE_VERSION }]);
      // The per-day term counts come along too, and the target's triggers did not count the copy again.
      const daysSql = 'SELECT term_id, day, n FROM term_day_counts';
      const dayKey = (rows: Array<Record<string, unknown>>) => rows.map((x) => `${x.term_id} ${x.day} ${x.n}`).sort();
      const sqliteDays = dayKey(peekSqlite(dataDir).prepare(daysSql).all() as Array<Record<string, unknown>>);
      expect(sqliteDays.length).toBeGreaterThan(0);
      expect(dayKey((await pgc.query(daysSql)).rows)).toEqual(sqliteDays);
    } finally {
      await pgc.end();
    }

    const after = await openCore({ dataDir: tempDir(), databaseUrl: url, clock });
    try {
      expect(after.storage.backend).toBe('postgres');
      expect(await after.store.stats()).toEqual(stats);
      expect((await after.store.papersSince(0, 1000)).map((p) => p.id)).toEqual(ids);
      expect((await after.storage.bookmarks.list(owner, { limit: 10 })).paperIds).toEqual([ids[1], ids[3]]);
      expect((await after.storage.digests.get('slack', 'C1'))?.entryCursor).toBe(5);
      expect(await after.storage.digests.postedAmong('slack', 'C1', [ids[0]!])).toEqual(new Set([ids[0]]));
      // New rows continue after the copied ids, and a fresh local index finds the copied papers.
      const next = await after.storage.digests.createRun({ platform: 'slack', channelId: 'C1', slot: '2026-02-02T09:00:00.000Z', status: 'done', plan: { header: '', paperIds: [] }, entryCursor: 5, advanceCursor: false, createdAt: '2026-02-02T09:00:00Z' });
      expect(next!.id).toBeGreaterThan(run!.id);
      const hits = await after.search.search({ text: (await after.store.getPaper(ids[2]!))!.title, limit: 3 });
      expect(JSON.stringify(hits)).toContain(ids[2]);
      // A term never seen gets an id after the copied ones, and the trends count it.
      await after.store.ingest({ source: 'hf-api', digestDate: '2026-02-02', papers: [{ id: '2602.00001', arxivId: '2602.00001', title: 'A New Paper', abstract: 'An abstract.', authors: [], links: [], keywords: ['never seen before'], categories: [], source: 'hf-api', flags: [] }] });
      const counts = await after.storage.trends.termCounts({ end: '2026-02-02', weeks: 1 }, 1);
      expect(counts.terms).toEqual([{ term: 'never seen before', thisWeek: 1, earlier: 0 }]);
    } finally {
      await after.close();
    }

    // A second run refuses to copy into a database that has papers, and changes nothing.
    const again = await runPapers(['migrate-store', '--to', url], dataDir);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds \d+ papers/);
  });

  it('says what is wrong with the arguments or the source', async () => {
    const dataDir = tempDir();
    expect((await runPapers(['migrate-store'], dataDir)).err).toMatch(/--to postgres:\/\//);
    expect((await runPapers(['migrate-store', '--to', 'mysql://x'], dataDir)).code).toBe(2);
    const missing = await runPapers(['migrate-store', '--to', await schema()], dataDir);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no SQLite store at/);
  });
});
