import type { Clock } from '../clock.js';
import type { IngestService } from '../ingest-ports.js';
import type { Logger } from '../logger.js';
import { noMetrics, type Metrics } from '../metrics.js';
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
  /** Each HF day and arXiv feed fetched is counted as a success or a failure. */
  metrics?: Metrics;
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
      const metrics = o.metrics ?? noMetrics;
      // Outcomes other than these (waiting, not yet published) are no fetch result either way.
      const count = (source: 'hf' | 'arxiv', outcomes: Record<string, string>) => {
        for (const v of Object.values(outcomes)) if (v === 'failed') metrics.fetch(source, false);
        else if (v === 'ingested' || v === 'empty' || v === 'unchanged') metrics.fetch(source, true);
      };
      const jobs = [inbox?.scan(), hf?.tick(now).then((r) => count('hf', r)), arxiv?.tick(now).then((r) => count('arxiv', r))];
      for (const r of await Promise.allSettled(jobs)) if (r.status === 'rejected') log.error({ err: r.reason }, 'source tick failed');
    },
    close(): void {
      inbox?.close();
    },
  };
}

export type LiveSources = ReturnType<typeof createLiveSources>;
