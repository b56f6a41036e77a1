import * as z from 'zod';
import { toCard } from '../src/core/cards.js';
import { thousands } from '../src/core/thousands.js';
import { limitArg, pageArg, paperIdArg } from './arg-types.js';
import { findPaper } from './find-paper.js';
import { usageLine } from './help-text.js';
import { pageSize } from './paging.js';
import { cardsReply, textReply } from './replies.js';
import { defineCommand } from './types.js';

const args = z.object({
  id: paperIdArg('The paper: arXiv id or link, a title: id, or title words'),
  limit: limitArg,
  page: pageArg,
  all: z.boolean().default(false).describe('Rank every paper sharing its words, not only the newest (slower on a large archive)'),
});

/** `/papers similar <id>`: papers like this one, best first. */
export const similarCommand = defineCommand({
  name: 'similar',
  description: 'Papers like the given one',
  args,
  admin: false,
  positional: ['id'],
  usage: '/papers similar <id or title words> [--limit N] [--page N] [--all]',
  examples: ['/papers similar 2401.12345', '/papers similar twin merging'],
  async run(a, ctx) {
    const { paper } = await findPaper(ctx.store, a.id, usageLine(similarCommand));
    const { per, note } = pageSize(a.limit, ctx.caller);
    const res = await ctx.search.similar(paper.id, { limit: per, page: a.page, everyMatch: a.all });
    if (!res.hits.length) return textReply(res.notice ?? `Nothing similar to "${paper.title}" found${a.page > 1 ? ' on this page' : ''}.`);
    const cards = res.hits.map((h) => toCard(h.paper, { snippet: h.snippet, score: h.score }));
    const more = a.page * per < res.total;
    // Only the newest papers sharing its words were ranked (see the search core): say so, and offer them all.
    const ranked = res.newestRanked ? ` (the newest ${thousands(res.newestRanked)} ranked)` : '';
    // As search's buttons: flags that are off are left out of a Discord custom_id.
    const carried = { id: paper.id, limit: per, all: a.all || undefined };
    return cardsReply(`Papers like "${paper.title}"${ranked} — page ${a.page}${note}`, cards, {
      actions: [
        ...(more ? [{ kind: 'run' as const, label: 'Next page', command: 'similar', args: { ...carried, page: a.page + 1 } }] : []),
        ...(res.newestRanked && !a.all ? [{ kind: 'run' as const, label: 'Rank every match', command: 'similar', args: { ...carried, page: 1, all: true } }] : []),
      ],
    });
  },
});
