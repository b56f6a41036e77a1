import { createChatCore } from '../../../commands/chat-core.js';
import { createFakeClock } from '../../../src/core/clock.js';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { openCore } from '../../../src/core/open-core.js';
import { createRecommender, type RecommenderOptions } from '../../../src/core/recommend/recommender.js';
import { topicPapers } from './topic-papers.js';

/**
 * A chat core over real SQLite holding the three-topic papers (digests 2024-01-01 … 04), with
 * bookmarks, reader feedback and the recommender wired as src/bot.ts wires them.
 */
export async function createForMeEnv(dir: string, opts: { recommender?: Partial<RecommenderOptions>; fitFirst?: boolean } = {}) {
  const clock = createFakeClock('2024-01-05T10:00:00Z');
  const core = await openCore({ dataDir: dir, clock, now: () => clock.now() });
  const papers = topicPapers();
  for (const day of [...new Set(papers.map((p) => p.digestDate!))]) {
    await core.store.ingest({ source: 'arxiv-jsonl', digestDate: day, papers: papers.filter((p) => p.digestDate === day) });
  }
  const bookmarks = core.storage.bookmarks;
  const feedback = core.storage.feedback;
  const logger = createRecordingLogger();
  const recommender = createRecommender({ store: core.store, logger, ...opts.recommender });
  // Fitted here, not inside the first command: on a busy machine that can outlast a fake's reply wait.
  if (opts.fitFirst !== false) await recommender.sync();
  const chat = createChatCore({ store: core.store, search: core.search, bookmarks, reading: core.reading, logger, clock, recommender, feedback });
  return { core, chat, bookmarks, feedback, recommender, clock, logger, close: async () => {
      await recommender.idle();
      await core.close();
    },
  };
}
