import type { BookmarkStore } from '../bookmarks/ports.js';
import type { Clock } from '../clock.js';
import { PermanentPublishError, RateLimitedError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Delivery, Publisher } from '../publisher.js';
import type { OutgoingMessage } from '../reply.js';
import type { PaperStore } from '../store/ports.js';
import { channelKey, type DigestRun, type DigestStore } from './digest-store.js';
import { paperMessage } from './messages.js';
import type { Metrics } from '../metrics.js';

export interface RetryPolicy {
  /** Transient failures (5xx, timeouts) in a row before the channel is paused. */
  maxTransient: number;
  /** First backoff; doubles on each retry. */
  backoffMs: number;
  /** 429s in a row for one message before the channel is paused. */
  maxRateLimited: number;
}

/** Logged when a run ends early because its channel unsubscribed or was paused. */
export const DIGEST_STOPPED = 'digest run stopped: channel no longer subscribed or paused';

export const DEFAULT_RETRY: RetryPolicy = { maxTransient: 5, backoffMs: 2000, maxRateLimited: 30 };

export interface PostDeps {
  store: DigestStore;
  papers: PaperStore;
  publisher: Publisher;
  clock: Clock;
  logger: Logger;
  retry: RetryPolicy;
  /** Last post time per channel (ms), shared across runs so two runs to one channel stay paced. */
  lastPostAt: Map<string, number>;
  /**
   * Asked before every post attempt; a reason stops the run. A run can outlive its subscription
   * (a 429 storm, pacing, a resume after restart), and an unsubscribe must end the posting.
   */
  stopReason?: (platform: DigestRun['platform'], channelId: string) => Promise<string | undefined>;
  metrics?: Metrics;
  /** Where a posted paper's message is recorded, so a 🔖 reaction on it bookmarks the paper. */
  messages?: Pick<BookmarkStore, 'recordMessage'>;
  /**
   * Renews this instance's claim on the run, asked right before every post; false means another
   * instance took the run over (our lease ran out), and nothing more is sent from here.
   */
  holdClaim?: () => Promise<boolean>;
  /** Draws a weekly trends run's message; without it such runs fail (logged) instead of posting. */
  trendsMessage?: (run: DigestRun) => Promise<OutgoingMessage>;
}

export type RunOutcome =
  | { status: 'done'; posted: number }
  | { status: 'paused'; posted: number; reason: string }
  | { status: 'stopped'; posted: number; reason: string }
  | { status: 'lost'; posted: number };

/** Sending failed for good: the channel is paused with this reason. */
class GiveUp extends Error {}

/** The channel no longer wants the run (unsubscribed, paused): nothing more is sent. */
class Stop extends Error {}

/** Another instance took the run over: it is theirs now, so neither post nor status is touched. */
class Lost extends Error {}

/**
 * The run's messages as Deliveries. Posting is serial per run, so after a crash or a takeover only the
 * first message this attempt sends can be in the channel unrecorded; it goes out with `mayExist`.
 */
function deliveries(run: DigestRun, workspaceId: string | undefined) {
  let resumed = run.status !== 'planned';
  return {
    next(item: string): Delivery {
      const delivery = { workspaceId, runId: run.id, item, mayExist: resumed, since: run.createdAt };
      resumed = false;
      return delivery;
    },
  };
}

async function send(d: PostDeps, channelId: string, message: OutgoingMessage, delivery: Delivery): Promise<string> {
  const key = channelKey(d.publisher.platform, channelId);
  let limited = 0;
  let transient = 0;
  for (;;) {
    const last = d.lastPostAt.get(key);
    if (last !== undefined) {
      const wait = last + d.publisher.minIntervalMs - d.clock.now().getTime();
      if (wait > 0) await d.clock.sleep(wait);
    }
    // After the waits, not before: the subscription may have gone while this run slept.
    const stop = await d.stopReason?.(d.publisher.platform, channelId);
    if (stop) throw new Stop(stop);
    if (d.holdClaim && !(await d.holdClaim())) throw new Lost('claim lost');
    try {
      const { messageId } = await d.publisher.post(channelId, message, delivery);
      d.lastPostAt.set(key, d.clock.now().getTime());
      return messageId;
    } catch (err) {
      d.lastPostAt.set(key, d.clock.now().getTime());
      if (err instanceof PermanentPublishError) throw new GiveUp(`permanent failure: ${err.message}`);
      if (err instanceof RateLimitedError) {
        if (++limited > d.retry.maxRateLimited) throw new GiveUp(`rate limited ${limited} times in a row`);
        d.logger.warn({ channelId, retryAfterMs: err.retryAfterMs, attempt: limited }, 'rate limited; waiting');
        d.metrics?.postRetried(d.publisher.platform);
        await d.clock.sleep(Math.max(0, err.retryAfterMs));
        continue;
      }
      // TransientPublishError, and anything unexpected from an adapter: retry with backoff, then give up.
      // A timeout or a 5xx does not say whether the message was posted, so the retry may find it there.
      delivery = { ...delivery, mayExist: true };
      if (++transient > d.retry.maxTransient) throw new GiveUp(`failed ${transient} times in a row: ${err instanceof Error ? err.message : String(err)}`);
      const backoff = d.retry.backoffMs * 2 ** (transient - 1);
      d.logger.warn({ channelId, err, attempt: transient, backoffMs: backoff }, 'post failed; retrying');
      d.metrics?.postRetried(d.publisher.platform);
      await d.clock.sleep(backoff);
    }
  }
}

/**
 * Posts what is left of a run: the header unless already sent, then each planned paper not yet
 * posted to the channel, recording each post as it is made. Safe to call again after a crash.
 */
export async function postRun(d: PostDeps, run: DigestRun): Promise<RunOutcome> {
  const log = d.logger.child({ platform: run.platform, channelId: run.channelId, runId: run.id, slot: run.slot });
  let posted = 0;
  try {
    // The subscription's workspace lets a publisher find the channel's credentials (Slack OAuth installs).
    const workspaceId = (await d.store.get(run.platform, run.channelId))?.workspaceId ?? run.plan.trends?.workspaceId;
    const delivery = deliveries(run, workspaceId);
    if (run.status === 'planned') await d.store.setStatus(run.id, 'posting');
    const ids = run.plan.paperIds;
    const done = await d.store.postedAmong(run.platform, run.channelId, ids);
    const todo = ids.filter((id) => !done.has(id));
    // Everything planned went out meanwhile (a manual run, another process): no header alone.
    if (ids.length && !todo.length && !run.headerMessageId) {
      await d.store.setStatus(run.id, 'done', 'all planned papers were already posted', d.clock.now().toISOString());
      return { status: 'done', posted: 0 };
    }
    // A weekly trends run is one message, sent like a header: recorded once sent, never sent twice.
    if (run.plan.trends && !run.headerMessageId) {
      if (!d.trendsMessage) throw new Error('a weekly trends run needs trendsMessage');
      const id = await send(d, run.channelId, await d.trendsMessage(run), delivery.next('trends'));
      await d.store.setHeader(run.id, id);
    }
    if (run.plan.header && !run.headerMessageId) {
      const id = await send(d, run.channelId, { text: run.plan.header }, delivery.next('header'));
      await d.store.setHeader(run.id, id);
    }
    const papers = new Map((await d.papers.getPapers(todo)).map((p) => [p.id, p] as const));
    for (const id of todo) {
      const p = papers.get(id);
      if (!p) {
        log.warn({ paperId: id }, 'planned paper no longer in the store; skipped');
        continue;
      }
      const messageId = await send(d, run.channelId, paperMessage(p, ids.indexOf(id) + 1, ids.length), delivery.next(id));
      await d.store.recordPost({ platform: run.platform, channelId: run.channelId, paperId: id, runId: run.id, messageId, postedAt: d.clock.now().toISOString() });
      await d.messages?.recordMessage({ platform: run.platform, channelId: run.channelId, messageId }, id);
      posted++;
    }
    await d.store.setStatus(run.id, 'done', undefined, d.clock.now().toISOString());
    log.info({ posted, planned: ids.length }, 'digest posted');
    d.metrics?.digest(run.platform, 'posted');
    return { status: 'done', posted };
  } catch (err) {
    if (err instanceof Lost) {
      log.warn({ posted }, 'digest run no longer held here (taken over by another instance, or handed back at shutdown); stopped posting here');
      return { status: 'lost', posted };
    }
    if (err instanceof Stop) {
      // Closed rather than left unfinished, so no later tick or restart resumes it.
      await d.store.setStatus(run.id, 'skipped', `stopped: ${err.message}`, d.clock.now().toISOString());
      log.info({ reason: err.message, posted }, DIGEST_STOPPED);
      d.metrics?.digest(run.platform, 'skipped');
      return { status: 'stopped', posted, reason: err.message };
    }
    if (!(err instanceof GiveUp)) throw err;
    // One channel that keeps failing (deleted, bot removed) is paused so it never holds up the rest.
    await d.store.setPaused(run.platform, run.channelId, err.message);
    await d.store.setStatus(run.id, 'failed', err.message, d.clock.now().toISOString());
    log.error({ reason: err.message, posted }, 'channel paused: digest could not be posted');
    d.metrics?.digest(run.platform, 'failed');
    return { status: 'paused', posted, reason: err.message };
  }
}
