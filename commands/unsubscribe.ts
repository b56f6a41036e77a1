import * as z from 'zod';
import { digestsOf } from './digest-preview.js';
import { defineCommand } from './types.js';

/** `/papers unsubscribe`: stop this channel's digest (admins). */
export const unsubscribeCommand = defineCommand({
  name: 'unsubscribe',
  description: "Stop this channel's daily digest",
  args: z.object({}),
  admin: true,
  async run(_a, ctx) {
    return digestsOf(ctx).unsubscribe(ctx.caller);
  },
});
