import * as z from 'zod';
import { toCard } from '../src/core/cards.js';
import { UserError } from '../src/core/errors.js';
import { SourceSchema } from '../src/core/paper.js';
import { counted, thousands } from '../src/core/thousands.js';
import { dateArg, limitArg, pageArg } from './arg-types.js';
import { usageLine } from './help-text.js';
import { newestRankedNote, pageSize, rankedListActions } from './paging.js';
import { cardsReply, textReply } from './replies.js';
import { defineCommand } from './types.js';

const args = z.object({
  topic: z.string().trim().min(1).max(500).describe('What to look for: words, a phrase, a method name'),
  since: dateArg('Only papers from digests on or after this date').optional(),
  until: dateArg('Only papers from digests on or before this date').optional(),
  hasCode: z.boolean().default(false).describe('Only papers with a code link'),
  minUpvotes: z.number().int().min(0).max(100_000).optional().describe('Only papers with at least this many upvotes'),
  // The choices are listed in help and on Discord; the usage line stays short.
  source: SourceSchema.meta({ placeholder: 'SOURCE' }).optional().describe('Only papers from this source'),
  limit: limitArg,
  page: pageArg,
  // Last: the usage line and Discord's option list put the everyday ones first.
  all: z.boolean().default(false).describe('Rank every matching paper, not only the newest (slower on broad topics)'),
});

/** `/papers search <topic>`: ranked cards, ephemeral, with a Next page action when more exist. */
export const searchCommand = defineCommand({
  name: 'search',
  description: 'Search every ingested paper by topic',
  args,
  admin: false,
  positional: ['topic'],
  examples: ['/papers search model merging --since 2025-01-01 --limit 5', '/papers search "reward hacking" --has-code', '/papers search agents --min-upvotes 20 --source hf-api'],
  async run(a, ctx) {
    if (a.since && a.until && a.since > a.until) {
      throw new UserError(`--since ${a.since} is after --until ${a.until}.`, usageLine(searchCommand));
    }
    const { per, note } = pageSize(a.limit, ctx.caller);
    const res = await ctx.search.search({
      text: a.topic,
      since: a.since,
      until: a.until,
      hasCode: a.hasCode,
      minUpvotes: a.minUpvotes,
      source: a.source,
      limit: per,
      page: a.page,
      everyMatch: a.all,
    });
    const pages = Math.max(1, Math.ceil(res.total / per));
    if (!res.hits.length) {
      if (res.total > 0) return textReply(`Page ${a.page} is past the end: "${a.topic}" has ${counted(res.total, 'result')} on ${counted(pages, 'page')}.`);
      return textReply(res.notice ?? `Nothing matched "${a.topic}". Try fewer or other words, or widen the dates.`);
    }
    const from = (a.page - 1) * per + 1;
    // A broad topic is ranked among the newest papers only, or only its newest matches are (see
    // the search core): say so, and offer the ranking of every match.
    const among = res.newestOnly ? ` among the newest ${thousands(res.newestOnly)}` : '';
    const heading = `${counted(res.total, 'paper matches', 'papers match')} "${a.topic}"${among}${newestRankedNote(res.newestRanked)} — ${thousands(from)}-${thousands(from + res.hits.length - 1)}, page ${thousands(a.page)} of ${thousands(pages)}${note}`;
    const cards = res.hits.map((h) => toCard(h.paper, { snippet: h.snippet, score: h.score }));
    const more = a.page * per < res.total;
    const cut = Boolean(res.newestOnly || res.newestRanked) && !a.all;
    // The next page carries the size actually shown, so it starts right after the last card here.
    return cardsReply(heading, cards, { actions: rankedListActions('search', { ...a, limit: per }, { page: a.page, more, cut }) });
  },
});
