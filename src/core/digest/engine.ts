import { randomUUID } from 'node:crypto';
import type { BookmarkStore } from '../bookmarks/ports.js';
import { systemClock, type Clock } from '../clock.js';
import { UserError } from '../errors.js';
import { silentLogger, type Logger } from '../logger.js';
import { noMetrics, type Metrics } from '../metrics.js';
import type { Publisher } from '../publisher.js';
import type { Reply } from '../reply.js';
import type { PaperSearch } from '../search/ports.js';
import type { PaperStore } from '../store/ports.js';
import { channelKey, type DigestRun, type DigestStore, type NewRun, type Platform, type Subscription } from './digest-store.js';
import type { DigestService } from './ports.js';
import { DEFAULT_RETRY, DIGEST_STOPPED, postRun, type RetryPolicy } from './post-run.js';
import { decideDue } from './schedule.js';
import { newSelectionCache, type SelectionCache } from './select.js';
import { parseSubscriptionSettings, scheduleOf } from './subscription.js';
import { buildRun, planRun, previewReply } from './plan-run.js';
import type { TasteDeps } from './taste-order.js';
import type { TrendsReader } from '../trends/ports.js';
import { planTrendsRuns, trendsRunMessage } from './trends-runs.js';
import { isDmChannel } from '../direct-messages.js';
import { buildPersonalRun, latestDigestOnce, readerOf, type PersonalDigestDeps } from './personal.js';
import { createSubscriptionCommands, requireAdmin } from './subscription-commands.js';

export interface DigestEngineOptions {
  /** storage.digests, shared by every instance on the same storage. */
  store: DigestStore;
  /** Posted papers' messages are recorded here, so a 🔖 reaction on a digest post bookmarks it. */
  messages?: Pick<BookmarkStore, 'recordMessage'>;
  /** This process among the instances sharing the store (default: a random id per start). */
  instanceId?: string;
  /**
   * How long a claimed run stays ours without a post (default 60 s): another instance takes a run
   * over once its claimant has been silent this long, so it is also the takeover delay.
   */
  leaseMs?: number;
  /**
   * True when a claimant id names a process that is gone (on this host, its pid no longer runs):
   * its runs are taken over at once instead of after its lease. Without it, only leases free runs.
   */
  isGoneClaimant?: (owner: string) => boolean;
  papers: PaperStore;
  /** Ranks topic matches; without it topics match by words only. */
  search?: PaperSearch;
  clock?: Clock;
  logger?: Logger;
  /** A slot missed while down is still posted if less late than this (default 6 h). */
  maxLatenessMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Channels posting at once (default 32). */
  concurrency?: number;
  /** Digests posted / failed / skipped and retries are counted here. */
  metrics?: Metrics;
  /** Orders `--rank taste` digests; without it they keep today's order. */
  taste?: TasteDeps;
  /** The store reads behind the weekly trends picture; without them `--weekly-trends` posts nothing. */
  trends?: TrendsReader;
  /** Personal digests by direct message (`/papers for-me subscribe`); without it they are refused. */
  personal?: PersonalDigestDeps;
}

export interface TickReport {
  planned: number;
  skipped: number;
  /** Runs with nothing to post (and no "nothing new" line asked for). */
  empty: number;
  posted: number;
  paused: number;
  /** Runs ended unposted or part-posted because their channel unsubscribed or was paused. */
  stopped: number;
  /** Time spent deciding and planning (what the bench measures). */
  planMs: number;
}

export interface DigestEngine extends DigestService {
  /** One publisher per platform; subscriptions of a platform without one wait. */
  setPublisher(publisher: Publisher): void;
  /** Plans what is due at `now` (default the clock), then posts every unfinished run. */
  tick(now?: Date): Promise<TickReport>;
  /** At start: resumes interrupted runs and posts (or skips, if too late) digests missed while down. */
  catchUp(): Promise<TickReport>;
  /**
   * Posts runs left without a live claimant (handed back by a stopped instance, or held by a gone
   * one) without planning anything: main calls it every few seconds, so a takeover need not wait
   * for the next minute tick.
   */
  resume(): Promise<TickReport>;
  /**
   * Stops claiming and posting: waits (no longer than one post in flight per channel) for what is
   * being sent to be sent and recorded, then hands this instance's unfinished runs back to the store.
   */
  stop(): Promise<void>;
  /** Only the planning half of tick: runs are created, nothing is posted. */
  plan(now?: Date): Promise<TickReport>;
}

/** Logged (error) when a subscription's digest could not be planned; the slot is retried at the next tick. */
export const DIGEST_PLAN_FAILED = 'digest could not be planned (this subscription only; retried at the next tick)';

/** The scheduled-digest engine: subscriptions, due decisions, plans and resumable posting. */
export function createDigestEngine(opts: DigestEngineOptions): DigestEngine {
  const store = opts.store;
  const owner = opts.instanceId ?? randomUUID();
  const leaseMs = opts.leaseMs ?? 60_000;
  const clock = opts.clock ?? systemClock;
  const logger = (opts.logger ?? silentLogger).child({ module: 'digest' });
  const maxLatenessMs = opts.maxLatenessMs ?? 6 * 3600_000;
  const retry = { ...DEFAULT_RETRY, ...opts.retry };
  const concurrency = opts.concurrency ?? 32;
  const metrics = opts.metrics ?? noMetrics;
  const publishers = new Map<Platform, Publisher>();
  const lastPostAt = new Map<string, number>();
  const inFlight = new Set<string>();
  let planning: Promise<unknown> = Promise.resolve();
  // Shutdown: no new claims, waits (pacing, backoff) end at once, and a run stops before its next post.
  let stopping = false;
  let onStop = () => {};
  const stopped = new Promise<void>((r) => (onStop = r));
  const postClock: Clock = { now: () => clock.now(), sleep: (ms) => Promise.race([clock.sleep(ms), stopped]) };
  const active = new Set<Promise<unknown>>();
  const tracked = <T>(p: Promise<T>): Promise<T> => {
    active.add(p);
    void p.then(() => active.delete(p), () => active.delete(p));
    return p;
  };
  let resuming: Promise<TickReport> | undefined;
  let stopDone: Promise<void> | undefined;
  const emptyReport = (): TickReport => ({ planned: 0, skipped: 0, empty: 0, posted: 0, paused: 0, stopped: 0, planMs: 0 });

  const unwanted = (sub: Subscription | undefined): string | undefined => (!sub ? 'channel unsubscribed' : sub.pausedReason ? `channel paused (${sub.pausedReason})` : undefined);
  const stopReason = async (platform: Platform, channelId: string) => unwanted(await store.get(platform, channelId));

  const trendsMessage = opts.trends ? (run: DigestRun) => trendsRunMessage(opts.trends!, run) : undefined;
  const deps = (cache: SelectionCache) => ({ papers: opts.papers, search: opts.search, logger, cache, store, clock, taste: opts.taste });

  async function planDue(now: Date): Promise<TickReport> {
    const started = performance.now();
    const report: TickReport = { planned: 0, skipped: 0, empty: 0, posted: 0, paused: 0, stopped: 0, planMs: 0 };
    // A reader's personal digest is a channel of its own (`dm:<workspace>:<user>`), planned from their recommendations.
    const subs = (await store.list({ activeOnly: true })).filter((s) => publishers.has(s.platform) && (opts.personal || !isDmChannel(s.channelId)));
    const last = await store.lastSlots();
    const byKey = new Map(subs.map((s) => [channelKey(s.platform, s.channelId), s] as const));
    const decisions = decideDue(
      subs.map((s) => {
        const key = channelKey(s.platform, s.channelId);
        const lastSlot = last.get(key);
        return { key, schedule: scheduleOf(s.settings), notBeforeMs: Date.parse(s.updatedAt), lastSlotMs: lastSlot ? Date.parse(lastSlot) : undefined };
      }),
      now.getTime(),
      maxLatenessMs,
    );
    const cache = newSelectionCache();
    const latestDigest = latestDigestOnce(opts.papers);
    const planned = await Promise.all(
      decisions.map(async (dec) => {
        const sub = byKey.get(dec.key)!;
        const slot = new Date(dec.slotMs).toISOString();
        if (dec.action === 'run') {
          // Undefined from a planner: not due yet (a personal digest whose recommender is still
          // fitting), so the slot stays unplanned and the next tick plans it again. An error is a
          // bug or a store failure: loud, counted, and still confined to its subscription, so the
          // others post; its slot is tried again at the next tick too.
          try {
            return isDmChannel(sub.channelId) ? await buildPersonalRun({ ...opts.personal!, store, logger, latestDigest }, sub, slot, now) : await buildRun(deps(cache), sub, slot, now);
          } catch (err) {
            logger.error({ err, platform: sub.platform, workspaceId: sub.workspaceId, channelId: sub.channelId, slot }, DIGEST_PLAN_FAILED);
            metrics.digest(sub.platform, 'failed');
            return undefined;
          }
        }
        logger.warn({ platform: sub.platform, channelId: sub.channelId, slot, latenessMs: dec.latenessMs, maxLatenessMs }, 'digest slot missed while down; too late to post, skipped');
        return { platform: sub.platform, channelId: sub.channelId, slot, status: 'skipped', plan: { header: '', paperIds: [] }, entryCursor: sub.entryCursor, advanceCursor: false, detail: `missed by ${Math.round(dec.latenessMs / 60_000)} min`, createdAt: now.toISOString() } satisfies NewRun;
      }),
    );
    const runs: NewRun[] = planned.filter((r): r is NewRun => r !== undefined);
    if (opts.trends) runs.push(...(await planTrendsRuns(store, subs, now, maxLatenessMs, logger)));
    // One transaction for every channel due this minute: 1,000 commits would dominate the tick.
    for (const run of await store.createRuns(runs)) {
      if (run?.status === 'planned') report.planned++;
      else if (run?.status === 'skipped') {
        report.skipped++;
        metrics.digest(run.platform, 'skipped');
      }
      else if (run) report.empty++;
    }
    report.planMs = performance.now() - started;
    return report;
  }

  const claimFor = (at = clock.now()) => ({ owner, now: at.toISOString(), leaseUntil: new Date(at.getTime() + leaseMs).toISOString() });
  /** Renewed before every post: a claimant that went silent past its lease has lost the run, and a stopping one lets it go. */
  const holdClaim = (runId: number) => async () => !stopping && (await store.renewClaim(runId, claimFor()));

  /**
   * Gives a run this process failed to post back to the store, claimable again (here or elsewhere)
   * a lease from now. The store never hands a claimant a run it holds (its worker may be posting
   * it past its lease), so a run kept under our name after a failure would wait for our restart.
   * A hand-back the store refuses is tried again at the next pass.
   */
  const unreleased = new Set<number>();
  async function giveBack(runId: number): Promise<void> {
    try {
      await store.releaseClaim(runId, owner, new Date(clock.now().getTime() + leaseMs).toISOString());
      unreleased.delete(runId);
    } catch (err) {
      unreleased.add(runId);
      logger.error({ err, runId }, 'digest run could not be handed back after a failure; tried again at the next pass');
    }
  }

  /** Frees the runs of claimants known to be gone, so they are taken over now rather than after their lease. */
  async function releaseGone(): Promise<void> {
    if (!opts.isGoneClaimant) return;
    const freed = await store.releaseGoneClaims(opts.isGoneClaimant);
    if (freed) logger.info({ runs: freed }, 'digest runs of a gone instance freed; taking them over');
  }

  async function execute(report: TickReport, now: Date): Promise<void> {
    // Each worker claims one run at a time from the shared store (several instances may be claiming
    // too): a run is posted by its claimant only, and a run whose claimant died is claimed again
    // once its lease has run out, continuing after the posts already recorded. Never by this
    // process while one of its workers holds it (the store's rule), however long a post or a
    // pacing wait keeps that worker from renewing: a second worker here would post it twice.
    for (const runId of [...unreleased]) await giveBack(runId);
    // One worker to start with, one more per run claimed (up to `concurrency`): with nothing to claim,
    // as on most resume() calls, a pass costs one query rather than one per worker.
    const workers: Array<Promise<void>> = [];
    let failure: unknown;
    const spawn = () => workers.push(worker().catch((err: unknown) => void (failure ??= err)));
    const worker = async () => {
      for (;;) {
        const platforms = [...publishers.keys()];
        if (!platforms.length || stopping) return;
        const run = await store.claimRun({ ...claimFor(), platforms });
        if (!run) return;
        if (workers.length < concurrency) spawn();
        const key = channelKey(run.platform, run.channelId);
        inFlight.add(key);
        try {
          // Unsubscribed or paused while the run waited (or while the bot was down): closed, not resumed,
          // and closed for good so resubscribing later does not replay a stale run.
          const reason = await stopReason(run.platform, run.channelId);
          if (reason) {
            await store.setStatus(run.id, 'skipped', `not resumed: ${reason}`, now.toISOString());
            report.stopped++;
            logger.info({ platform: run.platform, channelId: run.channelId, runId: run.id, reason }, DIGEST_STOPPED);
            continue;
          }
          // A run interrupted long ago is not resumed: its news is stale. Logged, never silent.
          if (now.getTime() - Date.parse(run.createdAt) > maxLatenessMs) {
            await store.setStatus(run.id, 'skipped', 'interrupted and too late to resume', now.toISOString());
            logger.warn({ platform: run.platform, channelId: run.channelId, runId: run.id }, 'interrupted digest too old to resume; skipped');
            metrics.digest(run.platform, 'skipped');
            continue;
          }
          const out = await postRun({ ...postDeps(run.platform), holdClaim: holdClaim(run.id), stopReason }, run);
          report.posted += out.posted;
          if (out.status === 'stopped') report.stopped++;
          // No break on a pause: the channel's later runs then close themselves at their first post
          // instead of lingering unfinished until some later tick.
          if (out.status === 'paused') {
            report.paused++;
            await personalPaused(run, out.reason);
          }
        } catch (err) {
          // A bug or a store error in one channel is logged; the other channels go on. The run is
          // handed back to be claimed a lease from now, so a later pass (here or elsewhere) tries it again.
          logger.error({ err, channel: key, runId: run.id }, 'digest posting failed');
          await giveBack(run.id);
        } finally {
          inFlight.delete(key);
        }
      }
    };
    spawn();
    for (let i = 0; i < workers.length; i++) await workers[i];
    if (failure) throw failure;
  }

  /** A personal digest that could not be delivered: the reader is told once, at their next /papers. */
  async function personalPaused(run: DigestRun, reason: string): Promise<void> {
    const reader = isDmChannel(run.channelId) ? readerOf(run) : undefined;
    if (!reader) return;
    logger.warn({ ...reader, runId: run.id, reason }, 'personal digest paused: the direct message could not be delivered');
    await opts.personal?.notices?.add({ ...reader, reason, createdAt: clock.now().toISOString() });
  }

  const postDeps = (platform: Platform) => ({ store, papers: opts.papers, publisher: publishers.get(platform)!, clock: postClock, logger, retry, lastPostAt, messages: opts.messages, metrics, trendsMessage });

  const plan = (now = clock.now()): Promise<TickReport> => {
    const p = planning.then(() => planDue(now));
    planning = p.catch(() => undefined);
    return p;
  };

  async function tick(now = clock.now()): Promise<TickReport> {
    if (stopping) return emptyReport();
    const report = await plan(now);
    await tracked(execute(report, now));
    return report;
  }

  return {
    ...createSubscriptionCommands({ store, clock, personal: opts.personal, preview: (caller, sub) => previewReply(deps(newSelectionCache()), caller, sub) }),
    setPublisher(p) {
      publishers.set(p.platform, p);
    },
    tick,
    plan,
    async catchUp() {
      const pending = await store.unfinishedRuns();
      if (pending.length) logger.info({ runs: pending.length }, 'resuming interrupted digests');
      await releaseGone();
      return tick();
    },
    async resume() {
      if (stopping) return emptyReport();
      // Every call: a pass still posting claims the freed runs as its workers come round.
      await releaseGone();
      // One pass at a time: a pass lasts as long as its runs post, and the next call finds them claimed anyway.
      const report = emptyReport();
      resuming ??= tracked(execute(report, clock.now()).then(() => report)).finally(() => (resuming = undefined));
      return resuming;
    },
    stop() {
      stopping = true;
      onStop();
      stopDone ??= (async () => {
        await Promise.allSettled([...active]);
        const handedBack = await store.releaseClaims(owner);
        if (handedBack) logger.info({ runs: handedBack }, 'digest runs handed back for another instance to finish');
      })();
      return stopDone;
    },
    async runNow(caller): Promise<Reply> {
      requireAdmin(caller, 'post a digest now');
      if (stopping) throw new UserError('the bot is shutting down; ask again in a minute');
      const publisher = publishers.get(caller.platform);
      if (!publisher) throw new UserError(`digests cannot be posted on ${caller.platform} right now (no publisher configured)`);
      const key = channelKey(caller.platform, caller.channelId);
      if (inFlight.has(key)) return { text: 'A digest is being posted in this channel right now.', ephemeral: true };
      inFlight.add(key); // claimed before the run exists, so a tick cannot pick it up meanwhile
      try {
        const sub = await store.get(caller.platform, caller.channelId);
        const now = clock.now();
        // An unsubscribed channel gets the defaults (top 5 of the latest digest); no cursor is kept for it.
        const target = sub ?? { platform: caller.platform, workspaceId: caller.workspaceId, channelId: caller.channelId, settings: parseSubscriptionSettings({}), entryCursor: null, pausedReason: null, createdAt: '', updatedAt: '' };
        // Created already claimed by this instance: no tick, here or elsewhere, picks it up meanwhile.
        const run = await planRun(deps(newSelectionCache()), target, `manual:${now.toISOString()}`, now, { manual: true, persistCursor: sub !== undefined, claim: claimFor(now) });
        if (!run || run.status !== 'planned') return { text: 'Nothing new to post: every recent paper was already posted here.', ephemeral: true };
        const out = await tracked(postRun({ ...postDeps(caller.platform), holdClaim: holdClaim(run.id) }, run)).catch(async (err: unknown) => {
          // As in a tick: handed back, so a later pass retries what this attempt left unposted.
          await giveBack(run.id);
          throw err;
        });
        if (out.status === 'lost') return { text: 'This digest was taken over by another instance of the bot, which posts the rest.', ephemeral: true };
        if (out.status === 'paused') return { text: `Posting failed and the channel's digest is paused: ${out.reason}`, ephemeral: true, error: true };
        return { text: `Posted ${out.posted} paper${out.posted === 1 ? '' : 's'} to this channel.`, ephemeral: true };
      } finally {
        inFlight.delete(key);
      }
    },
  };
}
