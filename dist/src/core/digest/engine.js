import { systemClock } from "../clock.js";
import { UserError } from "../errors.js";
import { silentLogger } from "../logger.js";
import { noMetrics } from "../metrics.js";
import { channelKey } from "./digest-store.js";
import { DEFAULT_RETRY, DIGEST_STOPPED, postRun } from "./post-run.js";
import { decideDue, nextSlot } from "./schedule.js";
import { createSqliteDigestStore } from "./sqlite-digest-store.js";
import { newSelectionCache } from "./select.js";
import { describeSettings, parseSubscriptionSettings, scheduleOf } from "./subscription.js";
import { formatLocal } from "./format-time.js";
import { buildRun, planRun, previewReply } from "./plan-run.js";
function createDigestEngine(opts) {
  const store = opts.store ?? (opts.db ? createSqliteDigestStore(opts.db) : void 0);
  if (!store) throw new Error("createDigestEngine needs a db or a store");
  const clock = opts.clock ?? systemClock;
  const logger = (opts.logger ?? silentLogger).child({ module: "digest" });
  const maxLatenessMs = opts.maxLatenessMs ?? 6 * 36e5;
  const retry = { ...DEFAULT_RETRY, ...opts.retry };
  const concurrency = opts.concurrency ?? 32;
  const metrics = opts.metrics ?? noMetrics;
  const publishers = /* @__PURE__ */ new Map();
  const lastPostAt = /* @__PURE__ */ new Map();
  const inFlight = /* @__PURE__ */ new Set();
  let planning = Promise.resolve();
  const unwanted = (sub) => !sub ? "channel unsubscribed" : sub.pausedReason ? `channel paused (${sub.pausedReason})` : void 0;
  const stopReason = async (platform, channelId) => unwanted(await store.get(platform, channelId));
  const deps = (cache) => ({ papers: opts.papers, search: opts.search, logger, cache, store, clock });
  async function planDue(now) {
    const started = performance.now();
    const report = { planned: 0, skipped: 0, empty: 0, posted: 0, paused: 0, stopped: 0, planMs: 0 };
    const subs = (await store.list({ activeOnly: true })).filter((s) => publishers.has(s.platform));
    const last = await store.lastSlots();
    const byKey = new Map(subs.map((s) => [channelKey(s.platform, s.channelId), s]));
    const decisions = decideDue(
      subs.map((s) => {
        const key = channelKey(s.platform, s.channelId);
        const lastSlot = last.get(key);
        return { key, schedule: scheduleOf(s.settings), notBeforeMs: Date.parse(s.updatedAt), lastSlotMs: lastSlot ? Date.parse(lastSlot) : void 0 };
      }),
      now.getTime(),
      maxLatenessMs
    );
    const cache = newSelectionCache();
    const runs = await Promise.all(
      decisions.map(async (dec) => {
        const sub = byKey.get(dec.key);
        const slot = new Date(dec.slotMs).toISOString();
        if (dec.action === "run") return buildRun(deps(cache), sub, slot, now);
        logger.warn({ platform: sub.platform, channelId: sub.channelId, slot, latenessMs: dec.latenessMs, maxLatenessMs }, "digest slot missed while down; too late to post, skipped");
        return { platform: sub.platform, channelId: sub.channelId, slot, status: "skipped", plan: { header: "", paperIds: [] }, entryCursor: sub.entryCursor, advanceCursor: false, detail: `missed by ${Math.round(dec.latenessMs / 6e4)} min`, createdAt: now.toISOString() };
      })
    );
    for (const run of await store.createRuns(runs)) {
      if (run?.status === "planned") report.planned++;
      else if (run?.status === "skipped") {
        report.skipped++;
        metrics.digest(run.platform, "skipped");
      } else if (run) report.empty++;
    }
    report.planMs = performance.now() - started;
    return report;
  }
  async function execute(report, now) {
    const subs = new Map((await store.list()).map((s) => [channelKey(s.platform, s.channelId), s]));
    const byChannel = /* @__PURE__ */ new Map();
    const stale = [];
    const unwantedRuns = [];
    for (const run of await store.unfinishedRuns()) {
      const key = channelKey(run.platform, run.channelId);
      if (!publishers.has(run.platform)) continue;
      if (inFlight.has(key) && !byChannel.has(key)) continue;
      const reason = unwanted(subs.get(key));
      if (reason) unwantedRuns.push({ run, reason });
      else if (now.getTime() - Date.parse(run.createdAt) > maxLatenessMs) stale.push(run);
      else {
        inFlight.add(key);
        byChannel.set(key, [...byChannel.get(key) ?? [], run]);
      }
    }
    for (const { run, reason } of unwantedRuns) {
      await store.setStatus(run.id, "skipped", `not resumed: ${reason}`, now.toISOString());
      report.stopped++;
      logger.info({ platform: run.platform, channelId: run.channelId, runId: run.id, reason }, DIGEST_STOPPED);
    }
    for (const run of stale) {
      await store.setStatus(run.id, "skipped", "interrupted and too late to resume", now.toISOString());
      logger.warn({ platform: run.platform, channelId: run.channelId, runId: run.id }, "interrupted digest too old to resume; skipped");
      metrics.digest(run.platform, "skipped");
    }
    const queue = [...byChannel.entries()];
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const [key, runs] = item;
        try {
          for (const run of runs) {
            const out = await postRun({ store, papers: opts.papers, publisher: publishers.get(run.platform), clock, logger, retry, lastPostAt, stopReason, metrics }, run);
            report.posted += out.posted;
            if (out.status === "stopped") report.stopped++;
            if (out.status === "paused") report.paused++;
          }
        } catch (err) {
          logger.error({ err, channel: key }, "digest posting failed");
        } finally {
          inFlight.delete(key);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  }
  const plan = (now = clock.now()) => {
    const p = planning.then(() => planDue(now));
    planning = p.catch(() => void 0);
    return p;
  };
  async function tick(now = clock.now()) {
    const report = await plan(now);
    await execute(report, now);
    return report;
  }
  function requireAdmin(caller, what) {
    if (!caller.isAdmin) throw new UserError(`only an admin can ${what}`);
  }
  const nextText = (s, afterMs) => {
    const n = nextSlot(scheduleOf(s), afterMs);
    return n === void 0 ? "no upcoming slot within a year" : formatLocal(n, s.tz);
  };
  return {
    setPublisher(p) {
      publishers.set(p.platform, p);
    },
    tick,
    plan,
    async catchUp() {
      const pending = await store.unfinishedRuns();
      if (pending.length) logger.info({ runs: pending.length }, "resuming interrupted digests");
      return tick();
    },
    async subscribe(caller, raw) {
      requireAdmin(caller, "change this channel\u2019s digest");
      const settings = parseSubscriptionSettings(raw);
      const now = clock.now();
      await store.upsert({ platform: caller.platform, workspaceId: caller.workspaceId, channelId: caller.channelId, settings, now: now.toISOString() });
      return { text: `Subscribed: ${describeSettings(settings)}. Next digest: ${nextText(settings, now.getTime())}.`, ephemeral: false };
    },
    async unsubscribe(caller) {
      requireAdmin(caller, "change this channel\u2019s digest");
      const removed = await store.remove(caller.platform, caller.channelId);
      return { text: removed ? "Unsubscribed: this channel gets no more digests." : "This channel had no digest subscription.", ephemeral: !removed };
    },
    async list(caller) {
      const subs = await store.list({ platform: caller.platform, workspaceId: caller.workspaceId });
      if (!subs.length) return { text: "No channel here has a digest. Subscribe one with `subscribe --time 09:00 --tz Europe/Berlin`.", ephemeral: true };
      const now = clock.now().getTime();
      const lines = subs.map((s) => `\u2022 ${s.channelId}${s.channelId === caller.channelId ? " (this channel)" : ""}: ${describeSettings(s.settings)}${s.pausedReason ? ` \u2014 PAUSED (${s.pausedReason}); subscribe again to resume` : ` \u2014 next: ${nextText(s.settings, now)}`}`);
      return { text: `Digest subscriptions (${subs.length}):
${lines.join("\n")}`, ephemeral: true };
    },
    async preview(caller) {
      const sub = await store.get(caller.platform, caller.channelId);
      return previewReply(deps(newSelectionCache()), caller, sub);
    },
    async runNow(caller) {
      requireAdmin(caller, "post a digest now");
      const publisher = publishers.get(caller.platform);
      if (!publisher) throw new UserError(`digests cannot be posted on ${caller.platform} right now (no publisher configured)`);
      const key = channelKey(caller.platform, caller.channelId);
      if (inFlight.has(key)) return { text: "A digest is being posted in this channel right now.", ephemeral: true };
      inFlight.add(key);
      try {
        const sub = await store.get(caller.platform, caller.channelId);
        const now = clock.now();
        const target = sub ?? { platform: caller.platform, workspaceId: caller.workspaceId, channelId: caller.channelId, settings: parseSubscriptionSettings({}), entryCursor: null, pausedReason: null, createdAt: "", updatedAt: "" };
        const run = await planRun(deps(newSelectionCache()), target, `manual:${now.toISOString()}`, now, { manual: true, persistCursor: sub !== void 0 });
        if (!run || run.status !== "planned") return { text: "Nothing new to post: every recent paper was already posted here.", ephemeral: true };
        const out = await postRun({ store, papers: opts.papers, publisher, clock, logger, retry, lastPostAt, metrics }, run);
        if (out.status === "paused") return { text: `Posting failed and the channel's digest is paused: ${out.reason}`, ephemeral: true, error: true };
        return { text: `Posted ${out.posted} paper${out.posted === 1 ? "" : "s"} to this channel.`, ephemeral: true };
      } finally {
        inFlight.delete(key);
      }
    }
  };
}
export {
  createDigestEngine
};
//# sourceMappingURL=engine.js.map
