import { noMetrics } from "../metrics.js";
import { createArxivRssSource } from "./arxiv-rss-source.js";
import { createHfDailySource } from "./hf-daily-source.js";
import { watchInbox } from "./watch-inbox.js";
function createLiveSources(o) {
  const common = { ingest: o.ingest, logger: o.logger, clock: o.clock, timeoutMs: o.fetchTimeoutMs, maxBytes: o.maxBytes };
  const inbox = o.inboxDir ? watchInbox({ dir: o.inboxDir, ingest: o.ingest, logger: o.logger }) : void 0;
  const hf = o.hf?.enabled && o.hf.fetchTime ? createHfDailySource({ ...common, apiUrl: o.hf.apiUrl, fetchTime: o.hf.fetchTime }) : void 0;
  const arxiv = o.arxiv?.categories.length ? createArxivRssSource({ ...common, rssUrl: o.arxiv.rssUrl, categories: o.arxiv.categories }) : void 0;
  const log = o.logger.child({ module: "sources" });
  log.info({ inbox: o.inboxDir ?? null, hf: hf ? o.hf.apiUrl : null, arxiv: arxiv ? o.arxiv.categories : [] }, "live sources");
  return {
    inbox,
    hf,
    arxiv,
    /** Never throws: a source failure is logged and retried on a later tick. */
    async tick(now = o.clock.now()) {
      const metrics = o.metrics ?? noMetrics;
      const count = (source, outcomes) => {
        for (const v of Object.values(outcomes)) if (v === "failed") metrics.fetch(source, false);
        else if (v === "ingested" || v === "empty" || v === "unchanged") metrics.fetch(source, true);
      };
      const jobs = [inbox?.scan(), hf?.tick(now).then((r) => count("hf", r)), arxiv?.tick(now).then((r) => count("arxiv", r))];
      for (const r of await Promise.allSettled(jobs)) if (r.status === "rejected") log.error({ err: r.reason }, "source tick failed");
    },
    close() {
      inbox?.close();
    }
  };
}
export {
  createLiveSources
};
//# sourceMappingURL=live-sources.js.map
