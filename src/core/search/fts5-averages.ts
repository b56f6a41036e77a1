import type { SearchDb } from './search-db.js';

/**
 * FTS5's "averages" record (row 1 of a table's %_data): the row count, then each column's total
 * token count, which bm25 divides by. FTS5 (SQLite 3.53) leaves a row deleted from a contentless
 * table (contentless_delete) in it: every paper that moved to a new index row (an update) and
 * every row trimmed from fts_recent stayed counted, so an index written over months drifted from
 * one built from the same papers (more rows, larger idfs; rankings moved). The index writer takes
 * those rows out again here (index-writer.ts), from their sizes in %_docsize, read before the delete.
 */

/** SQLite's varint (big-endian, 7 bits a byte, the 9th byte whole), as FTS5 writes its records. */
export function readVarint(buf: Uint8Array, at: number): [value: number, next: number] {
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

export function readVarints(buf: Uint8Array): number[] {
  const out: number[] = [];
  for (let at = 0; at < buf.length; ) {
    const [v, next] = readVarint(buf, at);
    out.push(v);
    at = next;
  }
  return out;
}

/** Varints as SQLite writes them, for values below 2^53 (their 9-byte form starts at 2^56). */
export function writeVarints(values: readonly number[]): Buffer {
  const out: number[] = [];
  for (let v of values) {
    const groups: number[] = [];
    do {
      groups.unshift(v % 128);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < groups.length - 1; i++) groups[i]! |= 0x80;
    out.push(...groups);
  }
  return Buffer.from(out);
}

export const FTS_TABLES = ['fts', 'fts_recent'] as const;
export type FtsTable = (typeof FTS_TABLES)[number];

/** A table's averages record: [rows, tokens of each column]; undefined while it has none. */
export function readAverages(db: SearchDb, table: FtsTable): number[] | undefined {
  const row = db.prepare<[], { block: Uint8Array }>(`SELECT block FROM ${table}_data WHERE id = 1`).get();
  return row?.block ? readVarints(row.block) : undefined;
}

/** Takes rows (and their tokens: [rows, tokens of each column]) out of a table's averages record. */
export function subtractFromAverages(db: SearchDb, table: FtsTable, removed: readonly number[]): void {
  const now = readAverages(db, table);
  if (!now) return;
  writeAverages(db, table, now.map((v, i) => Math.max(0, v - (removed[i] ?? 0))));
}

/**
 * The averages record as the rows held give it (each row's sizes are in %_docsize): for an index
 * written before the writer took deleted rows out, once. Reads every row's sizes (1M rows: ~0.5 s).
 */
export function recountAverages(db: SearchDb, table: FtsTable): void {
  const now = readAverages(db, table);
  if (!now) return;
  const total = now.map(() => 0);
  for (const { sz } of db.prepare<[], { sz: Uint8Array }>(`SELECT sz FROM ${table}_docsize`).iterate()) {
    total[0]!++;
    readVarints(sz).forEach((n, i) => {
      if (i + 1 < total.length) total[i + 1]! += n;
    });
  }
  writeAverages(db, table, total);
}

/**
 * SQLite refuses writes to an FTS5 table's own tables in its defensive mode, which better-sqlite3
 * turns on; its unsafe mode turns it off, for this one statement.
 */
function writeAverages(db: SearchDb, table: FtsTable, values: number[]): void {
  db.unsafeMode(true);
  try {
    // Prepared here: SQLite checks the write when it prepares it too.
    db.prepare(`UPDATE ${table}_data SET block = ? WHERE id = 1`).run(writeVarints(values));
  } finally {
    db.unsafeMode(false);
  }
}
