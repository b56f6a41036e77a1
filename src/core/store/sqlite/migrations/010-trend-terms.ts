import type { Migration } from './index.js';

/**
 * Each paper's trend terms (src/core/trends/terms.ts), stored at ingest so the trends picture
 * counts them in SQL instead of re-deriving them from every title in the window. Term texts get
 * small integer ids: a paper has ~15 terms, and 1.5M (paper, text) rows would be mostly repeats.
 * `trend_terms_fill` records the rule version the stored terms follow; a store opened by a bot
 * with another version is refilled once (sqlite/trend-terms.ts). PostgreSQL's migration 5 is the
 * same tables without WITHOUT ROWID.
 */
export const trendTerms010: Migration = {
  version: 10,
  name: 'trend terms per paper',
  sql: `
    CREATE TABLE trend_terms (
      id   INTEGER PRIMARY KEY,
      term TEXT NOT NULL UNIQUE
    );

    -- WITHOUT ROWID: the rows are stored in (paper_id, term_id) order, so a window's papers read
    -- their terms in one range each, with no second lookup through a rowid.
    CREATE TABLE paper_terms (
      paper_id TEXT NOT NULL REFERENCES papers(id),
      term_id  INTEGER NOT NULL REFERENCES trend_terms(id),
      PRIMARY KEY (paper_id, term_id)
    ) WITHOUT ROWID;

    CREATE TABLE trend_terms_fill (
      id           INTEGER PRIMARY KEY CHECK (id = 1),
      rule_version INTEGER NOT NULL,
      filled_at    TEXT NOT NULL
    );
  `,
};
