import type { Clock } from '../clock.js';
import type { IngestService } from '../ingest-ports.js';
import type { Logger } from '../logger.js';
import { createArxivRssSource } from './arxiv-rss-source.js';
import { createHfDailySource } from './hf-daily-source.js';
import { watchInbox } from './watch-inbox.js';

export interface LiveSourcesOptions {
  ingest: IngestService;
  logger: Logger;
  clock: Clock;
  /** Watched folder; undefined = no inbox. */
  inboxDir?: string;
  /** `enabled` arrives decided: config.ts defaults it from the platform tokens. */
  hf?: { apiUrl: string; fetchTime?: string; enabled: boolean };
  arxiv?: { rssUrl: string; categories: string[] };
  fetchTimeoutMs?: number;
  maxBytes?: number;
}

/**
 * Every live input behind one `tick(now)`, so main drives them from the same minute tick as the
 * digests. The inbox also polls by itself; HF and arXiv fetch only when ticked.
 */
export function createLiveSources(o: LiveSourcesOptions) {
  const common = { ingest: o.ingest, logger: o.logger, clock: o.clock, timeoutMs: o.fetchTimeoutMs, maxBytes: o.maxBytes };
  const inbox = o.inboxDir ? watchInbox({ dir: o.inboxDir, ingest: o.ingest, logger: o.logger }) : undefined;
  const hf = o.hf?.enabled && o.hf.fetchTime ? createHfDailySource({ ...common, apiUrl: o.hf.apiUrl, fetchTime: o.hf.fetchTime }) : undefined;
  const arxiv = o.arxiv?.categories.length ? createArxivRssSource({ ...common, rssUrl: o.arxiv.rssUrl, categories: o.arxiv.categories }) : undefined;
  const log = o.logger.child({ module: 'sources' });
  log.info({ inbox: o.inboxDir ?? null, hf: hf ? o.hf!.apiUrl : null, arxiv: arxiv ? o.arxiv!.categories : [] }, 'live sources');

  return {
    inbox,
    hf,
    arxiv,
    /** Never throws: a source failure is logged and retried on a later tick. */
    async tick(now: Date = o.clock.now()): Promise<void> {
      const jobs = [inbox?.scan(), hf?.tick(now), arxiv?.tick(now)];
      for (const r of await Promise.allSettled(jobs)) if (r.status === 'rejected') log.error({ err: r.reason }, 'source tick failed');
    },
    close(): void {
      inbox?.close();
    },
  };
}

export type LiveSources = ReturnType<typeof createLiveSources>;
