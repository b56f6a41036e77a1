import type pg from 'pg';
import { MAX_SEEN_KEY_LENGTH, type SeenEventStore } from '../seen-events.js';

/** The SeenEventStore on PostgreSQL: the primary key decides which instance saw a key first. */
export function createPostgresSeenEventStore(pool: pg.Pool): SeenEventStore {
  return {
    async firstSeen(key, at) {
      if (!key || key.length > MAX_SEEN_KEY_LENGTH) throw new RangeError(`seen-event key must be 1-${MAX_SEEN_KEY_LENGTH} characters`);
      const r = await pool.query('INSERT INTO seen_events (key, seen_at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, at.toISOString()]);
      return r.rowCount === 1;
    },
    async forgetBefore(before) {
      return (await pool.query('DELETE FROM seen_events WHERE seen_at < $1', [before.toISOString()])).rowCount ?? 0;
    },
  };
}
