import { PermanentPublishError, RateLimitedError } from "../errors.js";
import { channelKey } from "./digest-store.js";
import { paperMessage } from "./messages.js";
const DIGEST_STOPPED = "digest run stopped: channel no longer subscribed or paused";
const DEFAULT_RETRY = { maxTransient: 5, backoffMs: 2e3, maxRateLimited: 30 };
class GiveUp extends Error {
}
class Stop extends Error {
}
async function send(d, channelId, message) {
  const key = channelKey(d.publisher.platform, channelId);
  let limited = 0;
  let transient = 0;
  for (; ; ) {
    const last = d.lastPostAt.get(key);
    if (last !== void 0) {
      const wait = last + d.publisher.minIntervalMs - d.clock.now().getTime();
      if (wait > 0) await d.clock.sleep(wait);
    }
    const stop = await d.stopReason?.(d.publisher.platform, channelId);
    if (stop) throw new Stop(stop);
    try {
      const { messageId } = await d.publisher.post(channelId, message);
      d.lastPostAt.set(key, d.clock.now().getTime());
      return messageId;
    } catch (err) {
      d.lastPostAt.set(key, d.clock.now().getTime());
      if (err instanceof PermanentPublishError) throw new GiveUp(`permanent failure: ${err.message}`);
      if (err instanceof RateLimitedError) {
        if (++limited > d.retry.maxRateLimited) throw new GiveUp(`rate limited ${limited} times in a row`);
        d.logger.warn({ channelId, retryAfterMs: err.retryAfterMs, attempt: limited }, "rate limited; waiting");
        d.metrics?.postRetried(d.publisher.platform);
        await d.clock.sleep(Math.max(0, err.retryAfterMs));
        continue;
      }
      if (++transient > d.retry.maxTransient) throw new GiveUp(`failed ${transient} times in a row: ${err instanceof Error ? err.message : String(err)}`);
      const backoff = d.retry.backoffMs * 2 ** (transient - 1);
      d.logger.warn({ channelId, err, attempt: transient, backoffMs: backoff }, "post failed; retrying");
      d.metrics?.postRetried(d.publisher.platform);
      await d.clock.sleep(backoff);
    }
  }
}
async function postRun(d, run) {
  const log = d.logger.child({ platform: run.platform, channelId: run.channelId, runId: run.id, slot: run.slot });
  let posted = 0;
  try {
    if (run.status === "planned") await d.store.setStatus(run.id, "posting");
    const ids = run.plan.paperIds;
    const done = await d.store.postedAmong(run.platform, run.channelId, ids);
    const todo = ids.filter((id) => !done.has(id));
    if (ids.length && !todo.length && !run.headerMessageId) {
      await d.store.setStatus(run.id, "done", "all planned papers were already posted", d.clock.now().toISOString());
      return { status: "done", posted: 0 };
    }
    if (run.plan.header && !run.headerMessageId) {
      const id = await send(d, run.channelId, { text: run.plan.header });
      await d.store.setHeader(run.id, id);
    }
    const papers = new Map((await d.papers.getPapers(todo)).map((p) => [p.id, p]));
    for (const id of todo) {
      const p = papers.get(id);
      if (!p) {
        log.warn({ paperId: id }, "planned paper no longer in the store; skipped");
        continue;
      }
      const messageId = await send(d, run.channelId, paperMessage(p, ids.indexOf(id) + 1, ids.length));
      await d.store.recordPost({ platform: run.platform, channelId: run.channelId, paperId: id, runId: run.id, messageId, postedAt: d.clock.now().toISOString() });
      posted++;
    }
    await d.store.setStatus(run.id, "done", void 0, d.clock.now().toISOString());
    log.info({ posted, planned: ids.length }, "digest posted");
    d.metrics?.digest(run.platform, "posted");
    return { status: "done", posted };
  } catch (err) {
    if (err instanceof Stop) {
      await d.store.setStatus(run.id, "skipped", `stopped: ${err.message}`, d.clock.now().toISOString());
      log.info({ reason: err.message, posted }, DIGEST_STOPPED);
      d.metrics?.digest(run.platform, "skipped");
      return { status: "stopped", posted, reason: err.message };
    }
    if (!(err instanceof GiveUp)) throw err;
    await d.store.setPaused(run.platform, run.channelId, err.message);
    await d.store.setStatus(run.id, "failed", err.message, d.clock.now().toISOString());
    log.error({ reason: err.message, posted }, "channel paused: digest could not be posted");
    d.metrics?.digest(run.platform, "failed");
    return { status: "paused", posted, reason: err.message };
  }
}
export {
  DEFAULT_RETRY,
  DIGEST_STOPPED,
  postRun
};
//# sourceMappingURL=post-run.js.map
