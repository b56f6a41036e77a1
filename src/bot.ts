import { existsSync } from 'node:fs';
import { createSqliteBookmarkStore } from './core/bookmarks/sqlite-bookmark-store.js';
import { createRetentionSweep } from './core/bookmarks/message-retention.js';
import { createSqliteMessageRetention } from './core/bookmarks/sqlite-message-retention.js';
import type { BookmarkStore } from './core/bookmarks/ports.js';
import type { ChatCore } from './core/chat.js';
import { systemClock, type Clock } from './core/clock.js';
import { createDigestEngine, type DigestEngine } from './core/digest/engine.js';
import type { IngestOutcome } from './core/ingest-ports.js';
import { openCore, type Core, type CoreOptions } from './core/open-core.js';
import { createChatCore } from '../commands/chat-core.js';

export interface BotOptions extends CoreOptions {
  clock?: Clock;
  /** A digest missed while down is posted at start if less late than this (default 6 h). */
  maxLatenessMs?: number;
  /** Where exports are written by adapters that write files (the local mode). */
  exportDir?: string;
}

/** Everything platform-neutral, wired: what main and every adapter test starts from. */
export interface Bot extends Core {
  chat: ChatCore;
  digests: DigestEngine;
  bookmarks: BookmarkStore;
  clock: Clock;
  /** Forgets old chat cards once a day (main drives it from the minute tick). */
  retention: ReturnType<typeof createRetentionSweep>;
}

export async function createBot(opts: BotOptions): Promise<Bot> {
  const clock = opts.clock ?? systemClock;
  const core = await openCore({ ...opts, now: opts.now ?? (() => clock.now()) });
  const logger = core.logger;
  const bookmarks = createSqliteBookmarkStore(core.db, clock);
  const digests = createDigestEngine({
    db: core.db,
    papers: core.store,
    search: core.search,
    clock,
    logger,
    maxLatenessMs: opts.maxLatenessMs,
  });
  const chat = createChatCore({ store: core.store, search: core.search, digests, bookmarks, logger, clock, exportDir: opts.exportDir });
  const retention = createRetentionSweep({ store: createSqliteMessageRetention(core.db), clock, logger });
  return { ...core, chat, digests, bookmarks, clock, retention };
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
