import * as z from 'zod';
import { UserError } from '../src/core/errors.js';
import type { ReplyAction } from '../src/core/reply.js';
import { buildTrendsPost } from '../src/core/trends/trends-post.js';
import { addDays } from '../src/core/trends/dates.js';
import { defineCommand } from './types.js';

const args = z.object({
  weeks: z.number().int().min(1).max(26).default(4).describe('Earlier weeks to compare this week with (1-26, default 4)'),
});

/** A button per top topic that runs `/papers search <topic>` for whoever presses it. */
export function topicSearchActions(topics: readonly string[]): ReplyAction[] {
  return topics.map((t) => ({ kind: 'run', label: `Search: ${t}`.slice(0, 75), command: 'search', args: { topic: t } }));
}

/**
 * `/papers trends [--weeks N]`: the week in one picture, posted in the channel. The week ends at the
 * newest digest (or today if that is earlier), as `top` does: a bot whose sources paused still
 * shows its last week rather than an empty one.
 */
export const trendsCommand = defineCommand({
  name: 'trends',
  description: 'A picture of the week: rising topics, papers per day, most bookmarked',
  args,
  admin: false,
  examples: ['/papers trends', '/papers trends --weeks 8'],
  async run(a, ctx) {
    if (!ctx.trends) throw new UserError('Trends are not enabled in this bot.');
    const today = ctx.clock.now().toISOString().slice(0, 10);
    const latest = (await ctx.store.listDigests({ limit: 1 }))[0]?.date;
    if (!latest) return { text: 'No digest has been ingested yet, so there are no trends to show.', ephemeral: true };
    const end = latest < today ? latest : today;
    const post = await buildTrendsPost(ctx.trends, { end, weeks: a.weeks, workspace: ctx.caller });
    if (!post.image) return { text: `No papers in the week ${addDays(end, -6)} to ${end}, so no trends picture.`, ephemeral: true };
    return { text: post.text, image: post.image, actions: topicSearchActions(post.topics), ephemeral: false };
  },
});
