import type { FieldStats } from './rerank.js';
import { readAverages } from './fts5-averages.js';
import type { SearchDb } from './search-db.js';

/**
 * What a search reads from the index besides the rankers' MATCH queries: row ids ↔ paper ids, counts,
 * and two FTS5 internals (a stem's document count from fts5vocab, the column statistics from the
 * %_data "averages" record). Statements are prepared once per database handle.
 */
export function createIndexReads(db: SearchDb) {
  const s = {
    ids: db.prepare<[string], { rowid: number; id: string }>('SELECT rowid, id FROM docs WHERE rowid IN (SELECT value FROM json_each(?))'),
    rowid: db.prepare<[string], { rowid: number }>('SELECT rowid FROM docs WHERE id = ?'),
    // Kept by the index writer (meta.doc_count); an index written before it was kept is counted.
    count: db.prepare<[], { n: number }>(
      "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'doc_count'), (SELECT count(*) FROM docs)) AS n",
    ),
    stemDf: db.prepare<[string], { doc: number }>('SELECT doc FROM fts_vocab WHERE term = ?'),
  };
  return {
    /** Paper ids of index rows (rows gone since are left out). */
    idsOf(rowids: number[]): Map<number, string> {
      if (!rowids.length) return new Map();
      return new Map(s.ids.all(JSON.stringify(rowids)).map((r) => [r.rowid, r.id]));
    },
    rowidOf: (id: string): number | undefined => s.rowid.get(id)?.rowid,
    docCount: (): number => s.count.get()?.n ?? 0,
    /** Papers holding a stem, read from fts5vocab (it walks the stem's whole posting list). */
    stemDf: (stem: string): number => s.stemDf.get(stem)?.doc ?? 0,
    fieldStats: (): FieldStats | undefined => readFieldStats(db),
  };
}

export type IndexReads = ReturnType<typeof createIndexReads>;

/**
 * FTS5 keeps the row count and each column's total token count in its "averages" record (row 1 of
 * the %_data table): reading it is one row, where summing lengths ourselves would read the index.
 * Undefined when the record is missing or unreadable (the caller then uses the candidates' mean).
 */
export function readFieldStats(db: SearchDb): FieldStats | undefined {
  try {
    const [docs, title, abstract] = readAverages(db, 'fts') ?? [];
    if (!docs || title === undefined || abstract === undefined) return undefined;
    return { docs, avgTitle: title / docs, avgAbstract: abstract / docs };
  } catch {
    return undefined;
  }
}
