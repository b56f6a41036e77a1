/**
 * npm run bench:local-records — how the `messages` table grows in the local chat mode: 2,000
 * searches (10 topics, pages 1-3) piped through runLocalMode over createBot with the founding digest
 * and every hf-daily day, then 20 reactions. Prints the cards shown (each one was a row before
 * rows were recorded on reaction only) and the rows the table holds.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { runLocalMode } from '../src/adapters/local/local-mode.js';
import { createBot } from '../src/bot.js';
import { silentLogger } from '../src/core/logger.js';
import { sharedData } from './lib/shared-data.js';

const DATA = sharedData();
const TOPICS = ['model merging', 'diffusion transformers', 'mixture of experts', 'speculative decoding', 'vision language models', 'retrieval augmented generation', 'long context', 'quantization', 'video generation', 'agents tool use'];
const SEARCHES = 2_000;
const REACTIONS = 20;

const dir = mkdtempSync(join(tmpdir(), 'papers-bench-'));
try {
  const bot = await createBot({ dataDir: dir, logger: silentLogger });
  await bot.ingest.ingestFile(join(DATA, 'digests', '000_ef33da10a12a54aa.txt'), { date: '2026-04-22' });
  for (const f of readdirSync(join(DATA, 'hf-daily')).filter((f) => f.endsWith('.json'))) await bot.ingest.ingestFile(join(DATA, 'hf-daily', f));

  const rows = () => {
    const db = new Database(join(dir, 'papers.db'), { readonly: true });
    try {
      return (db.prepare("SELECT COUNT(*) AS n FROM messages WHERE platform = 'local'").get() as { n: number }).n;
    } finally {
      db.close();
    }
  };
  let cards = 0;
  const output = new Writable({
    write(chunk, _e, done) {
      cards += (String(chunk).match(/^\d+\. /gm) ?? []).length;
      done();
    },
  });
  const searches = Array.from({ length: SEARCHES }, (_, i) => `/papers search ${TOPICS[i % TOPICS.length]} --page ${1 + (i % 3)}`);
  const t = performance.now();
  await runLocalMode({ chat: bot.chat, input: Readable.from([searches.join('\n') + '\n']), output, exportDir: join(dir, 'exports') });
  const searchMs = performance.now() - t;
  const shown = cards;
  const afterSearches = rows();
  const reacting = Array.from({ length: REACTIONS }, (_, i) => [`/papers search ${TOPICS[i % TOPICS.length]}`, `react ${1 + (i % 3)} 🔖`]).flat();
  await runLocalMode({ chat: bot.chat, input: Readable.from([reacting.join('\n') + '\n']), output, exportDir: join(dir, 'exports') });
  await bot.close();
  const afterReactions = rows();
  console.log(`local chat mode, ${SEARCHES} searches: ${shown} cards shown (one messages row each before), ${afterSearches} rows now (${(searchMs / SEARCHES).toFixed(1)} ms per search)`);
  console.log(`then ${REACTIONS} searches with a 🔖 on one card each: ${afterReactions} rows (one per card reacted to)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
