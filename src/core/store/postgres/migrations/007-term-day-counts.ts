import { REBUILD_TERM_DAY_COUNTS_SQL } from '../../trends-sql.js';
import { termDayCountsTable } from '../../sqlite/migrations/012-term-day-counts.js';
import type { PgMigration } from './index.js';

/**
 * SQLite's 012 (papers per term and digest day, kept by triggers) in plpgsql. Deletes and updates
 * are BEFORE row triggers: they see the rows the same statement already changed but not the later
 * ones, so two entries of one paper on one day removed in one statement count down once. Inserts
 * are AFTER row triggers, which fire only for rows an ON CONFLICT DO NOTHING really inserted.
 */
export const termDayCounts007: PgMigration = {
  version: 7,
  name: 'trend term counts per day',
  sql: `
${termDayCountsTable('')}

    -- The paper's terms join (+1) or leave (-1) the day, unless another entry (not entry_id) keeps it there.
    CREATE FUNCTION term_day_shift(p_paper TEXT, p_digest INTEGER, p_entry INTEGER, p_by INTEGER) RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE the_day TEXT;
    BEGIN
      SELECT date INTO the_day FROM digests WHERE id = p_digest;
      IF EXISTS (SELECT 1 FROM digest_papers o JOIN digests od ON od.id = o.digest_id
                 WHERE o.paper_id = p_paper AND o.entry_id <> p_entry AND od.date = the_day) THEN
        RETURN;
      END IF;
      INSERT INTO term_day_counts (term_id, day, n)
      SELECT pt.term_id, the_day, p_by FROM paper_terms pt WHERE pt.paper_id = p_paper
      ON CONFLICT (term_id, day) DO UPDATE SET n = term_day_counts.n + p_by;
      DELETE FROM term_day_counts WHERE day = the_day AND n <= 0;
    END $fn$;

    CREATE FUNCTION term_day_entry() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF EXISTS (SELECT 1 FROM trend_terms_fill) THEN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN PERFORM term_day_shift(OLD.paper_id, OLD.digest_id, OLD.entry_id, -1); END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM term_day_shift(NEW.paper_id, NEW.digest_id, NEW.entry_id, 1); END IF;
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $fn$;

    CREATE TRIGGER term_day_entry_add AFTER INSERT ON digest_papers FOR EACH ROW EXECUTE FUNCTION term_day_entry();
    CREATE TRIGGER term_day_entry_drop BEFORE DELETE ON digest_papers FOR EACH ROW EXECUTE FUNCTION term_day_entry();
    CREATE TRIGGER term_day_entry_move BEFORE UPDATE OF paper_id ON digest_papers FOR EACH ROW EXECUTE FUNCTION term_day_entry();

    CREATE FUNCTION term_day_term() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      IF EXISTS (SELECT 1 FROM trend_terms_fill) THEN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO term_day_counts (term_id, day, n)
          SELECT NEW.term_id, d.date, 1 FROM digest_papers dp JOIN digests d ON d.id = dp.digest_id
          WHERE dp.paper_id = NEW.paper_id GROUP BY d.date
          ON CONFLICT (term_id, day) DO UPDATE SET n = term_day_counts.n + 1;
        ELSE
          UPDATE term_day_counts SET n = n - 1
          WHERE term_id = OLD.term_id
            AND day IN (SELECT d.date FROM digest_papers dp JOIN digests d ON d.id = dp.digest_id WHERE dp.paper_id = OLD.paper_id);
          DELETE FROM term_day_counts WHERE term_id = OLD.term_id AND n <= 0;
        END IF;
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END $fn$;

    CREATE TRIGGER term_day_term_add AFTER INSERT ON paper_terms FOR EACH ROW EXECUTE FUNCTION term_day_term();
    CREATE TRIGGER term_day_term_drop BEFORE DELETE ON paper_terms FOR EACH ROW EXECUTE FUNCTION term_day_term();

    ${REBUILD_TERM_DAY_COUNTS_SQL}
  `,
};
