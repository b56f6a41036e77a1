import { existsSync } from "node:fs";
import { createSqliteBookmarkStore } from "./core/bookmarks/sqlite-bookmark-store.js";
import { systemClock } from "./core/clock.js";
import { createDigestEngine } from "./core/digest/engine.js";
import { meteredIngest, meteredSearch } from "./core/metered.js";
import { noMetrics } from "./core/metrics.js";
import { openCore } from "./core/open-core.js";
import { createChatCore } from "../commands/chat-core.js";
async function createBot(opts) {
  const clock = opts.clock ?? systemClock;
  const core = await openCore({ ...opts, now: opts.now ?? (() => clock.now()) });
  const logger = core.logger;
  const metrics = opts.metrics ?? noMetrics;
  const search = opts.metrics ? meteredSearch(core.search, metrics) : core.search;
  const ingest = opts.metrics ? meteredIngest(core.ingest, metrics) : core.ingest;
  const bookmarks = createSqliteBookmarkStore(core.db, clock);
  const digests = createDigestEngine({
    db: core.db,
    papers: core.store,
    search,
    clock,
    logger,
    maxLatenessMs: opts.maxLatenessMs,
    metrics
  });
  const chat = createChatCore({ store: core.store, search, digests, bookmarks, logger, clock, exportDir: opts.exportDir });
  return { ...core, search, ingest, chat, digests, bookmarks, clock };
}
async function ensureSampleDigest(bot, file) {
  if ((await bot.store.stats()).papers > 0) return void 0;
  if (!existsSync(file)) return { ok: false, origin: file, error: `${file}: sample digest not found` };
  return bot.ingest.ingestFile(file);
}
export {
  createBot,
  ensureSampleDigest
};
//# sourceMappingURL=bot.js.map
