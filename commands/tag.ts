import * as z from 'zod';
import { UserError } from '../src/core/errors.js';
import { MAX_TAGS_PER_PAPER, parseTags } from '../src/core/reading/rules.js';
import { counted } from '../src/core/thousands.js';
import { paperIdArg } from './arg-types.js';
import { paperById } from './find-paper.js';
import { usageLine } from './help-text.js';
import { bookmarkedNote, readingTarget } from './reading-target.js';
import { textReply } from './replies.js';
import { defineCommand, type CommandContext } from './types.js';

const args = z.object({
  id: paperIdArg('The paper: arXiv id or link, or a title: id'),
  tags: z.string().trim().min(1).max(2000).meta({ placeholder: 'TAG…' }).describe('One or more tags, separated by spaces or commas'),
});

const list = (tags: string[]) => tags.map((t) => `#${t}`).join(' ');

async function currentTags(ctx: CommandContext, paperId: string): Promise<string[]> {
  return (await ctx.reading.annotations(ctx.caller, [paperId])).get(paperId)?.tags ?? [];
}

/** `/papers tag <id> <tag>…`: private tags on a paper in your reading list. */
export const tagCommand = defineCommand({
  name: 'tag',
  description: 'Tag a paper in your reading list (bookmarks it); tags are private',
  args,
  admin: false,
  positional: ['id', 'tags'],
  usage: '/papers tag <id> <tag>…',
  examples: ['/papers tag 2401.12345 merging to-cite'],
  async run(a, ctx) {
    const usage = usageLine(tagCommand);
    const tags = parseTags([a.tags]);
    if (!tags.length) throw new UserError('Say which tags: /papers tag <id> <tag>…', usage);
    const paper = await paperById(ctx.store, a.id, usage);
    const have = await currentTags(ctx, paper.id);
    const haveKeys = new Set(have.map((t) => t.toLowerCase()));
    const fresh = tags.filter((t) => !haveKeys.has(t.key));
    if (have.length + fresh.length > MAX_TAGS_PER_PAPER) {
      throw new UserError(
        `"${paper.title}" has ${counted(have.length, 'tag')}; adding ${fresh.length} more would pass the limit of ${MAX_TAGS_PER_PAPER} a paper. Nothing was changed.`,
        usage,
      );
    }
    const { bookmarked } = await readingTarget(paper.id, ctx, usage);
    await ctx.reading.addTags(ctx.caller, paper.id, fresh);
    const now = await currentTags(ctx, paper.id);
    const what = fresh.length ? `Tagged "${paper.title}": ${list(now)}` : `"${paper.title}" already had those tags: ${list(now)}`;
    return textReply(`${what}.${bookmarkedNote(bookmarked)}`);
  },
});

/** `/papers untag <id> <tag>…`. */
export const untagCommand = defineCommand({
  name: 'untag',
  description: 'Remove tags from a paper in your reading list',
  args,
  admin: false,
  positional: ['id', 'tags'],
  usage: '/papers untag <id> <tag>…',
  examples: ['/papers untag 2401.12345 to-cite'],
  async run(a, ctx) {
    const usage = usageLine(untagCommand);
    const tags = parseTags([a.tags]);
    if (!tags.length) throw new UserError('Say which tags: /papers untag <id> <tag>…', usage);
    const paper = await paperById(ctx.store, a.id, usage);
    const { removed } = await ctx.reading.removeTags(ctx.caller, paper.id, tags.map((t) => t.key));
    const missing = tags.filter((t) => !removed.includes(t.key)).map((t) => t.tag);
    const left = await currentTags(ctx, paper.id);
    const parts = [];
    if (removed.length) parts.push(`Removed ${list(tags.filter((t) => removed.includes(t.key)).map((t) => t.tag))} from "${paper.title}".`);
    if (missing.length) parts.push(`"${paper.title}" had no tag ${list(missing)}.`);
    parts.push(left.length ? `Its tags: ${list(left)}.` : 'It has no tags now.');
    return textReply(parts.join(' '));
  },
});
