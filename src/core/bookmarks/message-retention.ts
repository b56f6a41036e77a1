import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

/** Drops the message → paper rows nobody is likely to react to any more (see the SQLite implementation). */
export interface MessageRetentionStore {
  /** Removes chat cards recorded before `before`; digest posts are kept. Returns how many rows went. */
  pruneMessages(before: Date): Promise<number>;
}

/** How long a chat card (a search result, a shared paper) stays bookmarkable by reaction. */
export const MESSAGE_RETENTION_DAYS = 30;

/**
 * The daily sweep: every card shown is recorded so that a 🔖 on it can be resolved, so a busy
 * workspace added a row per card forever (10,000 local searches: 54,537 rows). `tick()` is driven by
 * the minute tick and prunes at most once per UTC day, the first time at start.
 */
export function createRetentionSweep(o: { store: MessageRetentionStore; clock: Clock; logger: Logger; keepDays?: number }) {
  let lastDay: string | undefined;
  const keepMs = (o.keepDays ?? MESSAGE_RETENTION_DAYS) * 86_400_000;
  return {
    async tick(): Promise<number> {
      const now = o.clock.now();
      const day = now.toISOString().slice(0, 10);
      if (day === lastDay) return 0;
      lastDay = day;
      const removed = await o.store.pruneMessages(new Date(now.getTime() - keepMs));
      if (removed) o.logger.info({ removed, keepDays: keepMs / 86_400_000 }, 'old chat cards forgotten');
      return removed;
    },
  };
}
