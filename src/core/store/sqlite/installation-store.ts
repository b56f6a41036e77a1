import type { InstallationStore } from '../installations.js';
import type { Db } from './open.js';

/** The InstallationStore on migration 009's `installations` and `installation_channels`. */
export function createSqliteInstallationStore(db: Db): InstallationStore {
  const q = {
    save: db.prepare(
      `INSERT INTO installations (platform, installation_id, data, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (platform, installation_id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    ),
    get: db.prepare<[string, string], { data: string }>('SELECT data FROM installations WHERE platform = ? AND installation_id = ?'),
    delete: db.prepare('DELETE FROM installations WHERE platform = ? AND installation_id = ?'),
    deleteChannels: db.prepare('DELETE FROM installation_channels WHERE platform = ? AND installation_id = ?'),
    count: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM installations WHERE platform = ?'),
    remember: db.prepare(
      `INSERT INTO installation_channels (platform, channel_id, installation_id, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET installation_id = excluded.installation_id, updated_at = excluded.updated_at`,
    ),
    channel: db.prepare<[string, string], { installation_id: string }>(
      'SELECT installation_id FROM installation_channels WHERE platform = ? AND channel_id = ?',
    ),
  };
  const deleteBoth = db.transaction((platform: string, installationId: string) => {
    q.deleteChannels.run(platform, installationId);
    return q.delete.run(platform, installationId).changes > 0;
  });

  return {
    async save(platform, installationId, data, at) {
      q.save.run(platform, installationId, data, at.toISOString());
    },
    async get(platform, installationId) {
      return q.get.get(platform, installationId)?.data;
    },
    async delete(platform, installationId) {
      return deleteBoth(platform, installationId);
    },
    async count(platform) {
      return q.count.get(platform)?.n ?? 0;
    },
    async rememberChannel(platform, channelId, installationId, at) {
      q.remember.run(platform, channelId, installationId, at.toISOString());
    },
    async installationOfChannel(platform, channelId) {
      return q.channel.get(platform, channelId)?.installation_id;
    },
  };
}
