import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRetentionSweep } from './core/bookmarks/message-retention.js';
import type { BookmarkStore } from './core/bookmarks/ports.js';
import type { ChatCore } from './core/chat.js';
import { systemClock, type Clock } from './core/clock.js';
import { createDigestEngine, type DigestEngine } from './core/digest/engine.js';
import type { IngestOutcome } from './core/ingest-ports.js';
import { meteredIngest, meteredSearch } from './core/metered.js';
import { noMetrics, type Metrics } from './core/metrics.js';
import { openCore, type Core, type CoreOptions } from './core/open-core.js';
import type { PlatformStores } from './core/store/platform-stores.js';
import { createChatCore } from '../commands/chat-core.js';
import { MODEL_FILE } from './core/recommend/model-file.js';
import { createRecommender, type Recommender } from './core/recommend/recommender.js';

export interface BotOptions extends CoreOptions {
  clock?: Clock;
  /** A digest missed while down is posted at start if less late than this (default 6 h). */
  maxLatenessMs?: number;
  /** Where exports are written by adapters that write files (the local mode). */
  exportDir?: string;
  /** Counters and timings for operators (default: none). */
  metrics?: Metrics;
  /** This process among the instances sharing one store (claims and leases name it). */
  instanceId?: string;
  /** How long a silent instance keeps its claimed digest runs (default 60 s). */
  digestLeaseMs?: number;
  /** True when a claimant id names a gone process of this host (main: isGoneInstance): its runs are taken over at once. */
  isGoneInstance?: (id: string) => boolean;
}

/** Everything platform-neutral, wired: what main and every adapter test starts from. */
export interface Bot extends Core {
  chat: ChatCore;
  digests: DigestEngine;
  bookmarks: BookmarkStore;
  clock: Clock;
  /** Slack OAuth installations and deliveries already taken, shared by every instance. */
  platformStores: PlatformStores;
  /** Forgets old chat cards once a day (main drives it from the minute tick). */
  retention: ReturnType<typeof createRetentionSweep>;
  /** Papers like a reader's; throws RecommenderNotReady while its first model is fitted. */
  recommender: Recommender;
}

export async function createBot(opts: BotOptions): Promise<Bot> {
  const clock = opts.clock ?? systemClock;
  const core = await openCore({ ...opts, clock, now: opts.now ?? (() => clock.now()) });
  const logger = core.logger;
  const metrics = opts.metrics ?? noMetrics;
  const search = opts.metrics ? meteredSearch(core.search, metrics) : core.search;
  const ingest = opts.metrics ? meteredIngest(core.ingest, metrics) : core.ingest;
  const bookmarks = core.storage.bookmarks;
  // Reader feedback is users' data (through the storage port); the recommender is derived from the store.
  const feedback = core.storage.feedback;
  // The model is kept in DATA_DIR across restarts; while the first one is fitted (in a worker), chat says "still learning".
  const recommender = createRecommender({ store: core.store, logger: logger.child({ module: 'recommend' }), modelFile: join(opts.dataDir, MODEL_FILE), whileFitting: 'throw' });
  // A kept model is loaded (and newer papers folded in) at start, not at the first for-me; without one the fit starts on first use.
  if (existsSync(join(opts.dataDir, MODEL_FILE))) void recommender.sync().catch((err: unknown) => logger.error({ err }, 'recommender model not loaded'));
  const digests = createDigestEngine({
    store: core.storage.digests,
    messages: bookmarks,
    papers: core.store,
    search,
    clock,
    logger,
    maxLatenessMs: opts.maxLatenessMs,
    metrics,
    instanceId: opts.instanceId,
    leaseMs: opts.digestLeaseMs,
    isGoneClaimant: opts.isGoneInstance,
    taste: { recommender, channelBookmarks: (platform, channelId, limit) => feedback.channelBookmarks(platform, channelId, limit) },
    trends: core.trends,
    personal: { recommender, bookmarks, feedback, notices: core.storage.dmNotices },
  });
  const chat = createChatCore({ store: core.store, search, digests, bookmarks, reading: core.reading, logger, clock, exportDir: opts.exportDir, recommender, feedback, trends: core.trends, dmNotices: core.storage.dmNotices });
  const platformStores = { installations: core.storage.installations, seenEvents: core.storage.seenEvents };
  const retention = createRetentionSweep({ store: core.storage.retention, clock, logger });
  return { ...core, search, ingest, chat, digests, bookmarks, clock, platformStores, retention, recommender };
}

/**
 * A fresh install has an empty store: ingest the bundled sample digest so the first command already
 * finds papers. Returns what happened, or undefined when the store already had papers.
 */
export async function ensureSampleDigest(bot: Pick<Core, 'store' | 'ingest'>, file: string): Promise<IngestOutcome | undefined> {
  if ((await bot.store.stats()).papers > 0) return undefined;
  if (!existsSync(file)) return { ok: false, origin: file, error: `${file}: sample digest not found` };
  return bot.ingest.ingestFile(file);
}
