import { z } from 'zod';
import { toCard } from '../src/core/cards.js';
import { UserError } from '../src/core/errors.js';
import { becauseSnippet } from '../src/core/recommend/explain.js';
import type { SnippetPart } from '../src/core/reply.js';
import { pageArg } from './arg-types.js';
import { addDays } from './find-paper.js';
import { usageLine } from './help-text.js';
import { pageSize } from './paging.js';
import { cardsReply, textReply } from './replies.js';
import { defineCommand, type CommandContext } from './types.js';

/** Fewer bookmarks than this say too little about a reader to rank for them. */
export const MIN_BOOKMARKS = 3;
const PER_PAGE = 5;
/** The newest this-many bookmarks and dismissals make the profile: the reader's taste as it is now. */
const PROFILE_SIZE = 200;

const args = z.object({
  action: z.enum(['show', 'pin', 'unpin', 'pins']).optional().describe('show (default), pin or unpin an author or keyword, or list pins'),
  text: z.string().trim().min(1).max(200).meta({ placeholder: 'TEXT' }).optional().describe('The author or keyword to pin or unpin'),
  days: z.number().int().min(1).max(365).default(7).describe('How many days of digests to look in (default 7)'),
  page: pageArg,
});

/**
 * `/papers for-me`: recommendations from the caller's own bookmarks, over the last N days of
 * digests, never a paper already bookmarked or dismissed. One command with an optional action
 * (as `bookmarks`): Discord cannot make `for-me` both a group and a command.
 */
export const forMeCommand = defineCommand({
  name: 'for-me',
  description: 'Papers picked for you from your bookmarks; pin authors or keywords',
  args,
  admin: false,
  positional: (first) => (first === 'pin' || first === 'unpin' ? ['action', 'text'] : ['action']),
  usage: '/papers for-me [--days N] [--page N] | /papers for-me pin|unpin "<author or keyword>" | /papers for-me pins',
  examples: ['/papers for-me', '/papers for-me --days 30', '/papers for-me pin "Yann LeCun"', '/papers for-me pin "world models"'],
  async run(a, ctx) {
    if (!ctx.recommender || !ctx.feedback) return textReply('Recommendations are not enabled on this bot.');
    const action = a.action ?? (a.text ? 'pin' : 'show');
    const text = a.text?.replace(/^["']|["']$/g, '').trim();
    if (action === 'pin' || action === 'unpin') {
      if (!text) throw new UserError(`Say what to ${action}: /papers for-me ${action} "world models".`, usageLine(forMeCommand));
      return action === 'pin' ? pin(text, ctx) : unpin(text, ctx);
    }
    if (action === 'pins') return listPins(ctx);
    return show(a.days, a.page, ctx);
  },
});

async function pin(text: string, ctx: CommandContext) {
  const { added } = await ctx.feedback!.pin(ctx.caller, text);
  return textReply(
    added
      ? `Pinned "${text}": papers by that author or with those words rank higher in /papers for-me. /papers for-me unpin "${text}" removes it.`
      : `"${text}" is already pinned.`,
  );
}

async function unpin(text: string, ctx: CommandContext) {
  const { removed } = await ctx.feedback!.unpin(ctx.caller, text);
  return textReply(removed ? `Unpinned "${text}".` : `"${text}" was not pinned; /papers for-me pins lists your pins.`);
}

async function listPins(ctx: CommandContext) {
  const pins = await ctx.feedback!.pins(ctx.caller);
  return textReply(pins.length ? `Your pins: ${pins.map((p) => `"${p}"`).join(', ')}` : 'No pins yet: /papers for-me pin "<author or keyword>" adds one.');
}

async function show(days: number, page: number, ctx: CommandContext) {
  const { paperIds: all, total } = await ctx.bookmarks.list(ctx.caller, { limit: 100_000 });
  if (total < MIN_BOOKMARKS) {
    const more = MIN_BOOKMARKS - total;
    return {
      ...textReply(
        `${total ? `You have ${total} bookmark${total > 1 ? 's' : ''}; ` : 'You have no bookmarks yet; '}` +
          `/papers for-me learns from at least ${MIN_BOOKMARKS}: bookmark ${more} more paper${more > 1 ? 's' : ''} (🔖 on a paper the bot posts, or its Bookmark button). ` +
          'Meanwhile, /papers top shows the most upvoted recent papers.',
      ),
      actions: [{ kind: 'run' as const, label: 'Top papers', command: 'top', args: { days } }],
    };
  }
  const latest = (await ctx.store.listDigests({ limit: 1 }))[0]?.date;
  if (!latest) return textReply('No digest has been ingested yet.');
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const end = latest < today ? latest : today;
  const since = addDays(end, -(days - 1));
  const dismissed = await ctx.feedback!.dismissed(ctx.caller, 100_000);
  const pins = await ctx.feedback!.pins(ctx.caller);
  const { per, note } = pageSize(PER_PAGE, ctx.caller);
  const r = await ctx.recommender!.recommend({
    positives: all.slice(0, PROFILE_SIZE),
    negatives: dismissed.slice(0, PROFILE_SIZE),
    exclude: [...all, ...dismissed],
    pins,
    since,
    until: end,
    limit: per,
    offset: (page - 1) * per,
  });
  if (!r.items.length) {
    return textReply(page > 1 ? `No more papers for you in digests ${since} to ${end}.` : `Nothing new for you in digests ${since} to ${end}: try /papers for-me --days ${Math.min(365, days * 4)}.`);
  }
  const papers = new Map((await ctx.store.getPapers(r.items.map((i) => i.id))).map((p) => [p.id, p]));
  const cards = r.items.flatMap((item) => {
    const p = papers.get(item.id);
    if (!p) return [];
    const card = toCard(p, { snippet: [...becauseParts(item.because, item.pins), ...becauseSnippet(p.abstract, item.because)] });
    card.dismissable = true;
    return [card];
  });
  const more = page * per < r.total;
  return cardsReply(`For you, from your ${total} bookmarks: digests ${since} to ${end} — page ${page}${note}`, cards, {
    actions: more ? [{ kind: 'run', label: 'Next page', command: 'for-me', args: { action: 'show', days, page: page + 1 } }] : [],
  });
}

/** "because: world models, planning — " ahead of the snippet, the words marked as search hits are. */
function becauseParts(because: string[], pins: string[]): SnippetPart[] {
  const words = [...pins.map((p) => `📌 ${p}`), ...because];
  if (!words.length) return [];
  const parts: SnippetPart[] = [{ text: 'because: ' }];
  words.forEach((w, i) => {
    if (i) parts.push({ text: ', ' });
    parts.push({ text: w, hit: true });
  });
  parts.push({ text: ' — ' });
  return parts;
}
