import * as z from 'zod';
import { toCard } from '../src/core/cards.js';
import { limitArg, pageArg, paperIdArg } from './arg-types.js';
import { findPaper } from './find-paper.js';
import { usageLine } from './help-text.js';
import { newestRankedNote, pageSize, rankedListActions } from './paging.js';
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
    const cut = Boolean(res.newestRanked) && !a.all;
    return cardsReply(`Papers like "${paper.title}"${newestRankedNote(res.newestRanked)} — page ${a.page}${note}`, cards, {
      actions: rankedListActions('similar', { id: paper.id, limit: per, all: a.all }, { page: a.page, more, cut }),
    });
  },
});
