import type pg from 'pg';
import { paperTerms, TERMS_RULE_VERSION } from '../../trends/terms.js';
import { REBUILD_TERM_DAY_COUNTS_SQL } from '../trends-sql.js';
import { LOCK_KEYS, withTransaction, type Queryable } from './tx.js';

/** A paper as its trend terms are computed from it (the stored, merged title and keywords). */
export interface TermSource {
  id: string;
  title: string;
  keywords: readonly string[];
}

/**
 * Replaces the trend terms of these papers (migration 5), in three statements however many papers:
 * new term texts are added (ON CONFLICT: they may be known), then the pairs are joined to their ids.
 */
export async function writePaperTermsPg(c: Queryable, papers: TermSource[]): Promise<void> {
  if (!papers.length) return;
  await c.query('DELETE FROM paper_terms WHERE paper_id = ANY($1)', [papers.map((p) => p.id)]);
  const ids: string[] = [];
  const texts: string[] = [];
  for (const p of papers) {
    for (const t of paperTerms(p.title, p.keywords)) {
      ids.push(p.id);
      texts.push(t);
    }
  }
  if (!texts.length) return;
  // Sorted: rows are inserted in one order by every writer, so two can never deadlock on them.
  await c.query('INSERT INTO trend_terms (term) SELECT t FROM unnest($1::text[]) AS u(t) ORDER BY t ON CONFLICT (term) DO NOTHING', [[...new Set(texts)]]);
  await c.query(
    `INSERT INTO paper_terms (paper_id, term_id)
     SELECT u.p, t.id FROM unnest($1::text[], $2::text[]) AS u(p, term) JOIN trend_terms t ON t.term = u.term
     ON CONFLICT DO NOTHING`,
    [ids, texts],
  );
}

const PAGE = 5000;

/**
 * Computes every paper's terms when the store's were made under another rule version (or never:
 * a database from before migration 5). Runs once, holding the ingest lock, the version re-read
 * under it: instances starting together fill once, and an ingest waits rather than writing papers
 * the fill would miss. Returns the papers filled, or undefined when up to date.
 */
export async function fillPostgresTrendTerms(pool: pg.Pool): Promise<number | undefined> {
  const version = async (c: Queryable) => (await c.query<{ v: number }>('SELECT rule_version AS v FROM trend_terms_fill WHERE id = 1')).rows[0]?.v;
  // A read without the lock: an up-to-date store (every start but one) never takes it.
  if ((await version(pool)) === TERMS_RULE_VERSION) return undefined;
  return withTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEYS.ingest]);
    if ((await version(c)) === TERMS_RULE_VERSION) return undefined;
    // The term_day_counts triggers (migration 7) are disabled while ~1M term rows are rewritten (a
    // plpgsql call per row even to do nothing) and the counts rebuilt in one statement below;
    // ALTER TABLE is transactional, so they come back with the commit or the rollback.
    await c.query('ALTER TABLE paper_terms DISABLE TRIGGER USER');
    await c.query('DELETE FROM trend_terms_fill');
    await c.query('DELETE FROM paper_terms');
    let n = 0;
    for (let after = -1; ; ) {
      const rows = (await c.query<{ id: string; title: string; keywords: string; seq: number }>('SELECT id, title, keywords, seq FROM papers WHERE seq > $1 ORDER BY seq LIMIT $2', [after, PAGE])).rows;
      if (!rows.length) break;
      await writePaperTermsPg(c, rows.map((r) => ({ id: r.id, title: r.title, keywords: JSON.parse(r.keywords) as string[] })));
      n += rows.length;
      after = rows[rows.length - 1]!.seq;
    }
    await c.query(REBUILD_TERM_DAY_COUNTS_SQL);
    await c.query('ALTER TABLE paper_terms ENABLE TRIGGER USER');
    await c.query(
      `INSERT INTO trend_terms_fill (id, rule_version, filled_at) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET rule_version = excluded.rule_version, filled_at = excluded.filled_at`,
      [TERMS_RULE_VERSION, new Date().toISOString()],
    );
    return n;
  });
}
