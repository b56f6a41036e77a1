import * as z from 'zod';
import { toCard } from '../src/core/cards.js';
import { UserError } from '../src/core/errors.js';
import { MIN_BOOKMARKS, PROFILE_SIZE } from '../src/core/digest/personal.js';
import { becauseSnippet } from '../src/core/recommend/explain.js';
import type { SnippetPart } from '../src/core/reply.js';
import { pageArg } from './arg-types.js';
import { addDays } from './find-paper.js';
import { usageLine } from './help-text.js';
import { pageSize } from './paging.js';
import { cardsReply, textReply } from './replies.js';
import { defineCommand, type CommandContext } from './types.js';

const PER_PAGE = 5;
const DEFAULT_DAYS = 7;

const args = z.object({
  action: z
    .enum(['show', 'pin', 'unpin', 'pins', 'subscribe', 'unsubscribe'])
    .optional()
    .describe('show (default), pin/unpin, pins, or subscribe/unsubscribe to a daily DM'),
  text: z.string().trim().min(1).max(200).meta({ placeholder: 'TEXT' }).optional().describe('The author or keyword to pin or unpin'),
  // One flag, two readings, as people type them: a number of days to look back in (show), or the
  // weekdays a personal digest comes on (subscribe --days mon-fri).
  days: z.string().trim().min(1).max(40).meta({ placeholder: 'N|mon-fri' }).optional().describe('Days of digests to look in (default 7); with subscribe: days to send, e.g. mon-fri'),
  time: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:00').max(5).meta({ placeholder: 'HH:MM' }).optional().describe('subscribe: local time of your daily DM (default 09:00)'),
  tz: z.string().trim().min(1).max(64).meta({ placeholder: 'ZONE' }).optional().describe('subscribe: IANA time zone, e.g. Europe/Berlin (default UTC)'),
  top: z.number().int().min(1).max(25).optional().describe('subscribe: papers per DM (default 5)'),
  page: pageArg,
});

/** `--days` of `for-me` itself: a whole number of days from 1 to 365. */
function windowDays(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_DAYS;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 365) {
    throw new UserError(`--days must be a whole number of days from 1 to 365, not '${raw}' (weekdays such as mon-fri go with for-me subscribe).`, usageLine(forMeCommand));
  }
  return n;
}

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
  usage:
    '/papers for-me [--days N] [--page N] | /papers for-me pin|unpin "<author or keyword>" | /papers for-me pins | /papers for-me subscribe --time 08:00 --tz Europe/Berlin [--days mon-fri] [--top 5] | /papers for-me unsubscribe',
  examples: ['/papers for-me', '/papers for-me --days 30', '/papers for-me pin "Yann LeCun"', '/papers for-me pin "world models"', '/papers for-me subscribe --time 08:00 --tz Europe/Berlin --days mon-fri'],
  async run(a, ctx) {
    if (!ctx.recommender || !ctx.feedback) return textReply('Recommendations are not enabled on this bot.');
    const action = a.action ?? (a.text ? 'pin' : 'show');
    if (action === 'subscribe' || action === 'unsubscribe') {
      if (!ctx.digests) return textReply('Digests are not enabled on this bot.');
      if (action === 'unsubscribe') return ctx.digests.unsubscribePersonal(ctx.caller);
      // Only what the reader typed: the engine owns the defaults.
      const settings = Object.fromEntries(Object.entries({ time: a.time, tz: a.tz, days: a.days, top: a.top }).filter(([, v]) => v !== undefined));
      return ctx.digests.subscribePersonal(ctx.caller, settings);
    }
    if (a.time !== undefined || a.tz !== undefined || a.top !== undefined) {
      throw new UserError('--time, --tz and --top go with for-me subscribe.', usageLine(forMeCommand));
    }
    const text = a.text?.replace(/^["']|["']$/g, '').trim();
    if (action === 'pin' || action === 'unpin') {
      if (!text) throw new UserError(`Say what to ${action}: /papers for-me ${action} "world models".`, usageLine(forMeCommand));
      return action === 'pin' ? pin(text, ctx) : unpin(text, ctx);
    }
    if (action === 'pins') return listPins(ctx);
    return show(windowDays(a.days), a.page, ctx);
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
    actions: more ? [{ kind: 'run', label: 'Next page', command: 'for-me', args: { days: String(days), page: page + 1 } }] : [],
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
