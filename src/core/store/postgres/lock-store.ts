import type pg from 'pg';
import type { LockStore } from '../lock-store.js';

/** Named leases in the `locks` table: one INSERT … ON CONFLICT decides, however many instances ask. */
export function createPostgresLockStore(pool: pg.Pool): LockStore {
  return {
    async acquire(name, holder, now, until) {
      const r = await pool.query(
        `INSERT INTO locks (name, holder, until) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
         WHERE locks.holder = excluded.holder OR locks.until < $4`,
        [name, holder, until, now],
      );
      return (r.rowCount ?? 0) > 0;
    },
    async release(name, holder) {
      await pool.query('DELETE FROM locks WHERE name = $1 AND holder = $2', [name, holder]);
    },
    async holderOf(name) {
      return (await pool.query<{ holder: string }>('SELECT holder FROM locks WHERE name = $1', [name])).rows[0]?.holder;
    },
  };
}
