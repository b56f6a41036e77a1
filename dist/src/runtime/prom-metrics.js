import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
function createPromMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "papers_" });
  const registers = [registry];
  const digests = new Counter({ name: "papers_digests_total", help: "Digest runs by platform and outcome (posted, failed: channel paused, skipped: too late or unsubscribed)", labelNames: ["platform", "outcome"], registers });
  const retries = new Counter({ name: "papers_posts_retried_total", help: "Digest post attempts retried after a 429 or a transient error", labelNames: ["platform"], registers });
  const fetches = new Counter({ name: "papers_source_fetches_total", help: "Live source fetches by source (hf, arxiv) and result (success, failure)", labelNames: ["source", "result"], registers });
  const lastSuccess = new Gauge({ name: "papers_source_last_success_timestamp_seconds", help: "Unix time of the last successful fetch per source", labelNames: ["source"], registers });
  const ingested = new Counter({ name: "papers_ingested_total", help: "Papers new to the store, by input format", labelNames: ["source"], registers });
  const search = new Histogram({ name: "papers_search_duration_seconds", help: "Time to answer one search", buckets: [5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers });
  const ack = new Histogram({ name: "papers_interaction_ack_seconds", help: "From a chat interaction arriving to its acknowledgement", labelNames: ["platform"], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5], registers });
  for (const source of ["hf", "arxiv"]) for (const result of ["success", "failure"]) fetches.inc({ source, result }, 0);
  return {
    registry,
    digest: (platform, outcome) => digests.inc({ platform, outcome }),
    postRetried: (platform) => retries.inc({ platform }),
    fetch(source, ok) {
      fetches.inc({ source, result: ok ? "success" : "failure" });
      if (ok) lastSuccess.set({ source }, Date.now() / 1e3);
    },
    papersIngested: (source, count) => ingested.inc({ source }, count),
    searchSeconds: (seconds) => search.observe(seconds),
    ackSeconds: (platform, seconds) => ack.observe({ platform }, seconds)
  };
}
export {
  createPromMetrics
};
//# sourceMappingURL=prom-metrics.js.map
