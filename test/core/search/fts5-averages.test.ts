import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredPaper } from '../../../src/core/paper.js';
import { readAverages, readVarints, writeVarints } from '../../../src/core/search/fts5-averages.js';
import { createIndexWriter } from '../../../src/core/search/index-writer.js';
import { createSearchDb, type SearchDb } from '../../../src/core/search/search-db.js';
import { Vocabulary } from '../../../src/core/search/vocabulary.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { seedPapers } from './seed-papers.js';

const tempDir = useTempDirs();
const open: SearchDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

const RECENT = 12;
const QUERIES = ['model merging', 'language model', 'reasoning', 'vision transformer', 'multi task learning'];

/** The seed papers as the store hands them out, seq from `from`. */
function papers(from = 1): StoredPaper[] {
  return seedPapers().map((p, i) => ({ ...p, digestDates: ['2024-02-01'], sources: ['hf-api'], upvotes: i, seq: from + i }) as StoredPaper);
}

function fresh(name: string): SearchDb {
  const db = createSearchDb(join(tempDir(), name));
  open.push(db);
  return db;
}

/** bm25 of each query's best rows in a table, by paper id: what a search ranks by. */
function scores(db: SearchDb, table: 'fts' | 'fts_recent'): string[] {
  return QUERIES.map((q) =>
    (
      db
        .prepare(`SELECT d.id, round(bm25(${table}, 3, 1, 0.5, 0.5), 9) AS s FROM ${table} JOIN docs d ON d.rowid = ${table}.rowid WHERE ${table} MATCH ? ORDER BY s, d.id LIMIT 8`)
        .all(q.split(' ').join(' OR ')) as Array<{ id: string; s: number }>
    )
      .map((r) => `${r.id}:${r.s}`)
      .join(' '),
  );
}

describe("FTS5's averages record (what bm25 divides by) after rows are deleted", () => {
  it('reads and writes SQLite varints', () => {
    const values = [0, 1, 127, 128, 16_383, 16_384, 2 ** 32 + 5, 2 ** 50 + 3];
    expect(readVarints(writeVarints(values))).toEqual(values);
    expect([...writeVarints([300])]).toEqual([0x82, 0x2c]);
  });

  it('keeps deleted rows in a contentless table (SQLite itself): the reason for the correction', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(a, content = '', contentless_delete = 1)");
    for (let i = 1; i <= 4; i++) db.prepare('INSERT INTO t (rowid, a) VALUES (?, ?)').run(i, 'one two');
    db.prepare('DELETE FROM t WHERE rowid = 1').run();
    const block = (db.prepare('SELECT block FROM t_data WHERE id = 1').get() as { block: Buffer }).block;
    // Rows, tokens: the deleted row still counted. If SQLite ever takes it out, this fails, and the
    // writer's correction would then take it out twice.
    expect(readVarints(block)).toEqual([4, 8]);
    db.close();
  });

  it('equals, after updates and trims of the newest-papers table, what the papers held give, in the writing connection too', () => {
    const all = papers();
    const live = fresh('live.db');
    const writer = createIndexWriter(live, new Vocabulary(), RECENT);
    // Papers arrive a few at a time; some come again (upvotes, a re-worded abstract): each moves
    // to a new row, and fts_recent is trimmed to the newest RECENT rows at every write.
    let seq = 0;
    for (let i = 0; i < all.length; i += 5) {
      const part = all.slice(i, i + 5).map((p) => ({ ...p, seq: ++seq }));
      const again = i % 10 === 0 ? [{ ...all[i / 2]!, upvotes: 900 + i, abstract: `${all[i / 2]!.abstract} Revised.`, seq: ++seq }] : [];
      writer.write([...part, ...again], seq);
    }
    // The same papers, each as it was last written, in the same order, written once.
    const last = new Map<string, StoredPaper>();
    let s2 = 0;
    for (let i = 0; i < all.length; i += 5) {
      for (const p of all.slice(i, i + 5)) {
        last.delete(p.id);
        last.set(p.id, { ...p, seq: ++s2 });
      }
      if (i % 10 === 0) {
        const p = all[i / 2]!;
        last.delete(p.id);
        last.set(p.id, { ...p, upvotes: 900 + i, abstract: `${p.abstract} Revised.`, seq: ++s2 });
      }
    }
    const once = fresh('once.db');
    const onceWriter = createIndexWriter(once, new Vocabulary(), RECENT);
    onceWriter.write([...last.values()], s2);

    const rows = (db: SearchDb, t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}_docsize`).get() as { n: number }).n;
    expect(rows(live, 'fts')).toBe(all.length);
    expect(rows(live, 'fts_recent')).toBe(RECENT);
    for (const t of ['fts', 'fts_recent'] as const) {
      expect(readAverages(live, t)![0]).toBe(rows(live, t));
      expect(readAverages(live, t)).toEqual(readAverages(once, t));
      expect(scores(live, t)).toEqual(scores(once, t));
    }
    expect(scores(live, 'fts_recent').join(' ').length).toBeGreaterThan(20);
  });

  it('takes out what a write left when it stopped before its correction, and recounts an index written before it', () => {
    const file = join(tempDir(), 'search.db');
    const db = createSearchDb(file);
    open.push(db);
    const writer = createIndexWriter(db, new Vocabulary(), RECENT);
    writer.write(papers(), papers().length);
    const exact = { fts: readAverages(db, 'fts')!, recent: readAverages(db, 'fts_recent')! };
    const inflate = (t: string, by: number[]) => {
      const now = readAverages(db, t as 'fts')!;
      db.unsafeMode(true);
      db.prepare(`UPDATE ${t}_data SET block = ? WHERE id = 1`).run(writeVarints(now.map((v, i) => v + (by[i] ?? 0))));
      db.unsafeMode(false);
    };
    // A crash between a write and its correction: the record still counts the rows, meta says so.
    inflate('fts', [2, 20, 300, 4, 0]);
    db.prepare("INSERT INTO meta (key, value) VALUES ('fts_removed', ?)").run(JSON.stringify({ fts: [2, 20, 300, 4, 0] }));
    const again = papers().length;
    writer.write([], again);
    expect(readAverages(db, 'fts')).toEqual(exact.fts);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'fts_removed'").get()).toBeUndefined();

    // An index from before the correction: drifted, without the mark. A writer opening it recounts.
    inflate('fts', [7, 70, 700, 7, 7]);
    inflate('fts_recent', [3, 30, 300, 3, 3]);
    db.prepare("DELETE FROM meta WHERE key = 'fts_averages'").run();
    createIndexWriter(db, new Vocabulary(), RECENT);
    expect(readAverages(db, 'fts')).toEqual(exact.fts);
    expect(readAverages(db, 'fts_recent')).toEqual(exact.recent);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'fts_averages'").get()).toEqual({ value: 'exact' });
  });
});
