import * as z from 'zod';
import { SourceSchema } from '../paper.js';
import { UserError } from '../errors.js';
import { CronSyntaxError, parseCron, parseDays } from './cron.js';
import { canonicalTimeZone } from './local-time.js';
import type { Schedule } from './schedule.js';
import { formatTopics, parseTopics, type Topics } from './topics.js';
import { describeWeeklyTrends, parseWeeklyTrends, type WeeklyTrendsSetting } from './weekly-trends.js';

/** A channel's digest settings as stored (JSON in subscriptions.settings). */
export interface SubscriptionSettings {
  /** HH:MM, when no cron is given. */
  time?: string;
  tz: string;
  cron?: string;
  /** 0 = Sunday; undefined = every day. */
  days?: number[];
  top: number;
  topics: Topics;
  minUpvotes?: number;
  /** Only papers from these sources; undefined = all. */
  sources?: Array<z.infer<typeof SourceSchema>>;
  /** Post one short line when nothing is new instead of staying silent. */
  announceEmpty: boolean;
  /** 'taste': order by what members bookmarked from this channel's posts (taste-order.ts). */
  rank?: 'taste';
  /** Post the trends picture once a week at this weekday and time (the channel's zone). */
  weeklyTrends?: WeeklyTrendsSetting;
}

export const SUBSCRIBE_USAGE =
  'subscribe --time 09:00 --tz Europe/Berlin [--days mon-fri] [--top 5] [--topics "merging, -survey"] [--min-upvotes N] [--sources hf-api,arxiv-rss] [--announce-empty] [--rank taste] [--weekly-trends fri 16:00] (or --cron "0 9 * * 1-5")';

const str = z.union([z.string(), z.number()]).transform(String);
const boolish = z.union([z.boolean(), z.enum(['true', 'false', 'yes', 'no', '1', '0', 'on', 'off'])]).transform((v) => v === true || v === 'true' || v === 'yes' || v === '1' || v === 'on');
const list = z.union([z.string(), z.array(z.string())]);

/** What the subscribe command may pass. Aliases match what people type on Discord and Slack. */
const InputSchema = z
  .object({
    time: str.optional(),
    tz: z.string().optional(),
    timezone: z.string().optional(),
    cron: z.string().optional(),
    days: list.optional(),
    top: z.coerce.number().optional(),
    limit: z.coerce.number().optional(),
    topics: list.optional(),
    minUpvotes: z.coerce.number().optional(),
    'min-upvotes': z.coerce.number().optional(),
    sources: list.optional(),
    announceEmpty: boolish.optional(),
    'announce-empty': boolish.optional(),
    rank: z.enum(['default', 'taste']).optional(),
    weeklyTrends: z.string().optional(),
    'weekly-trends': z.string().optional(),
  })
  .passthrough();

function fail(msg: string): never {
  throw new UserError(msg, SUBSCRIBE_USAGE);
}

/** Validates the subscribe command's arguments; throws UserError with a specific message. */
export function parseSubscriptionSettings(raw: Record<string, unknown>): SubscriptionSettings {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const parsed = InputSchema.safeParse(cleaned);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    fail(`--${String(i.path[0] ?? 'settings')}: ${i.message}`);
  }
  const r = parsed.data;
  const known = new Set(Object.keys(InputSchema.shape));
  const unknown = Object.keys(cleaned).filter((k) => !known.has(k));
  if (unknown.length) fail(`unknown setting ${unknown.map((k) => `--${k}`).join(', ')}`);

  const tzInput = (r.tz ?? r.timezone ?? 'UTC').trim();
  const tz = canonicalTimeZone(tzInput);
  if (!tz) fail(`unknown time zone "${tzInput}": use an IANA name such as Europe/Berlin, America/New_York or UTC`);

  let time: string | undefined;
  let cron: string | undefined;
  let days: number[] | undefined;
  if (r.cron !== undefined) {
    if (r.time !== undefined) fail('give either --time or --cron, not both');
    if (r.days !== undefined) fail('--days does not go with --cron: put the days in the cron expression');
    try {
      const f = parseCron(r.cron);
      if (f.minutes.length * f.hours.length > 24) fail(`cron "${r.cron}" fires more than 24 times a day; a digest runs at most hourly`);
    } catch (e) {
      if (e instanceof CronSyntaxError) fail(`invalid cron expression "${r.cron}": ${e.message}`);
      throw e;
    }
    cron = r.cron.trim();
  } else {
    const t = (r.time ?? '09:00').trim();
    const m = /^(\d{1,2}):(\d{2})$/.exec(t);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) fail(`invalid time "${t}": use 24-hour HH:MM, e.g. 09:00 or 17:30`);
    time = `${m[1]!.padStart(2, '0')}:${m[2]}`;
    if (r.days !== undefined) {
      try {
        days = parseDays(Array.isArray(r.days) ? r.days.join(',') : r.days);
      } catch (e) {
        if (e instanceof CronSyntaxError) fail(`invalid --days "${String(r.days)}": ${e.message}; use e.g. mon-fri or mon,wed,fri`);
        throw e;
      }
    }
  }

  const top = r.top ?? r.limit ?? 5;
  if (!Number.isInteger(top) || top < 1 || top > 25) fail(`--top must be a whole number from 1 to 25, not ${top}`);
  const minUpvotes = r.minUpvotes ?? r['min-upvotes'];
  if (minUpvotes !== undefined && (!Number.isInteger(minUpvotes) || minUpvotes < 0 || minUpvotes > 100_000)) fail(`--min-upvotes must be a whole number ≥ 0, not ${minUpvotes}`);
  const topics = parseTopics(r.topics);
  if (topics.include.length + topics.exclude.length > 20) fail('at most 20 topics');
  if ([...topics.include, ...topics.exclude].some((t) => t.length > 100)) fail('a topic is at most 100 characters');

  let sources: SubscriptionSettings['sources'];
  if (r.sources !== undefined) {
    const names = (Array.isArray(r.sources) ? r.sources : r.sources.split(',')).map((s) => s.trim()).filter(Boolean);
    const bad = names.filter((n) => !SourceSchema.safeParse(n).success);
    if (bad.length) fail(`unknown source ${bad.join(', ')}: choose from ${SourceSchema.options.join(', ')}`);
    sources = names.length ? [...new Set(names)].map((n) => SourceSchema.parse(n)) : undefined;
  }
  let weeklyTrends: WeeklyTrendsSetting | undefined;
  const weeklyRaw = r.weeklyTrends ?? r['weekly-trends'];
  if (weeklyRaw !== undefined) {
    const w = parseWeeklyTrends(weeklyRaw);
    if (w && 'error' in w) fail(w.error);
    weeklyTrends = w ?? undefined;
  }
  return {
    time,
    tz,
    cron,
    days,
    top,
    topics,
    minUpvotes,
    sources,
    announceEmpty: r.announceEmpty ?? r['announce-empty'] ?? false,
    ...(r.rank === 'taste' ? { rank: 'taste' as const } : {}),
    ...(weeklyTrends ? { weeklyTrends } : {}),
  };
}

/** The schedule a stored subscription fires on. */
export function scheduleOf(s: SubscriptionSettings): Schedule {
  if (s.cron) return { ...parseCron(s.cron), tz: s.tz };
  const [h, m] = (s.time ?? '09:00').split(':').map(Number) as [number, number];
  return { tz: s.tz, hours: [h], minutes: [m], daysOfWeek: s.days };
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** [1,2,3,4,5] → "Mon–Fri"; [1,3] → "Mon,Wed". */
function dayRanges(days: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1] === days[j]! + 1) j++;
    out.push(j - i >= 2 ? `${DAY_NAMES[days[i]!]}–${DAY_NAMES[days[j]!]}` : days.slice(i, j + 1).map((d) => DAY_NAMES[d]).join(','));
    i = j + 1;
  }
  return out.join(',');
}

/** One line a person can read back: "09:00 Europe/Berlin, Mon–Fri, top 5, topics: merging, -survey". */
export function describeSettings(s: SubscriptionSettings): string {
  const when = s.cron ? `cron "${s.cron}" (${s.tz})` : `${s.time} ${s.tz}, ${s.days ? dayRanges(s.days) : 'every day'}`;
  const parts = [when, `top ${s.top}`];
  const topics = formatTopics(s.topics);
  if (topics) parts.push(`topics: ${topics}`);
  if (s.minUpvotes !== undefined) parts.push(`≥ ${s.minUpvotes} upvotes`);
  if (s.sources) parts.push(`sources: ${s.sources.join(', ')}`);
  if (s.announceEmpty) parts.push('says so when nothing is new');
  if (s.rank === 'taste') parts.push("ranked by the channel's taste");
  if (s.weeklyTrends) parts.push(`weekly trends picture ${describeWeeklyTrends(s.weeklyTrends)}`);
  return parts.join(', ');
}
