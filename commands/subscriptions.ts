import * as z from 'zod';
import { digestsOf } from './digest-preview.js';
import { defineCommand } from './types.js';

/** `/papers subscriptions`: the digest settings of this workspace's channels (read-only, anyone). */
export const subscriptionsCommand = defineCommand({
  name: 'subscriptions',
  description: 'The digest settings of the channels here',
  args: z.object({}),
  admin: false,
  async run(_a, ctx) {
    return digestsOf(ctx).list(ctx.caller);
  },
});
