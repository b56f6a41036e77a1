import * as z from 'zod';
import { UserError } from '../src/core/errors.js';
import { defineCommand, type CommandContext } from './types.js';

/** The digest engine, or a clear error when this bot runs without it. */
export function digestsOf(ctx: CommandContext) {
  if (!ctx.digests) throw new UserError('Scheduled digests are not enabled in this bot.');
  return ctx.digests;
}

/** `/papers digest preview`: what this channel's digest would post now; posts and records nothing. Open to everyone. */
export const digestPreviewCommand = defineCommand({
  name: 'preview',
  group: 'digest',
  description: "What this channel's digest would post now (posts nothing)",
  args: z.object({}),
  admin: false,
  async run(_a, ctx) {
    return digestsOf(ctx).preview(ctx.caller);
  },
});
