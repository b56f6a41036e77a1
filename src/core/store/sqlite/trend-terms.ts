import { paperTerms, TERMS_RULE_VERSION } from '../../trends/terms.js';
import { REBUILD_TERM_DAY_COUNTS_SQL } from '../trends-sql.js';
import type { Db } from './open.js';

/** Writes papers' trend terms (migration 010) inside the caller's transaction. */
export interface SqliteTermWriter {
  /**
   * Stores the terms of a paper with this title and these keywords, replacing any it had.
   * `fresh`: the caller knows the paper has no terms yet (a new paper), so there are none to drop.
   */
  set(paperId: string, title: string, keywords: readonly string[], fresh?: boolean): void;
  /** Drops a paper's terms (before the paper row goes: they point at it). */
  remove(paperId: string): void;
  /** Forgets cached term ids: call it when a transaction that may have added terms rolled back. */
  reset(): void;
}

// Term ids never change once given (terms are never deleted), so they are cached across ingests.
// Bounded: title pairs make the vocabulary large (hundreds of thousands of terms at 100k papers).
const MAX_CACHED = 100_000;

export function createSqliteTermWriter(db: Db): SqliteTermWriter {
  const q = {
    find: db.prepare<[string], { id: number }>('SELECT id FROM trend_terms WHERE term = ?'),
    add: db.prepare<[string]>('INSERT INTO trend_terms (term) VALUES (?)'),
    // A paper's links in one statement (its term ids as a JSON array), not one per term: at a bulk
    // ingest the per-statement cost was most of the terms' time.
    link: db.prepare<[string, string]>('INSERT OR IGNORE INTO paper_terms (paper_id, term_id) SELECT ?, value FROM json_each(?)'),
    clear: db.prepare<[string]>('DELETE FROM paper_terms WHERE paper_id = ?'),
  };
  const ids = new Map<string, number>();
  // Ids are given in the order terms are first met, as one INSERT per term gave them.
  const termId = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) {
      id = q.find.get(term)?.id ?? Number(q.add.run(term).lastInsertRowid);
      if (ids.size >= MAX_CACHED) ids.clear();
      ids.set(term, id);
    }
    return id;
  };
  return {
    set(paperId, title, keywords, fresh = false) {
      if (!fresh) q.clear.run(paperId);
      const terms = paperTerms(title, keywords);
      if (!terms.length) return;
      let list = '[';
      for (let i = 0; i < terms.length; i++) list += (i ? ',' : '') + termId(terms[i]!);
      q.link.run(paperId, `${list}]`);
    },
    remove(paperId) {
      q.clear.run(paperId);
    },
    reset() {
      ids.clear();
    },
  };
}

const PAGE = 5000;

/**
 * Computes every paper's terms when the store's were made under another rule version (or never:
 * a store from before migration 010). Runs once, under the write lock (IMMEDIATE), re-reading the
 * version inside it, so two processes opening one store fill it once and an ingest waits rather
 * than writing papers the fill would miss. Returns the papers filled, or undefined when up to date.
 */
export function fillSqliteTrendTerms(db: Db): number | undefined {
  const version = db.prepare<[], { v: number }>('SELECT rule_version AS v FROM trend_terms_fill WHERE id = 1');
  // A read without the lock: an up-to-date store (every start but one) never takes it.
  if (version.get()?.v === TERMS_RULE_VERSION) return undefined;
  const writer = createSqliteTermWriter(db);
  const page = db.prepare<[number, number], { id: string; title: string; keywords: string; seq: number }>(
    'SELECT id, title, keywords, seq FROM papers WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const fill = db.transaction((): number | undefined => {
    if (version.get()?.v === TERMS_RULE_VERSION) return undefined;
    // The term_day_counts triggers (migration 012) are set aside while the terms are rewritten (even
    // a trigger that does nothing triples the fill: ~2M rows) and the counts rebuilt in one statement
    // below; they come back from their own stored SQL, in this transaction.
    const triggers = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'paper_terms'").all();
    for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
    db.exec('DELETE FROM trend_terms_fill');
    db.exec('DELETE FROM paper_terms');
    let n = 0;
    // In pages: better-sqlite3 cannot write while a statement is still iterating.
    for (let after = -1, rows = page.all(after, PAGE); rows.length; rows = page.all(after, PAGE)) {
      for (const r of rows) writer.set(r.id, r.title, JSON.parse(r.keywords) as string[]);
      n += rows.length;
      after = rows[rows.length - 1]!.seq;
    }
    db.exec(REBUILD_TERM_DAY_COUNTS_SQL);
    for (const t of triggers) db.exec(t.sql);
    db.prepare(
      `INSERT INTO trend_terms_fill (id, rule_version, filled_at) VALUES (1, ?, ?)
       ON CONFLICT (id) DO UPDATE SET rule_version = excluded.rule_version, filled_at = excluded.filled_at`,
    ).run(TERMS_RULE_VERSION, new Date().toISOString());
    return n;
  });
  return fill.immediate();
}
