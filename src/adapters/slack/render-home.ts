import type { types } from '@slack/bolt';
import type { HomeView } from '../../core/home-view.js';
import type { PaperCard } from '../../core/reply.js';
import { counted } from '../../core/thousands.js';
import { encodeAction } from './action-codec.js';
import { escapeTruncated } from './mrkdwn.js';
import { cardText, type Block } from './render-blocks.js';

/** Slack's limit for a Home tab view (https://docs.slack.dev/reference/views). */
export const MAX_HOME_BLOCKS = 100;

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
const header = (text: string): types.HeaderBlock => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } });
const context = (text: string): types.ContextBlock => ({ type: 'context', elements: [mrkdwn(text)] });

/** A bookmark card: its text, and a Mark read button while unread (3 blocks at most). */
function homeCard(card: PaperCard, index: number, section: string): Block[] {
  const blocks: Block[] = [{ type: 'section', text: mrkdwn(cardText(card)) }];
  const read = !card.reading?.read && encodeAction({ kind: 'read', paperId: card.paperId }, index);
  if (read) blocks.push({ type: 'actions', block_id: `home_${section}_${index}`, elements: [{ type: 'button', text: { type: 'plain_text', text: '✅ Mark read', emoji: true }, ...read }] });
  return blocks;
}

/**
 * The Home tab: unread bookmarks first (with their tags, notes and a Mark read button), then tags in
 * use, a few read ones, and the for-me picks. Within 100 blocks however many there are.
 */
export function renderHome(view: HomeView): types.HomeView {
  const blocks: Block[] = [header('📚 Your reading list')];
  const { bookmarks, unread } = view.totals;
  if (!bookmarks) {
    blocks.push({ type: 'section', text: mrkdwn('No bookmarks yet. React 🔖 to a paper the bot posts, or press its Bookmark button; then tag it (`/papers tag <id> <tag>`), note it (`/papers note <id> <text>`) and mark it read with ✅.') });
  } else {
    blocks.push(context(`${counted(bookmarks, 'bookmark')}, ${unread} unread · \`/papers bookmarks --unread\` lists them all · \`/papers bookmarks export ris\` for Zotero`));
    if (view.tags.length) blocks.push({ type: 'section', text: mrkdwn(`*Your tags:* ${escapeTruncated(view.tags.map((t) => `#${t.tag} (${t.count})`).join('  '), 2900)}`) });
    blocks.push({ type: 'divider' }, header(`Unread (${unread})`));
    if (view.unread.length) view.unread.forEach((c, i) => blocks.push(...homeCard(c, i, 'unread')));
    else blocks.push(context('Nothing unread. 🎉'));
    if (view.read.length) {
      blocks.push({ type: 'divider' }, header('Read'));
      view.read.forEach((c, i) => blocks.push(...homeCard(c, i, 'read')));
    }
  }
  if (view.forMe) {
    blocks.push({ type: 'divider' }, header('For you'));
    if (view.forMe.length) view.forMe.forEach((c) => blocks.push({ type: 'section', text: mrkdwn(cardText(c)) }));
    else blocks.push(context('No picks yet: bookmark a few papers and `/papers for-me` learns what you read.'));
  }
  return { type: 'home', blocks: blocks.slice(0, MAX_HOME_BLOCKS) };
}
