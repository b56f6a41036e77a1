import type { Clock } from '../clock.js';
import type { IngestService } from '../ingest-ports.js';
import type { Logger } from '../logger.js';
import { backoffMs } from './backoff.js';
import { fetchLimited, FetchFailure, type FetchLimits } from './fetch-limited.js';

export interface ArxivRssSourceOptions {
  /** e.g. https://rss.arxiv.org/rss; a category is appended: {rssUrl}/cs.LG */
  rssUrl: string;
  categories: string[];
  ingest: IngestService;
  logger: Logger;
  clock: Clock;
  /** Time between two reads of one feed (default 1 h; arXiv updates once a day, re-ingest changes nothing). */
  intervalMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: FetchLimits['fetch'];
}

export type FeedOutcome = 'ingested' | 'unchanged' | 'failed' | 'waiting';

/** Reads the arXiv RSS feed of each configured category now and then and ingests it. */
export function createArxivRssSource(o: ArxivRssSourceOptions) {
  const log = o.logger.child({ source: 'arxiv-rss' });
  const limits = { timeoutMs: o.timeoutMs ?? 20_000, maxBytes: o.maxBytes ?? 20 * 1024 * 1024, fetch: o.fetch };
  interface FeedState {
    nextAt: number;
    failures: number;
    etag?: string;
    modified?: string;
  }
  const feeds = new Map<string, FeedState>(o.categories.map((c) => [c, { nextAt: 0, failures: 0 }]));
  let running: Promise<Record<string, FeedOutcome>> | undefined;

  async function read(category: string, now: Date): Promise<FeedOutcome> {
    const f = feeds.get(category)!;
    const url = `${o.rssUrl.replace(/\/$/, '')}/${category}`;
    const headers: Record<string, string> = {};
    if (f.etag) headers['if-none-match'] = f.etag;
    if (f.modified) headers['if-modified-since'] = f.modified;
    let reason: string;
    try {
      const r = await fetchLimited(url, { ...limits, headers });
      if (r.status === 304) {
        f.nextAt = now.getTime() + (o.intervalMs ?? 3600_000);
        f.failures = 0;
        return 'unchanged';
      }
      if (r.status === 200) {
        const res = await o.ingest.ingestBuffer(r.body, { origin: url, format: 'arxiv-rss' });
        if (res.ok) {
          f.etag = r.headers.get('etag') ?? undefined;
          f.modified = r.headers.get('last-modified') ?? undefined;
          f.nextAt = now.getTime() + (o.intervalMs ?? 3600_000);
          f.failures = 0;
          log.info({ category, papers: res.papers, new: res.counts.new }, 'arXiv feed ingested');
          return 'ingested';
        }
        reason = res.error;
      } else reason = `${url}: HTTP ${r.status}`;
    } catch (err) {
      reason = err instanceof FetchFailure || err instanceof Error ? err.message : String(err);
    }
    f.failures++;
    f.nextAt = now.getTime() + backoffMs(f.failures, 5 * 60_000, o.intervalMs ?? 3600_000);
    log.error({ category, reason, failures: f.failures }, 'arXiv feed read failed; will retry');
    return 'failed';
  }

  async function run(now: Date) {
    const out: Record<string, FeedOutcome> = {};
    for (const c of feeds.keys()) out[c] = now.getTime() < feeds.get(c)!.nextAt ? 'waiting' : await read(c, now);
    return out;
  }

  return {
    tick(now: Date = o.clock.now()): Promise<Record<string, FeedOutcome>> {
      if (running) return running.then(() => ({}));
      running = run(now).finally(() => (running = undefined));
      return running;
    },
  };
}

export type ArxivRssSource = ReturnType<typeof createArxivRssSource>;
