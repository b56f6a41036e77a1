import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../src/core/paper.js';
import { paperId } from '../../../src/core/paper-id.js';
import { parseDigest } from '../../../src/core/parse/parse-digest.js';
import type { IngestBatch, IngestCounts } from '../../../src/core/store/ports.js';
import { WAL_FILE_LIMIT_BYTES } from '../../../src/core/store/sqlite/journal-mode.js';
import { openDatabase, type Db } from '../../../src/core/store/sqlite/open.js';
import { createSqlitePaperStore } from '../../../src/core/store/sqlite/paper-store.js';
import { fillSqliteTrendTerms } from '../../../src/core/store/sqlite/trend-terms.js';
import { dataFiles, SEED_DIGEST } from '../../helpers/test-data.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { paper } from './paper-factory.js';

const tempDir = useTempDirs();

/**
 * Every input of the test data as the batches `papers ingest` makes of them (the arXiv listings are
 * large enough, 200 papers and more, to take the path that drops the triggers), in an order that
 * exercises each path of the store: new papers, title-keyed papers re-keyed to their arXiv id, the
 * same days again (unchanged), merges (more upvotes, new keywords, a new digest date) and a batch
 * naming papers twice.
 */
function batches(): IngestBatch[] {
  const parse = (file: string): IngestBatch => {
    const r = parseDigest(readFileSync(file), { fileName: basename(file) });
    return { source: r.format, digestDate: r.digestDate, papers: r.papers, origin: basename(file) };
  };
  const files = [SEED_DIGEST, ...dataFiles('hf-daily', '.json'), ...dataFiles('arxiv-daily', '.jsonl'), ...dataFiles('arxiv-feeds', '.xml'), ...dataFiles('arxiv-kaggle', '.json')];
  const first = files.map(parse);
  const hf = first.filter((b) => b.source === 'hf-api');
  const changed = (p: Paper, i: number): Paper => ({ ...p, upvotes: (p.upvotes ?? 0) + i, keywords: i % 3 ? p.keywords : [...p.keywords, `topic ${i % 7}`] });
  const twice = [...hf[0]!.papers.slice(0, 20), ...hf[0]!.papers.slice(10, 30).map(changed)];
  // A text digest knows titles only: before the arXiv records (re-keyed then) and after (matched by title).
  const byTitle = (b: IngestBatch, digestDate: string): IngestBatch => ({
    source: first[0]!.source,
    digestDate,
    papers: b.papers.slice(0, 12).map((p) => ({ ...p, id: paperId(undefined, p.title), arxivId: undefined, source: first[0]!.source })),
  });
  return [
    byTitle(hf[2]!, '2024-01-02'),
    ...first,
    byTitle(hf[3]!, '2024-01-03'),
    ...hf.slice(0, 3), // unchanged
    parse(SEED_DIGEST), // title-keyed papers meet their arXiv records
    { ...hf[1]!, digestDate: '2026-01-05', papers: hf[1]!.papers.map(changed) },
    { source: 'hf-api', digestDate: '2026-01-06', papers: twice },
    { source: 'hf-api', papers: twice.slice(5, 25) },
  ];
}

/** Every row ingest writes, timestamps aside, in a fixed order. */
function dump(db: Db): Record<string, unknown[]> {
  const all = (sql: string) => db.prepare(sql).raw().all();
  return {
    papers: all(`SELECT id, arxiv_id, title, abstract, authors, links, keywords, categories, upvotes, published_at,
      digest_dates, sources, flags, ai_summary, title_key, seq FROM papers ORDER BY id`),
    // Ingest stores no TL;DR since it is extracted when shown (cards.ts): the column stays empty.
    tldr: all('SELECT id FROM papers WHERE tldr IS NOT NULL'),
    digests: all('SELECT id, source, date, origin FROM digests ORDER BY id'),
    digest_papers: all('SELECT entry_id, digest_id, paper_id, position FROM digest_papers ORDER BY entry_id'),
    trend_terms: all('SELECT id, term FROM trend_terms ORDER BY id'),
    paper_terms: all('SELECT paper_id, term_id FROM paper_terms ORDER BY paper_id, term_id'),
    term_day_counts: all('SELECT term_id, day, n FROM term_day_counts ORDER BY term_id, day'),
  };
}

async function ingestAll(perPaper: boolean): Promise<{ rows: Record<string, unknown[]>; counts: IngestCounts[]; triggers: unknown[] }> {
  const dir = tempDir();
  const db = openDatabase(join(dir, 'papers.db'));
  fillSqliteTrendTerms(db); // as openSqliteStorage does: from here the term_day_counts triggers count
  const store = createSqlitePaperStore(db);
  const counts: IngestCounts[] = [];
  for (const b of batches()) {
    if (!perPaper) counts.push(await store.ingest(b));
    else for (const p of b.papers) await store.ingest({ ...b, papers: [p] });
  }
  const rows = dump(db);
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
  await store.close();
  return { rows, counts, triggers };
}

const sha256 = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

describe('ingest of whole inputs', () => {
  it('stores exactly what ingesting the same papers one at a time stores', async () => {
    const whole = await ingestAll(false);
    const single = await ingestAll(true);
    for (const table of Object.keys(whole.rows)) expect(whole.rows[table], table).toEqual(single.rows[table]);
    expect(whole.rows.papers!.length).toBeGreaterThan(500);
    // The triggers a large batch set aside are back, as they were.
    expect(whole.triggers).toHaveLength(5);
    expect(whole.triggers).toEqual(single.triggers);
    expect(whole.rows.term_day_counts!.length).toBeGreaterThan(1000);
  });

  it('stores the rows and returns the counts the row-at-a-time store of 5e9c41f did', async () => {
    // Recorded from that commit's store (one statement per row, the term_day_counts triggers on):
    // a change here is a change of what ingest stores. Update it only with a change of rule
    // (TERMS_RULE_VERSION, the TL;DR, merging) that is meant to change the rows.
    const { rows: all, counts } = await ingestAll(false);
    // The TL;DR is no longer stored (the rule changed); every other column is as recorded.
    const { tldr, ...rows } = all;
    const tables = Object.fromEntries(Object.entries(rows).map(([t, r]) => [t, r.length]));
    expect({ tables, rows: sha256(rows), counts: sha256(counts) }).toEqual(RECORDED);
    expect(tldr).toEqual([]);
  });
});

describe('a large input', () => {
  it('checkpoints the WAL less often while it is written, and gives the connection back its settings', async () => {
    const file = join(tempDir(), 'papers.db');
    const db = openDatabase(file);
    const store = createSqlitePaperStore(db);
    const settings = () => [db.pragma('cache_size', { simple: true }), db.pragma('wal_autocheckpoint', { simple: true })];
    const before = settings();
    expect(before[1]).toBe(1000);
    const fileBytes = statSync(file).size;
    // ~6 MB of rows: past SQLite's 1,000-page checkpoint, well under the large batch's.
    const papers = Array.from({ length: 1500 }, (_, i) =>
      paper({ title: `Paper ${i} on topic ${i % 37}`, arxivId: `2501.${String(i).padStart(5, '0')}`, abstract: `Words of paper ${i}. `.repeat(200) }),
    );
    expect((await store.ingest({ source: 'hf-api', papers })).new).toBe(1500);
    // Still all in the WAL: the default would have copied it into the file at the commit.
    expect(statSync(file).size).toBe(fileBytes);
    expect(settings()).toEqual(before);
    // A small write after it checkpoints as SQLite does, and the papers are all there.
    await store.ingest({ source: 'hf-api', papers: [paper({ title: 'One more' })] });
    expect(statSync(file).size).toBeGreaterThan(fileBytes + 4_000_000);
    expect(await store.maxSeq()).toBe(1501);
    // The WAL file is cut back to a limit once it is reused: opened with WAL_FILE_LIMIT_BYTES,
    // here a limit under what the large batch left, to see the cut.
    expect(db.pragma('journal_size_limit', { simple: true })).toBe(WAL_FILE_LIMIT_BYTES);
    const walBytes = () => statSync(`${file}-wal`).size;
    expect(walBytes()).toBeGreaterThan(4_000_000);
    db.pragma('journal_size_limit = 1000000');
    await store.ingest({ source: 'hf-api', papers: [paper({ title: 'And one more' })] });
    expect(walBytes()).toBeLessThanOrEqual(1_000_000);
    await store.close();
  });
});

const RECORDED = {
  tables: { papers: 977, digests: 23, digest_papers: 1077, trend_terms: 7329, paper_terms: 10441, term_day_counts: 9778 },
  // The rows without papers.tldr, from 5e9c41f's store (a89ad4f's gives the same).
  rows: '53b38ca5fae7846aa378498f7f19aba989ed475ace166b98405bf882804147ea',
  counts: '32a59a0fe0337140164d5c9cfaa470dc70c6c3a2e57460ed716dddbfa8c42cad',
};
