import type Database from 'better-sqlite3';
import type { Db } from './open.js';
import { movePaperReferences } from './paper-store.js';
import { channelKey, type DigestRun, type DigestStore, type NewRun } from '../../digest/digest-store.js';
import { toRun, toSub, type RunRow, type SubRow } from '../digest-rows.js';

/** A re-keyed paper's posts follow it (called inside the paper store's ingest transaction). */
export function rekeyPosts(db: Db, fromId: string, toId: string): void {
  movePaperReferences(db, 'posts', 'paper_id', fromId, toId);
}

/** The digest store over migration 003's tables (claims: 005) in the bot's SQLite file. */
export function createSqliteDigestStore(db: Db): DigestStore {
  const s = {
    upsert: db.prepare(`
      INSERT INTO subscriptions (platform, workspace_id, channel_id, settings, entry_cursor, paused_reason, created_at, updated_at)
      VALUES (@platform, @workspaceId, @channelId, @settings, NULL, NULL, @now, @now)
      ON CONFLICT (platform, channel_id) DO UPDATE SET
        workspace_id = excluded.workspace_id, settings = excluded.settings, paused_reason = NULL, updated_at = excluded.updated_at`),
    remove: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?'),
    get: db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?'),
    listAll: db.prepare('SELECT * FROM subscriptions ORDER BY platform, workspace_id, channel_id'),
    pause: db.prepare('UPDATE subscriptions SET paused_reason = ? WHERE platform = ? AND channel_id = ?'),
    lastSlots: db.prepare(`SELECT platform, channel_id, MAX(slot) AS slot FROM digest_runs WHERE slot NOT LIKE 'manual:%' AND slot NOT LIKE 'trends:%' GROUP BY platform, channel_id`),
    lastTrendsSlots: db.prepare(`SELECT platform, channel_id, MAX(slot) AS slot FROM digest_runs WHERE slot LIKE 'trends:%' GROUP BY platform, channel_id`),
    insertRun: db.prepare(`
      INSERT INTO digest_runs (platform, channel_id, slot, status, plan, entry_cursor, detail, created_at, finished_at, claimed_by, lease_until)
      VALUES (@platform, @channelId, @slot, @status, @plan, @entryCursor, @detail, @createdAt, @finishedAt, @claimedBy, @leaseUntil)
      ON CONFLICT (platform, channel_id, slot) DO NOTHING`),
    runById: db.prepare('SELECT * FROM digest_runs WHERE id = ?'),
    cursor: db.prepare('UPDATE subscriptions SET entry_cursor = ? WHERE platform = ? AND channel_id = ?'),
    unfinished: db.prepare(`SELECT * FROM digest_runs WHERE status IN ('planned', 'posting') ORDER BY id`),
    header: db.prepare('UPDATE digest_runs SET header_message_id = ? WHERE id = ?'),
    post: db.prepare(`INSERT OR IGNORE INTO posts (platform, channel_id, paper_id, run_id, message_id, posted_at) VALUES (?, ?, ?, ?, ?, ?)`),
    // The oldest unfinished run that no live lease holds and the claimant does not hold already, on a
    // channel where no other run is being posted (under a live lease, or by the claimant itself).
    claim: db.prepare(`
      UPDATE digest_runs SET claimed_by = @owner, lease_until = @leaseUntil
      WHERE id = (SELECT r.id FROM digest_runs r
        WHERE r.status IN ('planned', 'posting') AND (r.lease_until IS NULL OR r.lease_until < @now) AND r.claimed_by IS NOT @owner
          AND r.platform IN (SELECT value FROM json_each(@platforms))
          AND NOT EXISTS (SELECT 1 FROM digest_runs o WHERE o.platform = r.platform AND o.channel_id = r.channel_id
            AND o.id <> r.id AND o.status IN ('planned', 'posting') AND (o.lease_until >= @now OR o.claimed_by = @owner))
        ORDER BY r.id LIMIT 1)
      RETURNING *`),
    renew: db.prepare(`UPDATE digest_runs SET lease_until = @leaseUntil WHERE id = @id AND claimed_by = @owner`),
    release: db.prepare(`UPDATE digest_runs SET claimed_by = NULL, lease_until = ? WHERE id = ? AND claimed_by = ?`),
    liveClaims: db.prepare(`SELECT * FROM digest_runs WHERE claimed_by = ? AND status IN ('planned', 'posting') AND lease_until >= ? ORDER BY id`),
    releaseAll: db.prepare(`UPDATE digest_runs SET claimed_by = NULL, lease_until = NULL WHERE claimed_by = ? AND status IN ('planned', 'posting')`),
    holders: db.prepare(`SELECT DISTINCT claimed_by FROM digest_runs WHERE claimed_by IS NOT NULL AND status IN ('planned', 'posting')`),
    status: db.prepare('UPDATE digest_runs SET status = ?, detail = COALESCE(?, detail), finished_at = COALESCE(?, finished_at) WHERE id = ?'),
  };

  const posted = new Map<number, Database.Statement<unknown[]>>();
  const postedStmt = (n: number): Database.Statement<unknown[]> => {
    let st = posted.get(n);
    if (!st) {
      st = db.prepare(`SELECT paper_id FROM posts WHERE platform = ? AND channel_id = ? AND paper_id IN (${Array(n).fill('?').join(',')})`);
      posted.set(n, st);
    }
    return st;
  };

  const createRun = db.transaction((run: NewRun): DigestRun | undefined => {
    const finished = run.status === 'done' || run.status === 'skipped' || run.status === 'failed';
    const info = s.insertRun.run({
      platform: run.platform,
      channelId: run.channelId,
      slot: run.slot,
      status: run.status,
      plan: JSON.stringify(run.plan),
      entryCursor: run.entryCursor,
      detail: run.detail ?? null,
      createdAt: run.createdAt,
      finishedAt: finished ? run.createdAt : null,
      claimedBy: run.claim?.owner ?? null,
      leaseUntil: run.claim?.leaseUntil ?? null,
    });
    if (info.changes === 0) return undefined;
    if (run.advanceCursor && run.entryCursor !== null) s.cursor.run(run.entryCursor, run.platform, run.channelId);
    return toRun(s.runById.get(info.lastInsertRowid) as RunRow);
  });

  const createRuns = db.transaction((runs: NewRun[]) => runs.map((r) => createRun(r)));

  return {
    async upsert(sub) {
      s.upsert.run({ ...sub, settings: JSON.stringify(sub.settings) });
    },
    async remove(platform, channelId) {
      return s.remove.run(platform, channelId).changes > 0;
    },
    async get(platform, channelId) {
      const r = s.get.get(platform, channelId) as SubRow | undefined;
      return r && toSub(r);
    },
    async list(filter = {}) {
      return (s.listAll.all() as SubRow[])
        .filter((r) => (!filter.platform || r.platform === filter.platform) && (!filter.workspaceId || r.workspace_id === filter.workspaceId) && (!filter.activeOnly || !r.paused_reason))
        .map(toSub);
    },
    async setPaused(platform, channelId, reason) {
      s.pause.run(reason, platform, channelId);
    },
    async lastSlots() {
      const out = new Map<string, string>();
      for (const r of s.lastSlots.all() as Array<{ platform: string; channel_id: string; slot: string }>) out.set(channelKey(r.platform, r.channel_id), r.slot);
      return out;
    },
    async lastTrendsSlots() {
      const out = new Map<string, string>();
      for (const r of s.lastTrendsSlots.all() as Array<{ platform: string; channel_id: string; slot: string }>) out.set(channelKey(r.platform, r.channel_id), r.slot.slice('trends:'.length));
      return out;
    },
    async createRun(run) {
      return createRun(run);
    },
    async createRuns(runs) {
      return createRuns(runs);
    },
    async unfinishedRuns(platform) {
      return (s.unfinished.all() as RunRow[]).map(toRun).filter((r) => !platform || r.platform === platform);
    },
    async postedAmong(platform, channelId, paperIds) {
      const out = new Set<string>();
      // Chunked: SQLite caps bound parameters; a catch-up can hold thousands of candidates.
      for (let i = 0; i < paperIds.length; i += 500) {
        const chunk = paperIds.slice(i, i + 500);
        const rows = postedStmt(chunk.length).all(platform, channelId, ...chunk) as Array<{ paper_id: string }>;
        for (const r of rows) out.add(r.paper_id);
      }
      return out;
    },
    async postedByChannel(paperIds) {
      const out = new Map<string, Set<string>>();
      for (let i = 0; i < paperIds.length; i += 500) {
        const chunk = paperIds.slice(i, i + 500);
        const rows = db
          .prepare(`SELECT platform, channel_id, paper_id FROM posts WHERE paper_id IN (${chunk.map(() => '?').join(',')})`)
          .all(...chunk) as Array<{ platform: string; channel_id: string; paper_id: string }>;
        for (const r of rows) {
          const key = channelKey(r.platform, r.channel_id);
          let set = out.get(key);
          if (!set) out.set(key, (set = new Set()));
          set.add(r.paper_id);
        }
      }
      return out;
    },
    async setHeader(runId, messageId) {
      s.header.run(messageId, runId);
    },
    async recordPost(p) {
      s.post.run(p.platform, p.channelId, p.paperId, p.runId, p.messageId, p.postedAt);
    },
    async claimRun(c) {
      const r = s.claim.get({ owner: c.owner, now: c.now, leaseUntil: c.leaseUntil, platforms: JSON.stringify(c.platforms) }) as RunRow | undefined;
      return r && toRun(r);
    },
    async renewClaim(runId, c) {
      return s.renew.run({ id: runId, owner: c.owner, leaseUntil: c.leaseUntil }).changes > 0;
    },
    async releaseClaim(runId, owner, notBefore) {
      s.release.run(notBefore ?? null, runId, owner);
    },
    async liveClaims(owner, now) {
      return (s.liveClaims.all(owner, now) as RunRow[]).map(toRun);
    },
    async releaseClaims(owner) {
      return s.releaseAll.run(owner).changes;
    },
    async releaseGoneClaims(isGone) {
      let freed = 0;
      // Several processes may share one SQLite file on one host; an id names one process start.
      for (const { claimed_by: owner } of s.holders.all() as Array<{ claimed_by: string }>) if (isGone(owner)) freed += s.releaseAll.run(owner).changes;
      return freed;
    },
    async setStatus(runId, status, detail, finishedAt) {
      s.status.run(status, detail ?? null, finishedAt ?? null, runId);
    },
  };
}
