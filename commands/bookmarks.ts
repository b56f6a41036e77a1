import * as z from 'zod';
import { readingCards } from './reading-cards.js';
import { tagKey } from '../src/core/reading/rules.js';
import { UserError } from '../src/core/errors.js';
import { counted } from '../src/core/thousands.js';
import { EXPORT_FORMATS, exportFile } from '../src/core/bookmarks/export.js';
import type { CommandContext } from './types.js';
import { pageArg } from './arg-types.js';
import { usageLine } from './help-text.js';
import { pageSize } from './paging.js';
import { cardsReply, textReply } from './replies.js';
import { defineCommand } from './types.js';

const PAGE_SIZE = 10;

const args = z.object({
  action: z.enum(['list', 'remove', 'export']).optional().describe('list (default), remove a paper, or export them all'),
  id: z.string().trim().min(1).max(300).meta({ placeholder: 'ID' }).optional().describe('The paper to remove'),
  format: z.enum(EXPORT_FORMATS).optional().describe('Export format (default bibtex)'),
  page: pageArg,
  tag: z.string().trim().min(1).max(200).meta({ placeholder: 'TAG' }).optional().describe('Only bookmarks with this tag'),
  unread: z.boolean().default(false).describe('Only bookmarks not marked read'),
});

/**
 * `/papers bookmarks`: one subcommand with an optional action, because Discord cannot make
 * `bookmarks` both a group and a command, and `/papers bookmarks` alone must list.
 * Text keeps the natural forms: `bookmarks remove <id>`, `bookmarks export bibtex`.
 */
export const bookmarksCommand = defineCommand({
  name: 'bookmarks',
  description: 'Your bookmarked papers: list, remove one, or export them',
  args,
  admin: false,
  positional: (first) => (first === 'remove' ? ['action', 'id'] : first === 'export' ? ['action', 'format'] : ['action']),
  usage: `/papers bookmarks [--tag T] [--unread] [--page N] | /papers bookmarks remove <id> | /papers bookmarks export ${EXPORT_FORMATS.join('|')} [--tag T] [--unread]`,
  examples: ['/papers bookmarks', '/papers bookmarks --tag to-cite --unread', '/papers bookmarks remove 2401.12345', '/papers bookmarks export ris'],
  async run(a, ctx) {
    const usage = usageLine(bookmarksCommand);
    // Discord sends options without an action: a format alone means export.
    const action = a.action ?? (a.format ? 'export' : 'list');
    if (action === 'remove') {
      if (!a.id) throw new UserError('Say which paper to remove: /papers bookmarks remove <id>.', usage);
      return remove(a.id, ctx);
    }
    if (a.id) throw new UserError(`An id only goes with remove: /papers bookmarks remove ${a.id}.`, usage);
    const filter = { tagKey: a.tag ? tagKey(a.tag) : undefined, unreadOnly: a.unread };
    if (action === 'export') return exportAll(a.format ?? 'bibtex', filter, ctx);
    return list(a.page, { tag: a.tag, unread: a.unread }, ctx);
  },
});

type Filter = { tagKey?: string; unreadOnly: boolean };

/** "tagged #x, unread" for headings and empty results. */
function describeFilter(tag: string | undefined, unread: boolean): string {
  return [tag && `tagged #${tag.replace(/^#+/, '')}`, unread && 'unread'].filter(Boolean).join(', ');
}

async function list(page: number, f: { tag?: string; unread: boolean }, ctx: CommandContext) {
  // No --limit to carry in Next page: pages count in the platform's size, the same on every page.
  const { per, note } = pageSize(PAGE_SIZE, ctx.caller);
  const filter: Filter = { tagKey: f.tag ? tagKey(f.tag) : undefined, unreadOnly: f.unread };
  const { paperIds, total } = await ctx.reading.listBookmarks(ctx.caller, { ...filter, limit: per, offset: (page - 1) * per });
  const which = describeFilter(f.tag, f.unread);
  if (!total) {
    if (!which) return textReply('You have no bookmarks yet. React 🔖 to a paper the bot posted, or press its Bookmark button.');
    return textReply(`None of your bookmarks is ${which}.${f.tag ? ' /papers bookmarks lists them all, each with its tags.' : ''}`);
  }
  if (!paperIds.length) return textReply(`Page ${page} is past the end: you have ${counted(total, 'bookmark')}${which ? ` ${which}` : ''}.`);
  const cards = await readingCards(paperIds, ctx);
  const pages = Math.ceil(total / per);
  const heading = `Your bookmarks${which ? ` ${which}` : ''} (${total}) — page ${page} of ${pages}${note}`;
  return cardsReply(heading, cards, {
    actions: page < pages ? [{ kind: 'run', label: 'Next page', command: 'bookmarks', args: { action: 'list', page: page + 1, tag: f.tag, unread: f.unread || undefined } }] : [],
  });
}

async function remove(id: string, ctx: CommandContext) {
  // A versioned id or a link finds the stored paper; an id the store never had simply is not bookmarked.
  const paper = await ctx.store.getPaper(id);
  const { removed } = await ctx.bookmarks.remove(ctx.caller, paper?.id ?? id);
  const name = paper ? `"${paper.title}"` : id;
  return textReply(removed ? `Removed ${name} from your bookmarks.` : `${name} was not in your bookmarks; nothing to remove.`);
}

async function exportAll(format: (typeof EXPORT_FORMATS)[number], filter: Filter, ctx: CommandContext) {
  const { paperIds, total } = await ctx.reading.listBookmarks(ctx.caller, { ...filter, limit: 100_000, order: 'oldest' });
  if (!total) return textReply(filter.tagKey || filter.unreadOnly ? 'Nothing to export: no bookmark matches.' : 'Nothing to export: you have no bookmarks yet.');
  const papers = await ctx.store.getPapers(paperIds);
  const notes = await ctx.reading.annotations(ctx.caller, paperIds);
  const file = exportFile(papers, format, ctx.clock.now().toISOString().slice(0, 10), notes);
  return { text: `Your ${counted(papers.length, 'bookmark')} as ${format}: ${file.name}`, file, ephemeral: true };
}
