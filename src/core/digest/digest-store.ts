import type { Caller } from '../reply.js';
import type { SubscriptionSettings } from './subscription.js';

export type Platform = Caller['platform'];

export interface Subscription {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  settings: SubscriptionSettings;
  /** Last digest entry id this channel's digests considered; null before its first digest. */
  entryCursor: number | null;
  pausedReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a run will post, fixed when the run is created so a restart posts the same thing. */
export interface RunPlan {
  header: string;
  paperIds: string[];
  /** A weekly trends run (slot `trends:<iso>`): the picture is drawn for this week when posted. */
  trends?: { end: string; weeks: number; workspaceId: string };
}

export type RunStatus = 'planned' | 'posting' | 'done' | 'skipped' | 'failed';

export interface DigestRun {
  id: number;
  platform: Platform;
  channelId: string;
  /** ISO instant of the scheduled slot, or `manual:<iso>`. */
  slot: string;
  status: RunStatus;
  plan: RunPlan;
  entryCursor: number | null;
  headerMessageId: string | null;
  detail: string | null;
  createdAt: string;
}

export interface NewRun {
  platform: Platform;
  channelId: string;
  slot: string;
  status: RunStatus;
  plan: RunPlan;
  /** Stored on the run and, when `advanceCursor`, on the subscription in the same transaction. */
  entryCursor: number | null;
  advanceCursor: boolean;
  detail?: string;
  createdAt: string;
  /** Created already claimed (a manual run posted at once by the instance that made it). */
  claim?: { owner: string; leaseUntil: string };
}

/** Who claims a run and until when (ISO instants, by the engine's clock). */
export interface RunClaim {
  owner: string;
  now: string;
  leaseUntil: string;
}

export interface PostRecord {
  platform: Platform;
  channelId: string;
  paperId: string;
  runId: number | null;
  messageId: string;
  postedAt: string;
}

/**
 * Storage of subscriptions, digest runs and posts (store/sqlite/digest-store.ts,
 * store/postgres/digest-store.ts). Several bot instances may share one store: a run is posted by
 * the instance that claimed it, under a lease it renews before every post.
 */
export interface DigestStore {
  /** Creates or replaces settings; keeps the cursor and history; clears a pause. */
  upsert(sub: { platform: Platform; workspaceId: string; channelId: string; settings: SubscriptionSettings; now: string }): Promise<void>;
  remove(platform: Platform, channelId: string): Promise<boolean>;
  get(platform: Platform, channelId: string): Promise<Subscription | undefined>;
  list(filter?: { platform?: Platform; workspaceId?: string; activeOnly?: boolean }): Promise<Subscription[]>;
  setPaused(platform: Platform, channelId: string, reason: string | null): Promise<void>;
  /** Latest scheduled (non-manual) digest slot per channel, keyed `platform\u0000channelId`. */
  lastSlots(): Promise<Map<string, string>>;
  /** The same for the weekly trends runs (slots stored as `trends:<iso>`; returned without the prefix). */
  lastTrendsSlots(): Promise<Map<string, string>>;
  /** Inserts the run (and advances the cursor) atomically; undefined when that slot already has a run. */
  createRun(run: NewRun): Promise<DigestRun | undefined>;
  /** Many runs in one transaction (a tick plans every due channel at once); same rules as createRun. */
  createRuns(runs: NewRun[]): Promise<Array<DigestRun | undefined>>;
  /** Runs left planned or posting (a crash, a restart), oldest first. */
  unfinishedRuns(platform?: Platform): Promise<DigestRun[]>;
  /** Of the given paper ids, those already posted to the channel. */
  postedAmong(platform: Platform, channelId: string, paperIds: string[]): Promise<Set<string>>;
  /** The same for every channel at once, keyed by channelKey: one read when 1,000 channels are due. */
  postedByChannel(paperIds: string[]): Promise<Map<string, Set<string>>>;
  setHeader(runId: number, messageId: string): Promise<void>;
  /** Records one posted paper (the message → paper map for 🔖 is the bookmark store's). */
  recordPost(p: PostRecord): Promise<void>;
  /**
   * Claims the oldest unfinished run of these platforms that no live lease holds, on a channel
   * where no other run is under a live lease; undefined when there is none. Atomic across instances.
   * Never a run `claim.owner` holds already, even past its lease, nor one on a channel where the
   * owner holds another run: the owner is alive (it is claiming), so its worker is still posting
   * there, late only because a post or a pause outlasted the lease. A lapsed lease frees a run for
   * other claimants only; a gone holder's runs are freed by releaseGoneClaims or by its lease.
   */
  claimRun(claim: RunClaim & { platforms: Platform[] }): Promise<DigestRun | undefined>;
  /** Extends our lease; false when the run is no longer ours (taken over after our lease ran out). */
  renewClaim(runId: number, claim: RunClaim): Promise<boolean>;
  /**
   * Gives an unfinished run back: at once (a clean shutdown), or claimable by anyone, its owner
   * included, only after `notBefore` (a failed attempt retried later, as if its lease had run out).
   */
  releaseClaim(runId: number, owner: string, notBefore?: string): Promise<void>;
  /** Unfinished runs `owner` holds under a lease still running at `now` (what a shutdown hands back). */
  liveClaims(owner: string, now: string): Promise<DigestRun[]>;
  /**
   * Hands back every unfinished run `owner` holds (a clean shutdown), so another instance claims
   * them at once instead of waiting for the lease to run out. Returns how many were handed back.
   */
  releaseClaims(owner: string): Promise<number>;
  /**
   * Frees the unfinished runs of every claimant `isGone` says is gone (a process of this host that no
   * longer runs), without waiting for their leases; other claimants' runs are untouched. Returns how
   * many runs were freed.
   */
  releaseGoneClaims(isGone: (owner: string) => boolean): Promise<number>;
  setStatus(runId: number, status: RunStatus, detail?: string, finishedAt?: string): Promise<void>;
}

export const channelKey = (platform: string, channelId: string): string => `${platform}\u0000${channelId}`;
