import type { Migration } from './index.js';

/** Portable SQL (no SQLite-only types or clauses) so the PostgreSQL backend can run the same schema. */
export const dmNotices011: Migration = {
  version: 11,
  name: 'personal digest notices',
  sql: `
    -- A reader's personal digest could not be delivered by direct message and was paused: they are
    -- told once, the next time they use /papers (the row is deleted as it is shown).
    CREATE TABLE dm_digest_notices (
      platform     TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      user_id      TEXT NOT NULL,
      reason       TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      PRIMARY KEY (platform, workspace_id, user_id)
    );
  `,
};
