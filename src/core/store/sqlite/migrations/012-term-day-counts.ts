import { REBUILD_TERM_DAY_COUNTS_SQL } from '../../trends-sql.js';
import type { Migration } from './index.js';

/**
 * Papers per (term, digest day), kept by triggers as digest entries and paper terms come and go,
 * so a 26-week trends window sums ~180 days per candidate term instead of reading every earlier
 * paper's terms (~520k rows at 100k papers). n counts distinct papers: a paper listed by two
 * sources on one day counts once that day. The triggers only count while trend_terms_fill has its
 * row: a fill (sqlite/trend-terms.ts) deletes it, rewrites the terms without them, and rebuilds
 * the counts in one statement. PostgreSQL's migration 7 is the same with plpgsql trigger functions.
 */
/** The table; PostgreSQL's migration 7 creates it without WITHOUT ROWID. */
export const termDayCountsTable = (clause: string) => `
    CREATE TABLE term_day_counts (
      term_id INTEGER NOT NULL,
      day     TEXT NOT NULL,
      n       INTEGER NOT NULL,
      PRIMARY KEY (term_id, day)
    )${clause};`;

/** The OLD entry's paper leaves its day, unless another of its entries keeps it there. */
const leaveDay = `
      UPDATE term_day_counts SET n = n - 1
      WHERE day = (SELECT date FROM digests WHERE id = OLD.digest_id)
        AND term_id IN (SELECT term_id FROM paper_terms WHERE paper_id = OLD.paper_id)
        AND NOT EXISTS (SELECT 1 FROM digest_papers o JOIN digests od ON od.id = o.digest_id
                        WHERE o.paper_id = OLD.paper_id AND od.date = (SELECT date FROM digests WHERE id = OLD.digest_id));
      DELETE FROM term_day_counts WHERE n <= 0 AND day = (SELECT date FROM digests WHERE id = OLD.digest_id);`;

/** The NEW entry's paper joins its day, unless another of its entries had it there already. */
const joinDay = `
      INSERT INTO term_day_counts (term_id, day, n)
      SELECT pt.term_id, d.date, 1 FROM paper_terms pt JOIN digests d ON d.id = NEW.digest_id
      WHERE pt.paper_id = NEW.paper_id
        AND NOT EXISTS (SELECT 1 FROM digest_papers o JOIN digests od ON od.id = o.digest_id
                        WHERE o.paper_id = NEW.paper_id AND o.entry_id <> NEW.entry_id AND od.date = d.date)
      ON CONFLICT (term_id, day) DO UPDATE SET n = term_day_counts.n + 1;`;

export const termDayCounts012: Migration = {
  version: 12,
  name: 'trend term counts per day',
  sql: `${termDayCountsTable(' WITHOUT ROWID')}

    -- Row triggers fire per row as it changes (an UPDATE OR IGNORE / INSERT OR IGNORE that skips a
    -- row fires none), so "another entry of this paper that day" sees the statement's earlier rows.
    CREATE TRIGGER term_day_entry_add AFTER INSERT ON digest_papers
    WHEN EXISTS (SELECT 1 FROM trend_terms_fill)
    BEGIN${joinDay}
    END;

    CREATE TRIGGER term_day_entry_drop AFTER DELETE ON digest_papers
    WHEN EXISTS (SELECT 1 FROM trend_terms_fill)
    BEGIN${leaveDay}
    END;

    -- A re-key moves a paper's entries to its new id: the old id leaves the day, the new one joins it.
    CREATE TRIGGER term_day_entry_move AFTER UPDATE OF paper_id ON digest_papers
    WHEN EXISTS (SELECT 1 FROM trend_terms_fill)
    BEGIN${leaveDay}${joinDay}
    END;

    CREATE TRIGGER term_day_term_add AFTER INSERT ON paper_terms
    WHEN EXISTS (SELECT 1 FROM trend_terms_fill)
    BEGIN
      INSERT INTO term_day_counts (term_id, day, n)
      SELECT NEW.term_id, d.date, 1 FROM digest_papers dp JOIN digests d ON d.id = dp.digest_id
      WHERE dp.paper_id = NEW.paper_id GROUP BY d.date
      ON CONFLICT (term_id, day) DO UPDATE SET n = term_day_counts.n + 1;
    END;

    CREATE TRIGGER term_day_term_drop AFTER DELETE ON paper_terms
    WHEN EXISTS (SELECT 1 FROM trend_terms_fill)
    BEGIN
      UPDATE term_day_counts SET n = n - 1
      WHERE term_id = OLD.term_id
        AND day IN (SELECT d.date FROM digest_papers dp JOIN digests d ON d.id = dp.digest_id WHERE dp.paper_id = OLD.paper_id);
      DELETE FROM term_day_counts WHERE term_id = OLD.term_id AND n <= 0;
    END;

    ${REBUILD_TERM_DAY_COUNTS_SQL}
  `,
};
