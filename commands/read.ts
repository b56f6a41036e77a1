import * as z from 'zod';
import { paperIdArg } from './arg-types.js';
import { usageLine } from './help-text.js';
import { markRead } from './mark-read.js';
import { textReply } from './replies.js';
import { defineCommand } from './types.js';
import type { Reply } from '../src/core/reply.js';

const args = z.object({ id: paperIdArg('A bookmarked paper: arXiv id or link, or a title: id') });

/** `/papers read <id>`: mark a bookmark read (✅ on a bot post does the same). */
export const readCommand = defineCommand({
  name: 'read',
  description: 'Mark one of your bookmarks read',
  args,
  admin: false,
  positional: ['id'],
  examples: ['/papers read 2401.12345'],
  async run(a, ctx): Promise<Reply> {
    return textReply(await markRead(ctx, ctx.caller, a.id, true, usageLine(readCommand)));
  },
});

/** `/papers unread <id>`. */
export const unreadCommand = defineCommand({
  name: 'unread',
  description: 'Mark one of your bookmarks unread again',
  args,
  admin: false,
  positional: ['id'],
  examples: ['/papers unread 2401.12345'],
  async run(a, ctx): Promise<Reply> {
    return textReply(await markRead(ctx, ctx.caller, a.id, false, usageLine(unreadCommand)));
  },
});
