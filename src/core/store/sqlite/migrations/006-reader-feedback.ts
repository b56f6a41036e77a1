import type { Migration } from './index.js';

/** Portable SQL (no SQLite-only types or clauses) so the PostgreSQL backend can run the same schema. */
export const readerFeedback006: Migration = {
  version: 6,
  name: 'reader feedback: not interested, pins',
  sql: `
    -- "Not interested": a negative example for that reader's recommendations, until undone.
    CREATE TABLE dismissals (
      platform     TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      user_id      TEXT NOT NULL,
      paper_id     TEXT NOT NULL REFERENCES papers(id),
      created_at   TEXT NOT NULL,
      PRIMARY KEY (platform, workspace_id, user_id, paper_id)
    );

    -- Authors or keywords a reader pinned; pin_key is the text lower-cased, for one pin per spelling.
    CREATE TABLE pins (
      platform     TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      user_id      TEXT NOT NULL,
      pin_key      TEXT NOT NULL,
      pin          TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      PRIMARY KEY (platform, workspace_id, user_id, pin_key)
    );
  `,
};
