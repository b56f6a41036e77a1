import type { HomeView } from '../src/core/home-view.js';
import type { PaperCard, Caller } from '../src/core/reply.js';
import { readingCards } from './reading-cards.js';
import type { CommandContext } from './types.js';

const UNREAD_SHOWN = 10;
const READ_SHOWN = 5;

/**
 * The for-me picks for the Home tab: chat-core passes the first page of /papers for-me when the
 * recommender is wired (ChatCoreDeps.forMe overrides it, e.g. in tests).
 */
export type ForMePicks = (caller: Caller, limit: number) => Promise<PaperCard[]>;

/** The caller's Home: unread bookmarks first, a few read ones, their tags, and for-me picks when wired. */
export async function buildHomeView(ctx: Pick<CommandContext, 'store' | 'reading' | 'caller'>, forMe?: ForMePicks): Promise<HomeView> {
  const [unread, read, all, tags] = await Promise.all([
    ctx.reading.listBookmarks(ctx.caller, { limit: UNREAD_SHOWN, unreadOnly: true }),
    ctx.reading.listBookmarks(ctx.caller, { limit: UNREAD_SHOWN + READ_SHOWN, order: 'unread-first' }),
    ctx.reading.listBookmarks(ctx.caller, { limit: 0 }),
    ctx.reading.tagCounts(ctx.caller),
  ]);
  const readIds = read.paperIds.filter((id) => !unread.paperIds.includes(id)).slice(0, READ_SHOWN);
  const unreadCards = await readingCards(unread.paperIds, ctx);
  // The unread-first list holds unread ones first: what follows them is read.
  const readCards = (await readingCards(readIds, ctx)).filter((c) => c.reading?.read);
  const view: HomeView = {
    unread: unreadCards,
    read: readCards,
    totals: { bookmarks: all.total, unread: unread.total },
    tags: tags.map(({ tag, count }) => ({ tag, count })),
  };
  if (forMe) view.forMe = await forMe(ctx.caller, 5);
  return view;
}
