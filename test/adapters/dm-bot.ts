import { afterEach } from 'vitest';
import { createBot, type Bot } from '../../src/bot.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { createFakeClock } from '../../src/core/clock.js';
import { topicPapers } from '../core/recommend/topic-papers.js';

/** Thursday 2024-01-04 06:00 UTC; a personal digest at 08:00 Europe/Berlin falls at 07:00 UTC. */
export const DM_SLOT = '2024-01-04T07:00:00Z';

/** The whole bot (real engine, recommender, SQLite) over the three-topic papers, for the platform DM tests. */
export async function createDmBot(dataDir: string): Promise<{ bot: Bot; clock: ReturnType<typeof createFakeClock> }> {
  const clock = createFakeClock('2024-01-04T06:00:00Z');
  const bot = await createBot({ dataDir, clock });
  const papers = topicPapers();
  for (const day of [...new Set(papers.map((p) => p.digestDate!))]) {
    await bot.store.ingest({ source: 'arxiv-jsonl', digestDate: day, papers: papers.filter((p) => p.digestDate === day) });
  }
  // A running bot has fitted its model by then (the bot answers "still learning" until it has).
  await bot.recommender.sync();
  return { bot, clock };
}

/** A fresh DM bot per test and the platform harness over it, both closed after each test. */
export function useDmBot<H extends { stop(): Promise<void> }>(startHarness: (bot: Bot) => Promise<H>) {
  const tempDir = useTempDirs();
  const open: Array<{ stop(): Promise<void> }> = [];
  afterEach(async () => {
    for (const x of open.splice(0).reverse()) await x.stop();
  });
  return async () => {
    const env = await createDmBot(tempDir());
    open.push({ stop: () => env.bot.close() });
    const h = await startHarness(env.bot);
    open.push(h);
    return { ...env, h };
  };
}
