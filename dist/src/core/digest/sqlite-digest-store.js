import { channelKey } from "./digest-store.js";
const toSub = (r) => ({
  platform: r.platform,
  workspaceId: r.workspace_id,
  channelId: r.channel_id,
  settings: JSON.parse(r.settings),
  entryCursor: r.entry_cursor,
  pausedReason: r.paused_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at
});
const toRun = (r) => ({
  id: r.id,
  platform: r.platform,
  channelId: r.channel_id,
  slot: r.slot,
  status: r.status,
  plan: JSON.parse(r.plan),
  entryCursor: r.entry_cursor,
  headerMessageId: r.header_message_id,
  detail: r.detail,
  createdAt: r.created_at
});
function createSqliteDigestStore(db) {
  const s = {
    upsert: db.prepare(`
      INSERT INTO subscriptions (platform, workspace_id, channel_id, settings, entry_cursor, paused_reason, created_at, updated_at)
      VALUES (@platform, @workspaceId, @channelId, @settings, NULL, NULL, @now, @now)
      ON CONFLICT (platform, channel_id) DO UPDATE SET
        workspace_id = excluded.workspace_id, settings = excluded.settings, paused_reason = NULL, updated_at = excluded.updated_at`),
    remove: db.prepare("DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?"),
    get: db.prepare("SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?"),
    listAll: db.prepare("SELECT * FROM subscriptions ORDER BY platform, workspace_id, channel_id"),
    pause: db.prepare("UPDATE subscriptions SET paused_reason = ? WHERE platform = ? AND channel_id = ?"),
    lastSlots: db.prepare(`SELECT platform, channel_id, MAX(slot) AS slot FROM digest_runs WHERE slot NOT LIKE 'manual:%' GROUP BY platform, channel_id`),
    insertRun: db.prepare(`
      INSERT INTO digest_runs (platform, channel_id, slot, status, plan, entry_cursor, detail, created_at, finished_at)
      VALUES (@platform, @channelId, @slot, @status, @plan, @entryCursor, @detail, @createdAt, @finishedAt)
      ON CONFLICT (platform, channel_id, slot) DO NOTHING`),
    runById: db.prepare("SELECT * FROM digest_runs WHERE id = ?"),
    cursor: db.prepare("UPDATE subscriptions SET entry_cursor = ? WHERE platform = ? AND channel_id = ?"),
    unfinished: db.prepare(`SELECT * FROM digest_runs WHERE status IN ('planned', 'posting') ORDER BY id`),
    header: db.prepare("UPDATE digest_runs SET header_message_id = ? WHERE id = ?"),
    post: db.prepare(`INSERT OR IGNORE INTO posts (platform, channel_id, paper_id, run_id, message_id, posted_at) VALUES (?, ?, ?, ?, ?, ?)`),
    message: db.prepare(`INSERT OR IGNORE INTO messages (platform, channel_id, message_id, paper_id, created_at) VALUES (?, ?, ?, ?, ?)`),
    status: db.prepare("UPDATE digest_runs SET status = ?, detail = COALESCE(?, detail), finished_at = COALESCE(?, finished_at) WHERE id = ?")
  };
  const posted = /* @__PURE__ */ new Map();
  const postedStmt = (n) => {
    let st = posted.get(n);
    if (!st) {
      st = db.prepare(`SELECT paper_id FROM posts WHERE platform = ? AND channel_id = ? AND paper_id IN (${Array(n).fill("?").join(",")})`);
      posted.set(n, st);
    }
    return st;
  };
  const createRun = db.transaction((run) => {
    const finished = run.status === "done" || run.status === "skipped" || run.status === "failed";
    const info = s.insertRun.run({
      platform: run.platform,
      channelId: run.channelId,
      slot: run.slot,
      status: run.status,
      plan: JSON.stringify(run.plan),
      entryCursor: run.entryCursor,
      detail: run.detail ?? null,
      createdAt: run.createdAt,
      finishedAt: finished ? run.createdAt : null
    });
    if (info.changes === 0) return void 0;
    if (run.advanceCursor && run.entryCursor !== null) s.cursor.run(run.entryCursor, run.platform, run.channelId);
    return toRun(s.runById.get(info.lastInsertRowid));
  });
  const createRuns = db.transaction((runs) => runs.map((r) => createRun(r)));
  const recordPost = db.transaction((p) => {
    s.post.run(p.platform, p.channelId, p.paperId, p.runId, p.messageId, p.postedAt);
    s.message.run(p.platform, p.channelId, p.messageId, p.paperId, p.postedAt);
  });
  return {
    async upsert(sub) {
      s.upsert.run({ ...sub, settings: JSON.stringify(sub.settings) });
    },
    async remove(platform, channelId) {
      return s.remove.run(platform, channelId).changes > 0;
    },
    async get(platform, channelId) {
      const r = s.get.get(platform, channelId);
      return r && toSub(r);
    },
    async list(filter = {}) {
      return s.listAll.all().filter((r) => (!filter.platform || r.platform === filter.platform) && (!filter.workspaceId || r.workspace_id === filter.workspaceId) && (!filter.activeOnly || !r.paused_reason)).map(toSub);
    },
    async setPaused(platform, channelId, reason) {
      s.pause.run(reason, platform, channelId);
    },
    async lastSlots() {
      const out = /* @__PURE__ */ new Map();
      for (const r of s.lastSlots.all()) out.set(channelKey(r.platform, r.channel_id), r.slot);
      return out;
    },
    async createRun(run) {
      return createRun(run);
    },
    async createRuns(runs) {
      return createRuns(runs);
    },
    async unfinishedRuns(platform) {
      return s.unfinished.all().map(toRun).filter((r) => !platform || r.platform === platform);
    },
    async postedAmong(platform, channelId, paperIds) {
      const out = /* @__PURE__ */ new Set();
      for (let i = 0; i < paperIds.length; i += 500) {
        const chunk = paperIds.slice(i, i + 500);
        const rows = postedStmt(chunk.length).all(platform, channelId, ...chunk);
        for (const r of rows) out.add(r.paper_id);
      }
      return out;
    },
    async postedByChannel(paperIds) {
      const out = /* @__PURE__ */ new Map();
      for (let i = 0; i < paperIds.length; i += 500) {
        const chunk = paperIds.slice(i, i + 500);
        const rows = db.prepare(`SELECT platform, channel_id, paper_id FROM posts WHERE paper_id IN (${chunk.map(() => "?").join(",")})`).all(...chunk);
        for (const r of rows) {
          const key = channelKey(r.platform, r.channel_id);
          let set = out.get(key);
          if (!set) out.set(key, set = /* @__PURE__ */ new Set());
          set.add(r.paper_id);
        }
      }
      return out;
    },
    async setHeader(runId, messageId) {
      s.header.run(messageId, runId);
    },
    async recordPost(p) {
      recordPost(p);
    },
    async setStatus(runId, status, detail, finishedAt) {
      s.status.run(status, detail ?? null, finishedAt ?? null, runId);
    }
  };
}
export {
  createSqliteDigestStore
};
//# sourceMappingURL=sqlite-digest-store.js.map
