import type pg from 'pg';
import { channelKey, type DigestRun, type DigestStore, type NewRun } from '../../digest/digest-store.js';
import { toRun, toSub, type RunRow, type SubRow } from '../digest-rows.js';
import { movePaperReferences, withTransaction, type Queryable } from './tx.js';

/** A re-keyed paper's posts follow it (inside the paper store's ingest transaction). */
export const rekeyPostsPg = (c: Queryable, fromId: string, toId: string) => movePaperReferences(c, 'posts', ['platform', 'channel_id'], fromId, toId);

async function insertRun(c: Queryable, run: NewRun): Promise<DigestRun | undefined> {
  const finished = run.status === 'done' || run.status === 'skipped' || run.status === 'failed';
  // ON CONFLICT DO NOTHING: every instance may plan the same minute; the slot's run is created once.
  const r = await c.query<RunRow>(
    `INSERT INTO digest_runs (platform, channel_id, slot, status, plan, entry_cursor, detail, created_at, finished_at, claimed_by, lease_until)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (platform, channel_id, slot) DO NOTHING RETURNING *`,
    [run.platform, run.channelId, run.slot, run.status, JSON.stringify(run.plan), run.entryCursor, run.detail ?? null, run.createdAt, finished ? run.createdAt : null, run.claim?.owner ?? null, run.claim?.leaseUntil ?? null],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  if (run.advanceCursor && run.entryCursor !== null) {
    await c.query('UPDATE subscriptions SET entry_cursor = $1 WHERE platform = $2 AND channel_id = $3', [run.entryCursor, run.platform, run.channelId]);
  }
  return toRun(row);
}

/** The digest store on PostgreSQL: what several instances share to post each digest once. */
export function createPostgresDigestStore(pool: pg.Pool): DigestStore {
  const postedMap = async (sql: string, params: unknown[]) => {
    const out = new Map<string, Set<string>>();
    for (const r of (await pool.query<{ platform: string; channel_id: string; paper_id: string }>(sql, params)).rows) {
      const key = channelKey(r.platform, r.channel_id);
      let set = out.get(key);
      if (!set) out.set(key, (set = new Set()));
      set.add(r.paper_id);
    }
    return out;
  };

  const releaseClaims = async (owner: string) =>
    (await pool.query(`UPDATE digest_runs SET claimed_by = NULL, lease_until = NULL WHERE claimed_by = $1 AND status IN ('planned', 'posting')`, [owner])).rowCount ?? 0;

  return {
    async upsert(sub) {
      await pool.query(
        `INSERT INTO subscriptions (platform, workspace_id, channel_id, settings, entry_cursor, paused_reason, created_at, updated_at)
         VALUES ($1, $2, $3, $4, NULL, NULL, $5, $5)
         ON CONFLICT (platform, channel_id) DO UPDATE SET
           workspace_id = excluded.workspace_id, settings = excluded.settings, paused_reason = NULL, updated_at = excluded.updated_at`,
        [sub.platform, sub.workspaceId, sub.channelId, JSON.stringify(sub.settings), sub.now],
      );
    },
    async remove(platform, channelId) {
      return ((await pool.query('DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2', [platform, channelId])).rowCount ?? 0) > 0;
    },
    async get(platform, channelId) {
      const r = (await pool.query<SubRow>('SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2', [platform, channelId])).rows[0];
      return r && toSub(r);
    },
    async list(filter = {}) {
      const r = await pool.query<SubRow>(
        `SELECT * FROM subscriptions WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR workspace_id = $2)
           AND (NOT $3 OR paused_reason IS NULL) ORDER BY platform, workspace_id, channel_id`,
        [filter.platform ?? null, filter.workspaceId ?? null, filter.activeOnly ?? false],
      );
      return r.rows.map(toSub);
    },
    async setPaused(platform, channelId, reason) {
      await pool.query('UPDATE subscriptions SET paused_reason = $1 WHERE platform = $2 AND channel_id = $3', [reason, platform, channelId]);
    },
    async lastSlots() {
      const out = new Map<string, string>();
      const r = await pool.query<{ platform: string; channel_id: string; slot: string }>(`SELECT platform, channel_id, MAX(slot) AS slot FROM digest_runs WHERE slot NOT LIKE 'manual:%' AND slot NOT LIKE 'trends:%' GROUP BY platform, channel_id`);
      for (const row of r.rows) out.set(channelKey(row.platform, row.channel_id), row.slot);
      return out;
    },
    async lastTrendsSlots() {
      const out = new Map<string, string>();
      const r = await pool.query<{ platform: string; channel_id: string; slot: string }>(`SELECT platform, channel_id, MAX(slot) AS slot FROM digest_runs WHERE slot LIKE 'trends:%' GROUP BY platform, channel_id`);
      for (const row of r.rows) out.set(channelKey(row.platform, row.channel_id), row.slot.slice('trends:'.length));
      return out;
    },
    createRun: (run) => withTransaction(pool, (c) => insertRun(c, run)),
    createRuns: (runs) =>
      withTransaction(pool, async (c) => {
        const out: Array<DigestRun | undefined> = [];
        for (const run of runs) out.push(await insertRun(c, run));
        return out;
      }),
    async unfinishedRuns(platform) {
      const r = await pool.query<RunRow>(`SELECT * FROM digest_runs WHERE status IN ('planned', 'posting') AND ($1::text IS NULL OR platform = $1) ORDER BY id`, [platform ?? null]);
      return r.rows.map(toRun);
    },
    async postedAmong(platform, channelId, paperIds) {
      const m = await postedMap('SELECT platform, channel_id, paper_id FROM posts WHERE platform = $1 AND channel_id = $2 AND paper_id = ANY($3)', [platform, channelId, paperIds]);
      return m.get(channelKey(platform, channelId)) ?? new Set();
    },
    postedByChannel: (paperIds) => postedMap('SELECT platform, channel_id, paper_id FROM posts WHERE paper_id = ANY($1)', [paperIds]),
    async setHeader(runId, messageId) {
      await pool.query('UPDATE digest_runs SET header_message_id = $1 WHERE id = $2', [messageId, runId]);
    },
    async recordPost(p) {
      await pool.query(
        'INSERT INTO posts (platform, channel_id, paper_id, run_id, message_id, posted_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
        [p.platform, p.channelId, p.paperId, p.runId, p.messageId, p.postedAt],
      );
    },
    async setStatus(runId, status, detail, finishedAt) {
      await pool.query('UPDATE digest_runs SET status = $1, detail = COALESCE($2, detail), finished_at = COALESCE($3, finished_at) WHERE id = $4', [status, detail ?? null, finishedAt ?? null, runId]);
    },
    async claimRun(c) {
      // SKIP LOCKED: instances claiming at the same moment take different runs instead of queueing.
      // A run the claimant holds already is never taken again, however late its lease: the claimant
      // is alive (it is asking), so one of its workers is still posting it (the SQLite backend's rule).
      const r = await pool.query<RunRow>(
        `UPDATE digest_runs SET claimed_by = $1, lease_until = $3
         WHERE id = (SELECT r.id FROM digest_runs r
           WHERE r.status IN ('planned', 'posting') AND (r.lease_until IS NULL OR r.lease_until < $2) AND r.claimed_by IS DISTINCT FROM $1
             AND r.platform = ANY($4)
             AND NOT EXISTS (SELECT 1 FROM digest_runs o WHERE o.platform = r.platform AND o.channel_id = r.channel_id
               AND o.id <> r.id AND o.status IN ('planned', 'posting') AND (o.lease_until >= $2 OR o.claimed_by = $1))
           ORDER BY r.id LIMIT 1 FOR UPDATE SKIP LOCKED)
           AND (lease_until IS NULL OR lease_until < $2) AND claimed_by IS DISTINCT FROM $1
         RETURNING *`,
        [c.owner, c.now, c.leaseUntil, c.platforms],
      );
      const row = r.rows[0];
      return row && toRun(row);
    },
    async renewClaim(runId, c) {
      return ((await pool.query('UPDATE digest_runs SET lease_until = $1 WHERE id = $2 AND claimed_by = $3', [c.leaseUntil, runId, c.owner])).rowCount ?? 0) > 0;
    },
    async releaseClaim(runId, owner, notBefore) {
      await pool.query('UPDATE digest_runs SET claimed_by = NULL, lease_until = $3 WHERE id = $1 AND claimed_by = $2', [runId, owner, notBefore ?? null]);
    },
    async liveClaims(owner, now) {
      const r = await pool.query<RunRow>(`SELECT * FROM digest_runs WHERE claimed_by = $1 AND status IN ('planned', 'posting') AND lease_until >= $2 ORDER BY id`, [owner, now]);
      return r.rows.map(toRun);
    },
    releaseClaims,
    async releaseGoneClaims(isGone) {
      const holders = await pool.query<{ claimed_by: string }>(`SELECT DISTINCT claimed_by FROM digest_runs WHERE claimed_by IS NOT NULL AND status IN ('planned', 'posting')`);
      let freed = 0;
      // Per holder and only that holder's rows: an id names one process start, so a gone holder never comes back.
      for (const { claimed_by: owner } of holders.rows) if (isGone(owner)) freed += await releaseClaims(owner);
      return freed;
    },
  };
}
