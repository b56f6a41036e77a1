import type { SearchDb } from './search-db.js';
import type { Head, HeadsView, TermHeads, TermHeadsSpec } from './term-heads.js';

/**
 * The last term heads computed, kept in the index file beside what they describe: a restarted bot
 * loads them instead of spending seconds (minutes at 1M papers) computing them again, and the
 * `papers` CLI's one-shot searches, which never compute them, use them too. One row names the
 * index state (file generation and seq) and the settings they were computed with, so heads of
 * another state or other settings are never used; one row per head and one per index word that
 * has one, so that a one-shot search reads the few its query needs (a few rows, where reading
 * them all cost ~50 ms of a `papers search` at 100k papers). Added when first written: an index
 * from before has no such tables, and is not rebuilt for them.
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS term_heads (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  state TEXT NOT NULL,
  spec  TEXT NOT NULL,
  data  BLOB NOT NULL   -- JSON: minDf and size
);
CREATE TABLE IF NOT EXISTS term_head_words (
  word TEXT PRIMARY KEY,
  term TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS term_head_terms (
  term   TEXT PRIMARY KEY,
  df     INTEGER NOT NULL,
  bound  REAL NOT NULL,
  rowids BLOB NOT NULL, -- Int32Array bytes, best first
  scores BLOB NOT NULL  -- Float64Array bytes, in the same order
) WITHOUT ROWID`;

// The format too: heads stored by another version of this code (format 2 was one v8.serialize
// blob of them all) are computed again.
const FORMAT = 3;
const specKey = (s: TermHeadsSpec): string =>
  JSON.stringify([FORMAT, s.weights.title, s.weights.abstract, s.weights.authors, s.weights.keywords, s.minDf, s.size]);

const hasTables = (db: SearchDb): boolean =>
  db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('term_heads', 'term_head_words', 'term_head_terms')").pluck().get() === 3;

/** minDf and size of the stored heads of `state` computed with `spec`; undefined if none (or unreadable). */
function readMeta(db: SearchDb, state: string, spec: TermHeadsSpec): { minDf: number; size: number } | undefined {
  if (!hasTables(db)) return undefined;
  const row = db.prepare<[string, string], { data: Buffer | string }>('SELECT data FROM term_heads WHERE state = ? AND spec = ?').get(state, specKey(spec));
  if (!row) return undefined;
  try {
    const m = JSON.parse(String(row.data)) as { minDf?: unknown; size?: unknown };
    return Number.isInteger(m.minDf) && Number.isInteger(m.size) ? { minDf: m.minDf as number, size: m.size as number } : undefined;
  } catch {
    return undefined;
  }
}

interface HeadRow {
  df: number;
  bound: number;
  rowids: Buffer;
  scores: Buffer;
}

/** A stored head as typed arrays (copied: a Buffer's bytes may not be aligned); undefined if damaged. */
function headOf(r: HeadRow, size: number): Head | undefined {
  const n = r.rowids.length / 4;
  if (!Number.isInteger(n) || n < 1 || n > size || r.scores.length !== n * 8) return undefined;
  const rowids = new Int32Array(n);
  const scores = new Float64Array(n);
  Buffer.from(rowids.buffer).set(r.rowids);
  Buffer.from(scores.buffer).set(r.scores);
  return { rowids, scores, df: r.df, bound: r.bound };
}

/**
 * The stored heads of the index in `state`, computed with `spec`, read as they are asked for
 * (each word's term and each term's head once, then kept); undefined if none are stored for that
 * state. A damaged head reads as none: a query needing it is ranked as without heads.
 */
export function readStoredHeads(db: SearchDb, state: string, spec: TermHeadsSpec): HeadsView | undefined {
  const meta = readMeta(db, state, spec);
  if (!meta) return undefined;
  // Each read also reads the state row, in the same statement (one snapshot): a bot storing the
  // heads of a newer state between two reads must not hand this search a head of that state.
  const ours = `(SELECT state = @state AND spec = @spec FROM term_heads WHERE id = 1) AS ours`;
  const termStmt = db.prepare<[{ word: string; state: string; spec: string }], { term: string; ours: number }>(
    `SELECT term, ${ours} FROM term_head_words WHERE word = @word`,
  );
  const headStmt = db.prepare<[{ term: string; state: string; spec: string }], HeadRow & { ours: number }>(
    `SELECT df, bound, rowids, scores, ${ours} FROM term_head_terms WHERE term = @term`,
  );
  const key = { state, spec: specKey(spec) };
  return {
    state,
    ...meta,
    termOf: readOnce((word) => {
      const r = termStmt.get({ word, ...key });
      return r?.ours ? r.term : undefined;
    }),
    heads: readOnce((term) => {
      const r = headStmt.get({ term, ...key });
      return r?.ours ? headOf(r, meta.size) : undefined;
    }),
  };
}

/** A look-up that reads each key once and then answers from what it read (none included). */
function readOnce<T>(read: (key: string) => T | undefined): { get(key: string): T | undefined } {
  const seen = new Map<string, T | undefined>();
  return {
    get(key) {
      if (!seen.has(key)) seen.set(key, read(key));
      return seen.get(key);
    },
  };
}

/** Every stored head of `state` in memory (the bot's keeper holds them all); undefined as readStoredHeads. */
export function readAllStoredHeads(db: SearchDb, state: string, spec: TermHeadsSpec): TermHeads | undefined {
  const meta = readMeta(db, state, spec);
  if (!meta) return undefined;
  return db.transaction(() => {
    const heads = new Map<string, Head>();
    for (const r of db.prepare('SELECT term, df, bound, rowids, scores FROM term_head_terms').iterate() as IterableIterator<HeadRow & { term: string }>) {
      const h = headOf(r, meta.size);
      if (h) heads.set(r.term, h);
    }
    const termOf = new Map<string, string>();
    for (const [word, term] of db.prepare('SELECT word, term FROM term_head_words').raw().iterate() as IterableIterator<[string, string]>) {
      if (heads.has(term)) termOf.set(word, term);
    }
    return { state, ...meta, termOf, heads };
  })();
}

const bytes = (a: Int32Array | Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Keeps `heads` as the index file's stored heads (replacing any before), in one transaction. */
export function storeHeads(db: SearchDb, heads: TermHeads, spec: TermHeadsSpec): void {
  db.transaction(() => {
    db.exec(TABLES);
    db.exec('DELETE FROM term_head_words; DELETE FROM term_head_terms');
    const word = db.prepare('INSERT INTO term_head_words (word, term) VALUES (?, ?)');
    for (const [w, t] of heads.termOf) word.run(w, t);
    const term = db.prepare('INSERT INTO term_head_terms (term, df, bound, rowids, scores) VALUES (?, ?, ?, ?, ?)');
    for (const [t, h] of heads.heads) term.run(t, h.df, h.bound, bytes(h.rowids), bytes(h.scores));
    db.prepare(
      'INSERT INTO term_heads (id, state, spec, data) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state, spec = excluded.spec, data = excluded.data',
    ).run(heads.state, specKey(spec), JSON.stringify({ minDf: heads.minDf, size: heads.size }));
  }).immediate();
}
