import type { StoredPaper } from '../src/core/paper.js';
import type { CommandContext } from './types.js';
import { paperById } from './find-paper.js';

/**
 * The paper a note or tag is for, bookmarked for the caller if it was not: a note or a tag is a
 * reason to keep the paper, and it then shows in /papers bookmarks. `bookmarked` says whether this
 * call added the bookmark, so the reply can say so. An unknown id is a UserError naming it.
 */
export async function readingTarget(id: string, ctx: CommandContext, usage: string): Promise<{ paper: StoredPaper; bookmarked: boolean }> {
  const paper = await paperById(ctx.store, id, usage);
  const { added } = await ctx.bookmarks.add(ctx.caller, paper.id);
  return { paper, bookmarked: added };
}

/** " (and bookmarked it)" when the call added the bookmark. */
export const bookmarkedNote = (bookmarked: boolean) => (bookmarked ? ' It is now in your bookmarks.' : '');
