import { createBot, type Bot } from '../../src/bot.js';
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
  return { bot, clock };
}
