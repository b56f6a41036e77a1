const digests003 = {
  version: 3,
  name: "subscriptions, digest runs and posts",
  sql: `
    CREATE TABLE subscriptions (
      platform       TEXT NOT NULL,
      workspace_id   TEXT NOT NULL,
      channel_id     TEXT NOT NULL,
      settings       TEXT NOT NULL,   -- JSON, validated by the subscription schema
      entry_cursor   INTEGER,         -- last digest_papers.entry_id this channel's digests considered
      paused_reason  TEXT,
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL,
      PRIMARY KEY (platform, channel_id)
    );

    -- One row per scheduled (or manual) digest of a channel: the plan is fixed when the run is
    -- created, so a restart resumes the same papers instead of choosing again.
    CREATE TABLE digest_runs (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      platform      TEXT NOT NULL,
      channel_id    TEXT NOT NULL,
      slot          TEXT NOT NULL,    -- the scheduled local slot (ISO instant) or 'manual:<iso>'
      status        TEXT NOT NULL,    -- planned | posting | done | skipped | failed
      plan          TEXT NOT NULL,    -- JSON: header text and paper ids in order
      entry_cursor  INTEGER,
      header_message_id TEXT,
      detail        TEXT,
      created_at    TEXT NOT NULL,
      finished_at   TEXT,
      UNIQUE (platform, channel_id, slot)
    );

    -- Every paper ever posted to a channel: the same paper is never posted there twice.
    CREATE TABLE posts (
      platform   TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      paper_id   TEXT NOT NULL,
      run_id     INTEGER REFERENCES digest_runs(id),
      message_id TEXT NOT NULL,
      posted_at  TEXT NOT NULL,
      PRIMARY KEY (platform, channel_id, paper_id)
    );
  `
};
export {
  digests003
};
//# sourceMappingURL=003-digests.js.map
