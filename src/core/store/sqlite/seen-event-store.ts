import { MAX_SEEN_KEY_LENGTH, type SeenEventStore } from '../seen-events.js';
import type { Db } from './open.js';

/**
 * The SeenEventStore on migration 009's `seen_events`. The primary key decides: of two instances
 * inserting one key, exactly one gets a row inserted (ON CONFLICT DO NOTHING, the same on PostgreSQL).
 */
export function createSqliteSeenEventStore(db: Db): SeenEventStore {
  const insert = db.prepare('INSERT INTO seen_events (key, seen_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING');
  const forget = db.prepare('DELETE FROM seen_events WHERE seen_at < ?');
  return {
    async firstSeen(key, at) {
      if (!key || key.length > MAX_SEEN_KEY_LENGTH) throw new RangeError(`seen-event key must be 1-${MAX_SEEN_KEY_LENGTH} characters`);
      return insert.run(key, at.toISOString()).changes === 1;
    },
    async forgetBefore(before) {
      return forget.run(before.toISOString()).changes;
    },
  };
}
