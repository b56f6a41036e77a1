import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../../src/core/store/open-storage.js';
import { migratePostgres } from '../../../src/core/store/postgres/migrate.js';
import { pgMigrations } from '../../../src/core/store/postgres/migrations/index.js';
import { trendTerms005 } from '../../../src/core/store/postgres/migrations/005-trend-terms.js';
import { migrations } from '../../../src/core/store/sqlite/migrations/index.js';
import { trendTerms010 } from '../../../src/core/store/sqlite/migrations/010-trend-terms.js';
import { migrate } from '../../../src/core/store/sqlite/open.js';
import { paperTerms, TERMS_RULE_VERSION } from '../../../src/core/trends/terms.js';
import { peekSqlite } from '../../helpers/peek-sqlite.js';
import { usePostgresSchemas } from '../../helpers/postgres.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { useBackends, type Backend } from './backends.js';
import { paper } from './paper-factory.js';

const backends = useBackends();
const tempDir = useTempDirs();
const schema = usePostgresSchemas();

type Sql = (statement: string) => Promise<Array<Record<string, unknown>>>;

/** Raw SQL on a store's database from outside, by where it lives (for stores opened without the contract helper). */
function sqlAt(at: { dataDir: string; databaseUrl?: string }): Sql {
  return async (statement) => {
    if (!at.databaseUrl) {
      const st = peekSqlite(at.dataDir).prepare(statement);
      return st.reader ? (st.all() as Array<Record<string, unknown>>) : (st.run(), []);
    }
    const c = new pg.Client({ connectionString: at.databaseUrl });
    await c.connect();
    try {
      return (await c.query(statement)).rows;
    } finally {
      await c.end();
    }
  };
}

/** paper id → its stored terms, sorted. */
async function storedTerms(sql: Sql): Promise<Map<string, string[]>> {
  const rows = await sql('SELECT pt.paper_id AS paper_id, t.term AS term FROM paper_terms pt JOIN trend_terms t ON t.id = pt.term_id');
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(String(r.paper_id), [...(out.get(String(r.paper_id)) ?? []), String(r.term)]);
  // Sorted here: PostgreSQL's collation may order them otherwise.
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, terms]) => [id, sorted(terms)]));
}

const sorted = (xs: string[]) => [...xs].sort();

/** term_day_counts as stored, and as computed from scratch from the digests and the stored terms: "term day n" lines, sorted. */
async function dayCounts(sql: Sql): Promise<{ stored: string[]; rebuilt: string[] }> {
  const lines = (rows: Array<Record<string, unknown>>) => rows.map((r) => `${String(r.term)} ${String(r.day)} ${Number(r.n)}`).sort();
  const stored = await sql('SELECT t.term AS term, c.day AS day, c.n AS n FROM term_day_counts c JOIN trend_terms t ON t.id = c.term_id');
  const rebuilt = await sql(`SELECT t.term AS term, x.date AS day, COUNT(*) AS n
    FROM (SELECT DISTINCT d.date AS date, dp.paper_id AS paper_id FROM digests d JOIN digest_papers dp ON dp.digest_id = d.id) x
    JOIN paper_terms pt ON pt.paper_id = x.paper_id JOIN trend_terms t ON t.id = pt.term_id GROUP BY t.term, x.date`);
  return { stored: lines(stored), rebuilt: lines(rebuilt) };
}

/** Papers as an older bot stored them: rows written with SQL against the schema before the terms migration. */
const OLD_PAPERS = [
  { id: '2501.00001', title: 'Model Merging for Reasoning Agents', keywords: ['model merging', 'Reasoning'], date: '2025-01-06' },
  { id: '2501.00002', title: 'Diffusion Transformers at Scale: A Study', keywords: [], date: '2025-01-06' },
  { id: '2501.00003', title: 'Reward Hacking in Reinforcement Learning', keywords: [], date: '2025-01-07' },
];

function oldRowsSql(): string[] {
  const now = '2025-01-07T00:00:00.000Z';
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return [
    `INSERT INTO digests (id, source, date, origin, ingested_at) VALUES (1, 'hf-api', '2025-01-06', NULL, ${q(now)}), (2, 'hf-api', '2025-01-07', NULL, ${q(now)})`,
    ...OLD_PAPERS.map(
      (p, i) => `INSERT INTO papers (id, arxiv_id, title, abstract, authors, links, keywords, categories, upvotes, published_at, digest_dates, sources, flags, title_key, seq, created_at, updated_at)
        VALUES (${q(p.id)}, ${q(p.id)}, ${q(p.title)}, 'An abstract.', '[]', '[]', ${q(JSON.stringify(p.keywords))}, '[]', NULL, NULL, ${q(JSON.stringify([p.date]))}, '["hf-api"]', '[]', ${q(p.title.toLowerCase())}, ${i + 1}, ${q(now)}, ${q(now)})`,
    ),
    ...OLD_PAPERS.map((p, i) => `INSERT INTO digest_papers (digest_id, paper_id, position) VALUES (${p.date === '2025-01-06' ? 1 : 2}, ${q(p.id)}, ${i})`),
  ];
}

/**
 * A store as the bot before the trends migration left it, built with the real migrations older
 * than it (not by rolling a newer store back, so migrations added after it cannot break this).
 */
async function oldStore(name: Backend['name']): Promise<{ dataDir: string; databaseUrl?: string }> {
  const dataDir = tempDir();
  if (name === 'sqlite') {
    const db = new Database(join(dataDir, 'papers.db'));
    try {
      migrate(db, migrations.filter((m) => m.version < trendTerms010.version));
      for (const sql of oldRowsSql()) db.exec(sql);
    } finally {
      db.close();
    }
    return { dataDir };
  }
  const databaseUrl = await schema();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await migratePostgres(pool, pgMigrations.filter((m) => m.version < trendTerms005.version));
    for (const sql of oldRowsSql()) await pool.query(sql);
  } finally {
    await pool.end();
  }
  return { dataDir, databaseUrl };
}

describe.each(backends)('trend terms stored with each paper ($name)', (b) => {
  it('are written at ingest from the stored title and keywords, and follow a change of keywords', async () => {
    const s = await b.open();
    const withKeywords = paper({ title: 'Anything At All', arxivId: '2502.00001', keywords: ['Model Merging', 'reward hacking'] });
    const titleOnly = paper({ title: 'Towards Efficient Model Merging: A Study of Reinforcement Learning', arxivId: '2502.00002' });
    await s.papers.ingest({ source: 'hf-api', digestDate: '2025-02-03', papers: [withKeywords, titleOnly] });
    let terms = await storedTerms((q) => b.sql(s, q));
    expect(terms.get('2502.00001')).toEqual(['model merging', 'reward hacking']);
    expect(terms.get('2502.00002')).toEqual(sorted(paperTerms(titleOnly.title, [])));
    expect(terms.get('2502.00002')).toContain('reinforcement learning');

    // Another source adds a keyword: the merged record's terms replace the old ones.
    await s.papers.ingest({ source: 'hf-api', digestDate: '2025-02-04', papers: [{ ...withKeywords, keywords: ['Test-Time Scaling'] }] });
    terms = await storedTerms((q) => b.sql(s, q));
    expect(terms.get('2502.00001')).toEqual(['model merging', 'reward hacking', 'test-time scaling']);
    // The counts in SQL see them: both papers this week (2025-02-04 ends it), the shared term twice.
    const counts = await s.trends.termCounts({ end: '2025-02-04', weeks: 1 }, 2);
    expect(counts.papersPerWeek).toEqual([2, 0]);
    expect(counts.terms).toEqual([{ term: 'model merging', thisWeek: 2, earlier: 0 }]);
  });

  it('move with a paper re-keyed to its arXiv id', async () => {
    const s = await b.open();
    await s.papers.ingest({ source: 'hf-digest-text', digestDate: '2025-04-22', papers: [paper({ title: 'Sparse Attention Kernels', source: 'hf-digest-text' })] });
    expect((await storedTerms((q) => b.sql(s, q))).get('title:sparse-attention-kernels')).toEqual(sorted(paperTerms('Sparse Attention Kernels', [])));
    await s.papers.ingest({ source: 'hf-api', digestDate: '2025-04-23', papers: [paper({ title: 'Sparse attention kernels', arxivId: '2504.22222', keywords: ['sparse attention'] })] });
    const terms = await storedTerms((q) => b.sql(s, q));
    expect(terms.has('title:sparse-attention-kernels')).toBe(false);
    // From the merged record: the first title, and now the keywords.
    expect(terms.get('2504.22222')).toEqual(['sparse attention']);
    const counts = await s.trends.termCounts({ end: '2025-04-23', weeks: 1 }, 1);
    expect(counts.papersPerWeek[0]).toBe(1);
    expect(counts.terms).toEqual([{ term: 'sparse attention', thisWeek: 1, earlier: 0 }]);
  });

  it('keep papers per term and day through a second source, repeated days, a keyword change and a re-key', async () => {
    const s = await b.open();
    const sql: Sql = (q) => b.sql(s, q);
    const mm = ['model merging'];
    const a = paper({ title: 'Alpha Merges Models', arxivId: '2503.00001', keywords: mm });
    const ingest = (source: 'hf-api' | 'hf-digest-text', date: string, papers: ReturnType<typeof paper>[]) => s.papers.ingest({ source, digestDate: date, papers: papers.map((p) => ({ ...p, source })) });
    // Weeks ending 2025-03-16: this week 03-10..16, week 1 03-03..09, week 2 02-24..03-02.
    await ingest('hf-api', '2025-02-25', [a]);
    await ingest('hf-api', '2025-03-03', [a]);
    // The same paper from a second source the same day: one paper that day.
    await ingest('hf-digest-text', '2025-03-03', [paper({ title: 'Alpha Merges Models' })]);
    // Two days of one week: one (paper, week) pair.
    await ingest('hf-api', '2025-03-05', [a, paper({ title: 'Beta', arxivId: '2503.00002', keywords: mm })]);
    // A keyword the paper gets from a later listing counts on every day it was listed.
    const e = paper({ title: 'Epsilon', arxivId: '2503.00005', keywords: ['reward hacking'] });
    await ingest('hf-api', '2025-03-06', [e]);
    await ingest('hf-api', '2025-03-07', [{ ...e, keywords: mm }]);
    // A text paper re-keyed to its arXiv id the next day: its entries and terms move with it.
    await ingest('hf-digest-text', '2025-03-08', [paper({ title: 'Gamma Kernels' })]);
    await ingest('hf-api', '2025-03-08', [paper({ title: 'Gamma kernels', arxivId: '2503.00007', keywords: mm })]);
    const c = paper({ title: 'Gamma Two', arxivId: '2503.00003', keywords: mm });
    await ingest('hf-api', '2025-03-10', [c, paper({ title: 'Delta', arxivId: '2503.00004', keywords: mm })]);
    await ingest('hf-api', '2025-03-11', [c]);

    const days = await dayCounts(sql);
    expect(days.stored).toEqual(days.rebuilt);
    expect(days.stored).toContain('model merging 2025-03-03 1');
    expect(days.stored).toContain('model merging 2025-03-07 1');
    const counts = await s.trends.termCounts({ end: '2025-03-16', weeks: 2 }, 2);
    // Week 1: alpha, beta, epsilon and gamma once each, however many days or sources listed them.
    expect(counts.papersPerWeek).toEqual([2, 4, 1]);
    expect(counts.terms.find((t) => t.term === 'model merging')).toEqual({ term: 'model merging', thisWeek: 2, earlier: 5 });
  });

  it('a store from before the migration is filled once when it opens; a new rule version fills it again', async () => {
    const at = await oldStore(b.name);
    const sql = sqlAt(at);
    const s = await openStorage(at);
    const expected = new Map(OLD_PAPERS.map((p) => [p.id, sorted(paperTerms(p.title, p.keywords))]));
    try {
      expect(await storedTerms(sql)).toEqual(expected);
      expect((await sql('SELECT rule_version FROM trend_terms_fill'))[0]?.rule_version).toBe(TERMS_RULE_VERSION);
      // The per-day counts are built from the filled terms, not left empty by the triggers being off.
      const days = await dayCounts(sql);
      expect(days.stored).toContain('reinforcement learning 2025-01-07 1');
      expect(days.stored).toEqual(days.rebuilt);
      const counts = await s.trends.termCounts({ end: '2025-01-07', weeks: 1 }, 1);
      expect(counts.papersPerWeek).toEqual([3, 0]);
      expect(counts.terms.find((t) => t.term === 'reinforcement learning')).toEqual({ term: 'reinforcement learning', thisWeek: 1, earlier: 0 });
      // Lose one paper's terms behind the store's back: an up-to-date store is not filled again.
      await sql("DELETE FROM paper_terms WHERE paper_id = '2501.00002'");
    } finally {
      await s.close();
    }
    const again = await openStorage(at);
    try {
      expect((await storedTerms(sql)).has('2501.00002')).toBe(false);
      // Terms made under another rule version are all computed again.
      await sql(`UPDATE trend_terms_fill SET rule_version = ${TERMS_RULE_VERSION - 1}`);
    } finally {
      await again.close();
    }
    const refilled = await openStorage(at);
    try {
      expect(await storedTerms(sql)).toEqual(expected);
      expect((await sql('SELECT rule_version FROM trend_terms_fill'))[0]?.rule_version).toBe(TERMS_RULE_VERSION);
      const days = await dayCounts(sql);
      expect(days.stored).toEqual(days.rebuilt);
    } finally {
      await refilled.close();
    }
  });
});
