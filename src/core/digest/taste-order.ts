import { RecommenderNotReady } from '../errors.js';
import type { Caller } from '../reply.js';
import type { StoredPaper } from '../paper.js';
import type { Recommender } from '../recommend/recommender.js';

/** What `--rank taste` needs: the recommender, and which papers a channel's members bookmarked from its posts. */
export interface TasteDeps {
  recommender: Recommender;
  channelBookmarks(platform: Caller['platform'], channelId: string, limit: number): Promise<string[]>;
}

/** Fewer bookmarks than this are too few to call a taste: the digest keeps today's order. */
export const MIN_TASTE_BOOKMARKS = 5;
/** The newest this-many bookmarks describe the channel's taste (what it likes now). */
const TASTE_SIZE = 200;

/**
 * A channel's candidates ordered by its taste (papers like the ones members bookmarked from the
 * channel's posts), or left as they are while there are too few bookmarks. `order` says which, for
 * the preview.
 */
export async function orderByTaste(
  taste: TasteDeps | undefined,
  channel: Pick<Caller, 'platform' | 'channelId'>,
  papers: StoredPaper[],
): Promise<{ papers: StoredPaper[]; order: string }> {
  if (!taste) return { papers, order: "today's order (taste ranking is not enabled on this bot)" };
  const liked = await taste.channelBookmarks(channel.platform, channel.channelId, TASTE_SIZE);
  if (liked.length < MIN_TASTE_BOOKMARKS) {
    return { papers, order: `today's order: taste needs ${MIN_TASTE_BOOKMARKS} bookmarks of this channel's posts, it has ${liked.length}` };
  }
  if (!papers.length) return { papers, order: `the channel's taste (${liked.length} bookmarks of its posts)` };
  let r;
  try {
    r = await taste.recommender.recommend({ positives: liked, only: papers.map((p) => p.id), limit: papers.length });
  } catch (err) {
    // The first model is still being fitted: today's digest goes out in today's order, not late.
    if (err instanceof RecommenderNotReady) return { papers, order: "today's order: the recommender is still learning the archive (its first fit is running)" };
    throw err;
  }
  const score = new Map(r.items.map((i) => [i.id, i.score]));
  // Stable: papers the model cannot score (not yet folded in) keep their place after the scored ones.
  const ordered = papers
    .map((p, i) => ({ p, i, s: score.get(p.id) ?? -Infinity }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.p);
  return { papers: ordered, order: `the channel's taste (${liked.length} bookmarks of its posts)` };
}
