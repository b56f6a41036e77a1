import type { Migration } from './index.js';

/**
 * TL;DRs on papers, and each person's notes, read state and tags on their bookmarks. Kept beside
 * `bookmarks` rather than in it, so removing a bookmark and adding it back finds them again.
 * Plain SQL types only: the PostgreSQL backend creates the same tables.
 */
export const reading008: Migration = {
  version: 8,
  name: 'TL;DRs, reading notes, read state and tags',
  sql: `
    ALTER TABLE papers ADD COLUMN ai_summary TEXT;  -- Hugging Face's ai_summary
    ALTER TABLE papers ADD COLUMN tldr TEXT;        -- extractive TL;DR, computed at ingest

    CREATE TABLE reading_notes (
      platform     TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      user_id      TEXT NOT NULL,
      paper_id     TEXT NOT NULL REFERENCES papers(id),
      note         TEXT,            -- NULL: no note
      read_at      TEXT,            -- NULL: unread
      updated_at   TEXT NOT NULL,
      PRIMARY KEY (platform, workspace_id, user_id, paper_id)
    );

    CREATE TABLE reading_tags (
      platform     TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      user_id      TEXT NOT NULL,
      paper_id     TEXT NOT NULL REFERENCES papers(id),
      tag_key      TEXT NOT NULL,   -- case-folded, for matching
      tag          TEXT NOT NULL,   -- as first written
      created_at   TEXT NOT NULL,
      PRIMARY KEY (platform, workspace_id, user_id, paper_id, tag_key)
    );
    CREATE INDEX reading_tags_by_tag ON reading_tags(platform, workspace_id, user_id, tag_key);
  `,
};
