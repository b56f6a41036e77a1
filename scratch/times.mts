import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
const W = process.argv[3]!;
const { silentLogger } = await import(W + '/dist/src/core/logger.js');
const { createPaperSearch } = await import(W + '/dist/src/core/search/create-paper-search.js');
const { openDatabase } = await import(W + '/dist/src/core/store/sqlite/open.js');
const { createSqlitePaperStore } = await import(W + '/dist/src/core/store/sqlite/paper-store.js');
const dir = process.argv[2]!;
const queries: string[] = JSON.parse(readFileSync('/tmp/x/queries.json', 'utf8'));
const store = createSqlitePaperStore(openDatabase(join(dir, 'papers.db')));
const search = await createPaperSearch({ dataDir: dir, store, logger: silentLogger });
await search.search({ text: 'x', limit: 5 });
await search.settled?.();
const best = new Map<string, number>();
const pages = new Map<string, string>();
for (let r = 0; r < 3; r++) for (const q of queries) {
  const t = performance.now();
  const res = await search.search({ text: q, limit: 5 });
  const ms = performance.now() - t;
  best.set(q, Math.min(best.get(q) ?? Infinity, ms));
  pages.set(q, res.hits.map((h: any) => h.paper.id).join() + ' ' + res.total + ' ' + (res.newestOnly ?? ''));
}
writeFileSync(process.argv[4]!, JSON.stringify([...best]));
writeFileSync(process.argv[4]! + '.pages', JSON.stringify([...pages]));
process.exit(0);
