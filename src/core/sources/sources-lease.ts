import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { LockStore } from '../store/lock-store.js';

/** What the lease runs: the live sources (createLiveSources), or anything ticked and closed like them. */
export interface Tickable {
  tick(): Promise<void>;
  close(): void;
}

/** The lease outlives a few missed minute ticks, then another instance takes over. */
export const SOURCES_LEASE_MS = 3 * 60_000;

/**
 * Runs the live sources (HF, arXiv, the inbox watcher) on one instance at a time: the one holding
 * the 'sources' lease, renewed on every tick, so a day is fetched once however many instances
 * share the store. An instance that loses the lease closes its sources; one that gains it starts them.
 */
export function createSourcesLease(o: {
  locks: LockStore;
  holder: string;
  clock: Clock;
  logger: Logger;
  start: () => Tickable;
  leaseMs?: number;
  /**
   * True when a holder is known to be gone (a process of this machine that no longer runs): its
   * lease is taken at once instead of waiting it out, so a bot restarted after a crash or a kill
   * watches its inbox and fetches again at start, not minutes later.
   */
  isGone?: (holder: string) => boolean;
}) {
  const leaseMs = o.leaseMs ?? SOURCES_LEASE_MS;
  let sources: Tickable | undefined;
  let fetching: Promise<void> | undefined;

  async function hold(): Promise<boolean> {
    const now = o.clock.now();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    let held = await o.locks.acquire('sources', o.holder, now.toISOString(), until);
    if (!held && o.isGone) {
      const other = await o.locks.holderOf('sources');
      if (other && other !== o.holder && o.isGone(other)) {
        o.logger.info({ holder: o.holder, previous: other }, 'the sources lease holder is gone; taking the lease over');
        // Released only if it is still that holder's (a compare-and-delete), then taken as usual.
        await o.locks.release('sources', other);
        held = await o.locks.acquire('sources', o.holder, now.toISOString(), until);
      }
    }
    if (held && !sources) sources = o.start();
    if (!held && sources) {
      o.logger.warn({ holder: o.holder }, 'another instance holds the sources lease; stopped fetching here');
      sources.close();
      sources = undefined;
    }
    return held;
  }

  return {
    /** Renews (or takes) the lease and, when held, starts a source tick unless one is still running. */
    async tick(): Promise<{ held: boolean; started: boolean }> {
      const held = await hold();
      if (!held || fetching || !sources) return { held, started: false };
      // Not awaited by the caller's minute tick: an HF fetch with retries can take a minute.
      fetching = sources.tick().finally(() => {
        fetching = undefined;
      });
      return { held, started: true };
    },
    /** Waits for a running source tick (tests, shutdown). */
    settled: (): Promise<void> => fetching ?? Promise.resolve(),
    /** Stops the sources and hands the lease back, so another instance need not wait for it to lapse. */
    async close(): Promise<void> {
      if (!sources) return;
      sources.close();
      sources = undefined;
      await o.locks.release('sources', o.holder);
    },
  };
}
