import type { Db } from './open.js';

/**
 * Keeps term_day_counts (migration 012) right for one ingest while its triggers are set aside.
 * n(term, day) is a sum over papers (1 when the paper has the term and is listed that day), so
 * the batch takes off each touched paper's part as it was before its first change and puts on its
 * part after the batch: two statements at the end instead of a trigger run per term and entry row.
 */
export interface DayCountDelta {
  /** A batch begins; `counting`: the triggers would have counted it (trend_terms_fill has its row). */
  begin(counting: boolean): void;
  /**
   * Call before the paper's terms or digest entries change. `mayExist`: the paper may have rows
   * from before the batch (else it has no part yet, and reading it is skipped).
   */
  touch(paperId: string, mayExist: boolean): void;
  /** Applies the batch's change to the counts (inside the batch's transaction). */
  end(): void;
}

export function createDayCountDelta(db: Db): DayCountDelta {
  // A temp table: per connection, rolled back with the batch's transaction.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS term_day_before (term_id INTEGER NOT NULL, day TEXT NOT NULL)');
  const q = {
    before: db.prepare<[string, string]>(
      `INSERT INTO temp.term_day_before (term_id, day)
       SELECT pt.term_id, x.day
       FROM (SELECT DISTINCT d.date AS day FROM digest_papers dp JOIN digests d ON d.id = dp.digest_id WHERE dp.paper_id = ?) x
       CROSS JOIN paper_terms pt WHERE pt.paper_id = ?`,
    ),
    // WHERE n <> 0: a paper whose part did not change leaves its rows as they are.
    apply: db.prepare<[string]>(
      `INSERT INTO term_day_counts (term_id, day, n)
       SELECT term_id, day, n FROM (
         SELECT term_id, day, SUM(k) AS n FROM (
           SELECT pt.term_id AS term_id, x.day AS day, 1 AS k
           FROM (SELECT DISTINCT d.date AS day, dp.paper_id AS paper_id
                 FROM json_each(?) j JOIN digest_papers dp ON dp.paper_id = j.value JOIN digests d ON d.id = dp.digest_id) x
           JOIN paper_terms pt ON pt.paper_id = x.paper_id
           UNION ALL
           SELECT term_id, day, -1 AS k FROM temp.term_day_before)
         GROUP BY term_id, day)
       WHERE n <> 0
       ON CONFLICT (term_id, day) DO UPDATE SET n = term_day_counts.n + excluded.n`,
    ),
    // As the triggers do: a (term, day) no paper counts toward any more has no row.
    prune: db.prepare('DELETE FROM term_day_counts WHERE n <= 0 AND (term_id, day) IN (SELECT term_id, day FROM temp.term_day_before)'),
    clear: db.prepare('DELETE FROM temp.term_day_before'),
  };
  let counting = false;
  const touched = new Set<string>();
  return {
    begin(on) {
      counting = on;
      touched.clear();
    },
    touch(paperId, mayExist) {
      if (!counting || touched.has(paperId)) return;
      touched.add(paperId);
      if (mayExist) q.before.run(paperId, paperId);
    },
    end() {
      if (!counting || !touched.size) return;
      q.apply.run(JSON.stringify([...touched]));
      q.prune.run();
      q.clear.run();
    },
  };
}
