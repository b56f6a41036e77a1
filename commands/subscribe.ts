import * as z from 'zod';
import { digestsOf } from './digest-preview.js';
import { defineCommand } from './types.js';

const args = z.object({
  time: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00').max(5).meta({ placeholder: 'HH:MM' }).optional().describe('Local time of day to post, 24h (default 09:00)'),
  tz: z.string().trim().min(1).max(64).meta({ placeholder: 'ZONE' }).optional().describe('IANA time zone, e.g. Europe/Berlin (default UTC)'),
  cron: z.string().trim().min(1).max(100).meta({ placeholder: '"M H * * D"' }).optional().describe('A cron expression instead of --time/--days'),
  days: z.string().trim().min(1).max(40).meta({ placeholder: 'mon-fri' }).optional().describe('Days to post on: mon-fri, daily, or mon,wed,fri'),
  top: z.number().int().min(1).max(25).optional().describe('How many papers per digest (default 5)'),
  topics: z.string().trim().min(1).max(500).meta({ placeholder: '"a, b, -c"' }).optional().describe('Comma-separated topics; -word excludes'),
  minUpvotes: z.number().int().min(0).max(100_000).optional().describe('Skip papers with fewer upvotes'),
  sources: z.string().trim().min(1).max(200).meta({ placeholder: 'LIST' }).optional().describe('Comma-separated sources to draw from (default all)'),
  announceEmpty: z.boolean().optional().describe('Post one short line when nothing is new'),
  rank: z.enum(['default', 'taste']).optional().describe("Order: default, or taste (what members bookmarked from this channel's posts)"),
  weeklyTrends: z.string().trim().min(1).max(20).meta({ placeholder: 'DAY HH:MM', words: 2 }).optional().describe('Also post the trends picture weekly, e.g. "fri 16:00" (channel zone), or off'),
});

/** `/papers subscribe …`: create or replace this channel's digest settings (admins). The engine validates further. */
export const subscribeCommand = defineCommand({
  name: 'subscribe',
  description: "Set this channel's daily digest: time, zone, days, topics",
  args,
  admin: true,
  examples: ['/papers subscribe --time 09:00 --tz Europe/Berlin --days mon-fri --top 5 --topics "merging, -survey"', '/papers subscribe --time 09:00 --tz Europe/Berlin --weekly-trends fri 16:00'],
  async run(a, ctx) {
    // Only what the admin typed: the engine owns the defaults.
    const settings = Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined));
    return digestsOf(ctx).subscribe(ctx.caller, settings);
  },
});
