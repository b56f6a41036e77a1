/**
 * What operators watch, as a small platform-neutral port: the core and the adapters report events
 * here; src/runtime/prom-metrics.ts turns them into Prometheus metrics (prom-client stays out of
 * the core). `noMetrics` is the default everywhere, so tests and the CLI need nothing.
 */
export interface Metrics {
  /** A digest run ended: its papers posted, given up on (channel paused), or skipped (too late, unsubscribed). */
  digest(platform: string, outcome: 'posted' | 'failed' | 'skipped'): void;
  /** One post attempt failed and is being retried (429 or a transient error). */
  postRetried(platform: string): void;
  /** One fetch of a live source ended; a success also stamps the time of the last success. */
  fetch(source: 'hf' | 'arxiv', ok: boolean): void;
  /** Papers new to the store from one input (re-ingested ones are not counted). */
  papersIngested(source: string, count: number): void;
  /** One search answered (chat or digest topics), in seconds. */
  searchSeconds(seconds: number): void;
  /** From a chat interaction's arrival to its acknowledgement, in seconds. */
  ackSeconds(platform: string, seconds: number): void;
}

export const noMetrics: Metrics = {
  digest() {},
  postRetried() {},
  fetch() {},
  papersIngested() {},
  searchSeconds() {},
  ackSeconds() {},
};
