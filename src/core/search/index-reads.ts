import type { FieldStats } from './rerank.js';
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

/** SQLite's varint (big-endian, 7 bits a byte, the 9th byte whole), as FTS5 writes its records. */
function readVarint(buf: Uint8Array, at: number): [value: number, next: number] {
  let v = 0;
  for (let i = 0; i < 8; i++) {
    const b = buf[at + i];
    if (b === undefined) throw new Error('truncated varint');
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) return [v, at + i + 1];
  }
  const last = buf[at + 8];
  if (last === undefined) throw new Error('truncated varint');
  return [v * 256 + last, at + 9];
}

/**
 * FTS5 keeps the row count and each column's total token count in its "averages" record (row 1 of
 * the %_data table): reading it is one row, where summing lengths ourselves would read the index.
 * Undefined when the record is missing or unreadable (the caller then uses the candidates' mean).
 */
export function readFieldStats(db: SearchDb): FieldStats | undefined {
  try {
    const row = db.prepare<[], { block: Uint8Array }>('SELECT block FROM fts_data WHERE id = 1').get();
    if (!row?.block) return undefined;
    const buf = row.block;
    let at = 0;
    const values: number[] = [];
    for (let i = 0; i < 3 && at < buf.length; i++) {
      const [v, next] = readVarint(buf, at);
      values.push(v);
      at = next;
    }
    const [docs, title, abstract] = values;
    if (!docs || title === undefined || abstract === undefined) return undefined;
    return { docs, avgTitle: title / docs, avgAbstract: abstract / docs };
  } catch {
    return undefined;
  }
}
