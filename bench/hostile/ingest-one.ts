/**
 * Child of bench/hostile.ts: ingests one file into a fresh DATA_DIR the way `papers ingest` does
 * (openCore: real store, parser and search index) and prints one JSON line: RSS before, peak RSS,
 * wall time and what the ingest answered. Run alone in its own process so that its peak is its own.
 */
import { openCore } from '../../src/core/open-core.js';

const [file, dataDir] = process.argv.slice(2) as [string, string];
const core = await openCore({ dataDir, maxFileBytes: 50 * 1024 * 1024 });
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const r = await core.ingest.ingestFile(file);
const ms = performance.now() - t0;
await core.close();
process.stdout.write(
  `${JSON.stringify({
    rssBeforeMb: rssBefore / 1048576,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    ms,
    answer: r.ok ? `ok: ${r.papers} papers, ${r.warnings.length} warning lines (last: ${r.warnings.at(-1) ?? '-'})` : r.error,
  })}\n`,
);
