import * as z from 'zod';
import { UserError } from '../src/core/errors.js';
import { commandHelp, overallHelp, usageLine } from './help-text.js';
import { textReply } from './replies.js';
import { defineCommand } from './types.js';

/** `/papers help [command]`: every command's usage, or one command in detail. */
export const helpCommand = defineCommand({
  name: 'help',
  description: 'How to use /papers',
  args: z.object({
    command: z.string().trim().max(60).optional().describe('A command to explain, e.g. search'),
  }),
  admin: false,
  positional: ['command'],
  async run(a, ctx) {
    const { platform } = ctx.caller;
    if (!a.command) return textReply(overallHelp(ctx.commands, platform));
    const words = a.command.toLowerCase().split(/\s+/);
    const matches = ctx.commands.filter((c) => (c.group ? c.group === words[0] && (!words[1] || c.name === words[1]) : c.name === words[0]));
    if (!matches.length) throw new UserError(`No command called ${a.command}.`, usageLine(helpCommand));
    return textReply(matches.map((c) => commandHelp(c, platform)).join('\n\n'));
  },
});
