import type { Clock } from '../clock.js';
import type { IngestService } from '../ingest-ports.js';
import type { Logger } from '../logger.js';
import { addDays, isoDate, localParts } from '../digest/local-time.js';
import { backoffMs } from './backoff.js';
import { fetchLimited, FetchFailure, type FetchLimits } from './fetch-limited.js';

export interface HfDailySourceOptions {
  /** Base URL, e.g. https://huggingface.co (the path /api/daily_papers is added). */
  apiUrl: string;
  ingest: IngestService;
  logger: Logger;
  clock: Clock;
  /** When a day's list is considered closed, HH:MM in `timeZone` (default 21:30 US Eastern). */
  fetchTime?: string;
  timeZone?: string;
  /** Closed days looked at on each tick, newest last: covers a few days of outage (default 3). */
  lookbackDays?: number;
  timeoutMs?: number;
  maxBytes?: number;
  /** Entries asked per page; a full page means there may be another (default 100). */
  pageSize?: number;
  maxPages?: number;
  /** Attempts within one tick on 5xx/timeouts before waiting for a later tick (default 3). */
  attempts?: number;
  retryBaseMs?: number;
  /** Wait after "not published yet" (HTTP 400) before asking again (default 30 min). */
  notReadyDelayMs?: number;
  fetch?: FetchLimits['fetch'];
}

export type DayOutcome = 'ingested' | 'empty' | 'not-ready' | 'failed' | 'waiting';

/** Fetches the Hugging Face daily papers of each closed day once, following pages, and ingests them. */
export function createHfDailySource(o: HfDailySourceOptions) {
  const tz = o.timeZone ?? 'America/New_York';
  const [fh, fm] = (o.fetchTime ?? '21:30').split(':').map(Number) as [number, number];
  const pageSize = o.pageSize ?? 100;
  const limits: FetchLimits = { timeoutMs: o.timeoutMs ?? 20_000, maxBytes: o.maxBytes ?? 20 * 1024 * 1024, fetch: o.fetch };
  const log = o.logger.child({ source: 'hf-daily' });
  const done = new Set<string>();
  const state = new Map<string, { failures: number; nextAt: number }>();
  let running: Promise<Record<string, DayOutcome>> | undefined;

  /** The newest day whose list has closed at `now`. */
  function latestClosed(now: Date): string {
    const p = localParts(now.getTime(), tz);
    const closed = p.hour > fh || (p.hour === fh && p.minute >= fm);
    return isoDate(closed ? p : addDays(p, -1));
  }

  const pageUrl = (date: string, page: number) => `${o.apiUrl.replace(/\/$/, '')}/api/daily_papers?date=${date}&limit=${pageSize}&p=${page}`;

  async function get(url: string): Promise<{ status: number; body: Buffer }> {
    const attempts = o.attempts ?? 3;
    for (let i = 1; ; i++) {
      try {
        const r = await fetchLimited(url, limits);
        if ((r.status >= 500 || r.status === 429) && i < attempts) throw new FetchFailure(`${url}: HTTP ${r.status}`, 'status', true, r.status);
        return r;
      } catch (err) {
        if (!(err instanceof FetchFailure) || !err.retry || i >= attempts) throw err;
        const wait = backoffMs(i, o.retryBaseMs ?? 2000, 60_000);
        log.warn({ url, err: err.message, attempt: i, waitMs: wait }, 'fetch failed; retrying');
        await o.clock.sleep(wait);
      }
    }
  }

  async function fetchDay(date: string): Promise<{ outcome: DayOutcome; reason?: string }> {
    const items: unknown[] = [];
    const seen = new Set<string>();
    for (let page = 0; page < (o.maxPages ?? 20); page++) {
      const url = pageUrl(date, page);
      const r = await get(url);
      // HF answers 400 for a day it has not published: not an error, just "ask later".
      if (r.status === 400 || r.status === 404) return page === 0 ? { outcome: 'not-ready' } : { outcome: 'failed', reason: `${url}: HTTP ${r.status} on page ${page}` };
      if (r.status !== 200) return { outcome: 'failed', reason: `${url}: HTTP ${r.status}` };
      let list: unknown[];
      try {
        const parsed: unknown = JSON.parse(r.body.toString('utf8'));
        const data = Array.isArray(parsed) ? parsed : (parsed as { data?: unknown }).data;
        if (!Array.isArray(data)) throw new Error('expected a JSON list of papers');
        list = data;
      } catch (err) {
        return { outcome: 'failed', reason: `${url}: malformed body (${(err as Error).message})` };
      }
      // A server that ignores paging sends page 0 again: stop when a page brings nothing new.
      const fresh = list.filter((item) => {
        const id = JSON.stringify((item as { paper?: { id?: unknown } })?.paper?.id ?? item);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      items.push(...fresh);
      if (list.length < pageSize || fresh.length === 0) break;
    }
    if (!items.length) return { outcome: 'empty' };
    const res = await o.ingest.ingestBuffer(Buffer.from(JSON.stringify(items)), { origin: pageUrl(date, 0), format: 'hf-api', date });
    if (!res.ok) return { outcome: 'failed', reason: res.error };
    log.info({ date, papers: res.papers, new: res.counts.new }, 'hf daily papers ingested');
    return { outcome: 'ingested' };
  }

  async function run(now: Date): Promise<Record<string, DayOutcome>> {
    const out: Record<string, DayOutcome> = {};
    const last = latestClosed(now);
    const lookback = o.lookbackDays ?? 3;
    const lastParts = { year: +last.slice(0, 4), month: +last.slice(5, 7), day: +last.slice(8, 10) };
    for (let i = lookback - 1; i >= 0; i--) {
      const date = isoDate(addDays(lastParts, -i));
      if (done.has(date)) continue;
      const st = state.get(date) ?? { failures: 0, nextAt: 0 };
      if (now.getTime() < st.nextAt) {
        out[date] = 'waiting';
        continue;
      }
      let r: { outcome: DayOutcome; reason?: string };
      try {
        r = await fetchDay(date);
      } catch (err) {
        r = { outcome: 'failed', reason: err instanceof Error ? err.message : String(err) };
      }
      out[date] = r.outcome;
      if (r.outcome === 'ingested' || r.outcome === 'empty') {
        done.add(date);
        state.delete(date);
        if (r.outcome === 'empty') log.info({ date }, 'hf daily papers: empty day');
      } else if (r.outcome === 'not-ready') {
        state.set(date, { failures: st.failures, nextAt: now.getTime() + (o.notReadyDelayMs ?? 30 * 60_000) });
        log.info({ date }, 'hf daily papers not published yet; will try later');
      } else {
        const failures = st.failures + 1;
        state.set(date, { failures, nextAt: now.getTime() + backoffMs(failures, 5 * 60_000, 2 * 3600_000) });
        log.error({ date, reason: r.reason, failures }, 'hf daily papers fetch failed; will retry');
      }
    }
    // Forget days that left the window so the sets stay small over months.
    for (const d of done) if (d < isoDate(addDays(lastParts, -lookback - 7))) done.delete(d);
    return out;
  }

  return {
    latestClosed,
    /** Fetches every closed, not yet fetched day in the window whose retry time has come. */
    tick(now: Date = o.clock.now()): Promise<Record<string, DayOutcome>> {
      // Ticks come every minute; a slow fetch must not be started twice.
      if (running) return running.then(() => ({}));
      running = run(now).finally(() => (running = undefined));
      return running;
    },
  };
}

export type HfDailySource = ReturnType<typeof createHfDailySource>;
