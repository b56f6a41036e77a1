import * as z from 'zod';
import { UserError } from '../src/core/errors.js';
import { checkNote } from '../src/core/reading/rules.js';
import { paperIdArg } from './arg-types.js';
import { usageLine } from './help-text.js';
import { paperById } from './find-paper.js';
import { bookmarkedNote, readingTarget } from './reading-target.js';
import { textReply } from './replies.js';
import { defineCommand } from './types.js';

const args = z.object({
  id: paperIdArg('The paper: arXiv id or link, or a title: id'),
  // Bounded for memory only: the 2,000-character rule is checked in run, with a message that says so.
  text: z.string().max(20_000).optional().describe('Your note (at most 2,000 characters); empty shows the current one'),
  clear: z.boolean().default(false).describe('Delete your note on this paper'),
});

/** `/papers note <id> <text>`: a private note on a paper in your reading list. */
export const noteCommand = defineCommand({
  name: 'note',
  description: 'Add or replace your private note on a paper (bookmarks it)',
  args,
  admin: false,
  positional: ['id', 'text'],
  usage: '/papers note <id> <text> | /papers note <id> (show it) | /papers note <id> --clear',
  examples: ['/papers note 2401.12345 compare with our merging baseline', '/papers note 2401.12345 --clear'],
  async run(a, ctx) {
    const usage = usageLine(noteCommand);
    const text = a.text?.trim() ?? '';
    if (a.clear && text) throw new UserError('Either a note or --clear, not both.', usage);
    if (a.clear || !text) {
      const paper = await paperById(ctx.store, a.id, usage);
      const current = (await ctx.reading.annotations(ctx.caller, [paper.id])).get(paper.id)?.note;
      if (!a.clear) return textReply(current ? `Your note on "${paper.title}":\n${current}` : `You have no note on "${paper.title}". Add one: /papers note ${paper.id} <text>`);
      if (!current) return textReply(`You had no note on "${paper.title}"; nothing to clear.`);
      await ctx.reading.setNote(ctx.caller, paper.id, undefined);
      return textReply(`Deleted your note on "${paper.title}".`);
    }
    const note = checkNote(text);
    const { paper, bookmarked } = await readingTarget(a.id, ctx, usage);
    const { previous } = await ctx.reading.setNote(ctx.caller, paper.id, note);
    return textReply(`${previous ? 'Replaced your note' : 'Saved your note'} on "${paper.title}".${bookmarkedNote(bookmarked)}`);
  },
});
