import type { Migration } from './index.js';

/** Plain SQL on purpose: the same statements run on PostgreSQL. */
export const installations009: Migration = {
  version: 9,
  name: 'app installations, their channels, and deliveries already seen',
  sql: `
    CREATE TABLE installations (
      platform        TEXT NOT NULL,
      installation_id TEXT NOT NULL,
      data            TEXT NOT NULL,   -- the adapter's own record (JSON); holds the bot token
      updated_at      TEXT NOT NULL,
      PRIMARY KEY (platform, installation_id)
    );

    -- Which installation reaches a channel, so a scheduled post finds its workspace token.
    CREATE TABLE installation_channels (
      platform        TEXT NOT NULL,
      channel_id      TEXT NOT NULL,
      installation_id TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      PRIMARY KEY (platform, channel_id)
    );
    CREATE INDEX installation_channels_installation ON installation_channels (platform, installation_id);

    -- Event and interaction ids already taken by some instance (Slack retries, possibly elsewhere).
    CREATE TABLE seen_events (
      key     TEXT PRIMARY KEY,
      seen_at TEXT NOT NULL
    );
    CREATE INDEX seen_events_seen_at ON seen_events (seen_at);
  `,
};
