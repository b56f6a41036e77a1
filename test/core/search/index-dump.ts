import Database from 'better-sqlite3';
import { FTS_TABLES, readAverages } from '../../../src/core/search/fts5-averages.js';
import type { PaperSearch } from '../../../src/core/search/ports.js';

/** Everything the index holds that a search reads, comparable with toEqual. */
export function dump(file: string, withRowids = true) {
  const db = new Database(file, { readonly: true });
  try {
    const docs = db.prepare('SELECT * FROM docs ORDER BY rowid').all() as Array<Record<string, unknown>>;
    const byRowid = new Map(docs.map((d) => [d.rowid, d.id]));
    const dates = (db.prepare('SELECT doc, date FROM doc_dates ORDER BY doc, date').all() as Array<{ doc: number; date: string }>).map((r) => [byRowid.get(r.doc), r.date]);
    // Each paper's filter values (doc_facts), by paper id: they must follow every move of a row.
    const facts = (db.prepare('SELECT doc, has_code, upvotes, first_date, last_date FROM doc_facts ORDER BY doc').all() as Array<Record<string, unknown>>).map(
      ({ doc, ...rest }) => [byRowid.get(doc), rest],
    );
    const matches = (table: string) =>
      ['multi', 'task', 'learning', 'model', 'beta', 'reasoning'].map((w) =>
        (db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`).all(w) as Array<{ rowid: number }>).map((r) => byRowid.get(r.rowid)),
      );
    return {
      docs: withRowids ? docs : docs.map(({ rowid: _, ...rest }) => rest),
      dates,
      facts,
      words: db.prepare('SELECT word, df FROM words ORDER BY word').all(),
      fts: matches('fts'),
      recent: withRowids ? matches('fts_recent') : undefined,
      // The seq differs between two files built from one store in different steps, and so does the
      // shard's floor when rows moved (a rowid).
      meta: db.prepare(`SELECT key, value FROM meta WHERE key NOT IN ('seq', 'generation') ${withRowids ? '' : "AND key <> 'recent_floor'"} ORDER BY key`).all(),
      indexes: db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all(),
      // FTS5's merging setting of each table (4, its default, when never set): a bulk load turns it off.
      automerge: ['fts', 'fts_recent'].map((t) => Number((db.prepare(`SELECT v FROM ${t}_config WHERE k = 'automerge'`).get() as { v: number } | undefined)?.v ?? 4)),
      // What bm25 divides by (FTS5's averages record: rows, then tokens per column): the papers
      // held, not every row a table ever had.
      averages: FTS_TABLES.map((t) => readAverages(db, t)),
    };
  } finally {
    db.close();
  }
}

/** Each query's top 10 ids, comparable with toEqual. */
export async function top10(search: PaperSearch, queries: readonly string[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const text of queries) out.push((await search.search({ text, limit: 10 })).hits.map((h) => h.paper.id));
  return out;
}
