import { backoffMs } from "./backoff.js";
import { fetchLimited, FetchFailure } from "./fetch-limited.js";
function createArxivRssSource(o) {
  const log = o.logger.child({ source: "arxiv-rss" });
  const limits = { timeoutMs: o.timeoutMs ?? 2e4, maxBytes: o.maxBytes ?? 20 * 1024 * 1024, fetch: o.fetch };
  const feeds = new Map(o.categories.map((c) => [c, { nextAt: 0, failures: 0 }]));
  let running;
  async function read(category, now) {
    const f = feeds.get(category);
    const url = `${o.rssUrl.replace(/\/$/, "")}/${category}`;
    const headers = {};
    if (f.etag) headers["if-none-match"] = f.etag;
    if (f.modified) headers["if-modified-since"] = f.modified;
    let reason;
    try {
      const r = await fetchLimited(url, { ...limits, headers });
      if (r.status === 304) {
        f.nextAt = now.getTime() + (o.intervalMs ?? 36e5);
        f.failures = 0;
        return "unchanged";
      }
      if (r.status === 200) {
        const res = await o.ingest.ingestBuffer(r.body, { origin: url, format: "arxiv-rss" });
        if (res.ok) {
          f.etag = r.headers.get("etag") ?? void 0;
          f.modified = r.headers.get("last-modified") ?? void 0;
          f.nextAt = now.getTime() + (o.intervalMs ?? 36e5);
          f.failures = 0;
          log.info({ category, papers: res.papers, new: res.counts.new }, "arXiv feed ingested");
          return "ingested";
        }
        reason = res.error;
      } else reason = `${url}: HTTP ${r.status}`;
    } catch (err) {
      reason = err instanceof FetchFailure || err instanceof Error ? err.message : String(err);
    }
    f.failures++;
    f.nextAt = now.getTime() + backoffMs(f.failures, 5 * 6e4, o.intervalMs ?? 36e5);
    log.error({ category, reason, failures: f.failures }, "arXiv feed read failed; will retry");
    return "failed";
  }
  async function run(now) {
    const out = {};
    for (const c of feeds.keys()) out[c] = now.getTime() < feeds.get(c).nextAt ? "waiting" : await read(c, now);
    return out;
  }
  return {
    tick(now = o.clock.now()) {
      if (running) return running.then(() => ({}));
      running = run(now).finally(() => running = void 0);
      return running;
    }
  };
}
export {
  createArxivRssSource
};
//# sourceMappingURL=arxiv-rss-source.js.map
