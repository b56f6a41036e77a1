import * as z from 'zod';
import { digestsOf } from './digest-preview.js';
import { defineCommand } from './types.js';

/** `/papers digest now`: post this channel's digest at once (admins). */
export const digestNowCommand = defineCommand({
  name: 'now',
  group: 'digest',
  description: "Post this channel's digest now",
  args: z.object({}),
  admin: true,
  async run(_a, ctx) {
    return digestsOf(ctx).runNow(ctx.caller);
  },
});
