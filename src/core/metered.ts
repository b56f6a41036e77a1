import type { IngestOutcome, IngestService } from './ingest-ports.js';
import type { Metrics } from './metrics.js';
import type { PaperSearch } from './search/ports.js';

/** The search, timing each answer (search and similar) into the metrics. */
export function meteredSearch(search: PaperSearch, metrics: Metrics): PaperSearch {
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      metrics.searchSeconds((performance.now() - start) / 1000);
    }
  };
  return {
    search: (q) => timed(() => search.search(q)),
    similar: (id, opts) => timed(() => search.similar(id, opts)),
    sync: () => search.sync(),
    settled: async () => search.settled?.(),
    followIngest: async () => search.followIngest?.(),
    close: () => search.close(),
  };
}

/** The ingest service, counting the papers each input adds to the store. */
export function meteredIngest(ingest: IngestService, metrics: Metrics): IngestService {
  const count = (r: IngestOutcome) => {
    if (r.ok && r.counts.new > 0) metrics.papersIngested(r.format, r.counts.new);
    return r;
  };
  return {
    ingestBuffer: (content, opts) => ingest.ingestBuffer(content, opts).then(count),
    ingestFile: (path, opts) => ingest.ingestFile(path, opts).then(count),
  };
}
