/**
 * npm run bench:commands — the command layer's own cost, in one process over createBot with the
 * shared seed digest and every hf-daily day ingested:
 *   - text parse + zod validation of typical `/papers …` lines (no I/O),
 *   - ChatCore.handleText('search …') end to end (parse, search, cards), sequential,
 *   - 300 lines piped through the local chat mode (search, react, bookmarks),
 *   - BibTeX / CSV / Markdown export of 1,000 bookmarks.
 * Figures are as measured on this shared, noisy machine.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { parseCommandText } from '../commands/text-parser.js';
import { validateArgs } from '../commands/validate.js';
import { runLocalMode } from '../src/adapters/local/local-mode.js';
import { createBot } from '../src/bot.js';
import { exportFile } from '../src/core/bookmarks/export.js';
import { silentLogger } from '../src/core/logger.js';
import type { Caller } from '../src/core/reply.js';
import { percentile } from './lib/load.js';
import { sharedData } from './lib/shared-data.js';

const DATA = sharedData();
const TOPICS = ['model merging', 'diffusion transformers', 'mixture of experts', 'speculative decoding', 'vision language models', 'retrieval augmented generation', 'long context', 'quantization', 'video generation', 'agents tool use'];
const caller: Caller = { platform: 'local', workspaceId: 'local', channelId: 'local', userId: 'bench', isAdmin: true };

const pct = percentile;
const ms = (x: number) => `${x.toFixed(x < 1 ? 3 : 1)} ms`;

const dir = mkdtempSync(join(tmpdir(), 'papers-bench-'));
try {
  const bot = await createBot({ dataDir: dir, logger: silentLogger });
  await bot.ingest.ingestFile(join(DATA, 'digests', '000_ef33da10a12a54aa.txt'), { date: '2026-04-22' });
  const days = readdirSync(join(DATA, 'hf-daily')).filter((f) => f.endsWith('.json'));
  for (const f of days) await bot.ingest.ingestFile(join(DATA, 'hf-daily', f));
  const stats = await bot.store.stats();
  console.log(`store: ${stats.papers} papers, ${stats.digests} digests`);

  const lines = ['search model merging --since 2025-01-01 --limit 5', 'bookmarks export bibtex', 'subscribe --time 09:00 --tz Europe/Berlin --days mon-fri --top 5 --topics "merging, -survey"', 'digest now', 'search "mixture of experts" --has-code --page 2'];
  const N = 20_000;
  let t = performance.now();
  for (let i = 0; i < N; i++) {
    const { command, args, positional } = parseCommandText(lines[i % lines.length]!);
    validateArgs(command, args, 'text', positional);
  }
  console.log(`parse + validate: ${ms((performance.now() - t) / N)} per line (${N} lines)`);

  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const s = performance.now();
    const r = await bot.chat.handleText(`search ${TOPICS[i % TOPICS.length]} --page ${1 + (i % 3)}`, caller);
    times.push(performance.now() - s);
    if (r.error) throw new Error(r.text);
  }
  console.log(`handleText search: p50 ${ms(pct(times, 50))}, p99 ${ms(pct(times, 99))} (500 sequential)`);

  const input: string[] = [];
  for (let i = 0; i < 100; i++) input.push(`/papers search ${TOPICS[i % TOPICS.length]}`, `react ${1 + (i % 5)} 🔖`, i % 10 === 0 ? '/papers bookmarks' : 'unreact 1 🔖');
  const sink = new Writable({ write: (_c, _e, done) => done() });
  t = performance.now();
  await runLocalMode({ chat: bot.chat, input: Readable.from([input.join('\n') + '\n']), output: sink, exportDir: join(dir, 'exports') });
  console.log(`local mode: ${input.length} piped lines in ${ms(performance.now() - t)} (${ms((performance.now() - t) / input.length)} per line)`);

  const papers = (await bot.store.papersSince(0, 1000)).slice(0, 1000);
  for (const format of ['bibtex', 'csv', 'markdown'] as const) {
    t = performance.now();
    const f = exportFile(papers, format, '2026-01-01');
    console.log(`export ${format}: ${papers.length} papers in ${ms(performance.now() - t)} (${(f.content.length / 1024).toFixed(0)} KB)`);
  }
  await bot.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
