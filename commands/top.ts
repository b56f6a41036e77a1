import * as z from 'zod';
import { toCard } from '../src/core/cards.js';
import { limitArg, pageArg } from './arg-types.js';
import { addDays } from './find-paper.js';
import { pageSize } from './paging.js';
import { cardsReply, textReply } from './replies.js';
import { defineCommand } from './types.js';

const args = z.object({
  days: z.number().int().min(1).max(365).default(7).describe('How many days of digests to look back (default 7)'),
  limit: limitArg,
  page: pageArg,
});

/**
 * `/papers top [--days N]`: most upvoted papers. The window ends at the newest digest (or today if
 * that is earlier), so a bot whose sources paused still shows its recent best instead of nothing.
 */
export const topCommand = defineCommand({
  name: 'top',
  description: 'The most upvoted papers of recent digests',
  args,
  admin: false,
  examples: ['/papers top --days 30'],
  async run(a, ctx) {
    const today = ctx.clock.now().toISOString().slice(0, 10);
    const latest = (await ctx.store.listDigests({ limit: 1 }))[0]?.date;
    if (!latest) return textReply('No digest has been ingested yet.');
    const end = latest < today ? latest : today;
    const since = addDays(end, -(a.days - 1));
    const { per, note } = pageSize(a.limit, ctx.caller);
    const offset = (a.page - 1) * per;
    // One extra row tells whether a next page exists without counting them all.
    const rows = await ctx.store.topPapers({ sinceDate: since, limit: per + 1, offset });
    const papers = rows.slice(0, per);
    if (!papers.length) {
      return textReply(
        a.page > 1
          ? `No more upvoted papers in digests since ${since}.`
          : `No upvoted papers in digests since ${since}. Upvote counts come from Hugging Face daily papers; text digests carry none.`,
      );
    }
    const heading = `Top papers of digests ${since} to ${end} — page ${a.page}${note}`;
    return cardsReply(heading, papers.map((p) => toCard(p)), {
      actions: rows.length > per ? [{ kind: 'run', label: 'Next page', command: 'top', args: { ...a, limit: per, page: a.page + 1 } }] : [],
    });
  },
});
