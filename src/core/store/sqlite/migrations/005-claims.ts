import type { Migration } from './index.js';

export const claims005: Migration = {
  version: 5,
  name: 'digest run claims and named leases (several instances)',
  sql: `
    -- The instance posting a run and until when its lease runs; another takes the run over after that.
    ALTER TABLE digest_runs ADD COLUMN claimed_by TEXT;
    ALTER TABLE digest_runs ADD COLUMN lease_until TEXT;

    -- Named leases: the live sources run on the instance holding 'sources'.
    CREATE TABLE locks (
      name   TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      until  TEXT NOT NULL
    );
  `,
};
