import { join } from "node:path";
import { createIngestService } from "./ingest.js";
import { silentLogger } from "./logger.js";
import { parseDigest } from "./parse/parse-digest.js";
import { createPaperSearch } from "./search/create-paper-search.js";
import { openDatabase } from "./store/sqlite/open.js";
import { createSqlitePaperStore } from "./store/sqlite/paper-store.js";
const DATABASE_FILE = "papers.db";
async function openCore(opts) {
  const logger = opts.logger ?? silentLogger;
  const db = openDatabase(join(opts.dataDir, DATABASE_FILE));
  const store = createSqlitePaperStore(db);
  const search = await createPaperSearch({ dataDir: opts.dataDir, store, logger: logger.child({ module: "search" }) });
  const ingest = createIngestService({
    store,
    parse: parseDigest,
    search,
    maxBytes: opts.maxFileBytes ?? 50 * 1024 * 1024,
    logger: logger.child({ module: "ingest" }),
    now: opts.now
  });
  return {
    db,
    store,
    search,
    ingest,
    logger,
    async close() {
      await search.close();
      await store.close();
    }
  };
}
export {
  DATABASE_FILE,
  openCore
};
//# sourceMappingURL=open-core.js.map
