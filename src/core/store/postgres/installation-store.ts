import type pg from 'pg';
import type { InstallationStore } from '../installations.js';
import { withTransaction } from './tx.js';

/** The InstallationStore on PostgreSQL's `installations` and `installation_channels` (same SQL as SQLite's 009). */
export function createPostgresInstallationStore(pool: pg.Pool): InstallationStore {
  return {
    async save(platform, installationId, data, at) {
      await pool.query(
        `INSERT INTO installations (platform, installation_id, data, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, installation_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
        [platform, installationId, data, at.toISOString()],
      );
    },
    async get(platform, installationId) {
      const r = await pool.query<{ data: string }>('SELECT data FROM installations WHERE platform = $1 AND installation_id = $2', [platform, installationId]);
      return r.rows[0]?.data;
    },
    async delete(platform, installationId) {
      return withTransaction(pool, async (c) => {
        await c.query('DELETE FROM installation_channels WHERE platform = $1 AND installation_id = $2', [platform, installationId]);
        const r = await c.query('DELETE FROM installations WHERE platform = $1 AND installation_id = $2', [platform, installationId]);
        return (r.rowCount ?? 0) > 0;
      });
    },
    async count(platform) {
      return (await pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM installations WHERE platform = $1', [platform])).rows[0]?.n ?? 0;
    },
    async rememberChannel(platform, channelId, installationId, at) {
      await pool.query(
        `INSERT INTO installation_channels (platform, channel_id, installation_id, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (platform, channel_id) DO UPDATE SET installation_id = excluded.installation_id, updated_at = excluded.updated_at`,
        [platform, channelId, installationId, at.toISOString()],
      );
    },
    async installationOfChannel(platform, channelId) {
      const r = await pool.query<{ installation_id: string }>('SELECT installation_id FROM installation_channels WHERE platform = $1 AND channel_id = $2', [platform, channelId]);
      return r.rows[0]?.installation_id;
    },
  };
}
