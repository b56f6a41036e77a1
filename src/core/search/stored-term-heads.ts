import { deserialize, serialize } from 'node:v8';
import type { SearchDb } from './search-db.js';
import type { TermHeads, TermHeadsSpec } from './term-heads.js';

/**
 * The last term heads computed, kept in the index file beside what they describe: a restarted bot
 * loads them instead of spending seconds (minutes at 1M papers) computing them again, and the
 * `papers` CLI's one-shot searches, which never compute them, use them too. One row; the heads
 * name the index state (file generation and seq) and the settings they were computed with, so
 * heads of another state or other settings are never used. Added when first written: an index
 * from before has no such table, and is not rebuilt for it.
 */
const TABLE = `CREATE TABLE IF NOT EXISTS term_heads (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  state TEXT NOT NULL,
  spec  TEXT NOT NULL,
  data  BLOB NOT NULL   -- v8.serialize(TermHeads)
)`;

// The format too: heads stored by another version of this code are computed again.
const FORMAT = 2;
const specKey = (s: TermHeadsSpec): string =>
  JSON.stringify([FORMAT, s.weights.title, s.weights.abstract, s.weights.authors, s.weights.keywords, s.minDf, s.size]);

/** The stored heads of the index in `state`, computed with `spec`; undefined if none (or unreadable). */
export function readStoredHeads(db: SearchDb, state: string, spec: TermHeadsSpec): TermHeads | undefined {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'term_heads'").get()) return undefined;
  const row = db.prepare<[string, string], { data: Buffer }>('SELECT data FROM term_heads WHERE state = ? AND spec = ?').get(state, specKey(spec));
  if (!row) return undefined;
  try {
    const h = deserialize(row.data) as TermHeads;
    // A damaged row reads as nothing: the heads are computed again.
    return h?.state === state && h.heads instanceof Map && h.termOf instanceof Map ? h : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `heads` as the index file's stored heads (replacing any before). */
export function storeHeads(db: SearchDb, heads: TermHeads, spec: TermHeadsSpec): void {
  db.transaction(() => {
    db.exec(TABLE);
    db.prepare(
      'INSERT INTO term_heads (id, state, spec, data) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state, spec = excluded.spec, data = excluded.data',
    ).run(heads.state, specKey(spec), serialize(heads));
  }).immediate();
}
