import type { Logger } from '../logger.js';
import type { OutgoingMessage } from '../reply.js';
import type { TrendsReader } from '../trends/ports.js';
import { buildTrendsPost, TEXT_TOPICS } from '../trends/trends-post.js';
import { channelKey, type DigestRun, type DigestStore, type NewRun, type Subscription } from './digest-store.js';
import { localParts } from './local-time.js';
import { decideDue, nextSlot } from './schedule.js';
import { WEEKLY_TRENDS_WEEKS, describeWeeklyTrends, weeklyTrendsSchedule } from './weekly-trends.js';
import { formatLocal } from './format-time.js';

/** Weekly trends runs live beside the digest runs, told apart by this slot prefix. */
export const TRENDS_SLOT_PREFIX = 'trends:';

/**
 * The weekly trends runs due at `now`: the same due rule as digests (the latest slot not yet run;
 * one missed while down is posted if less late than `maxLatenessMs`, else recorded as skipped), and
 * the same unique (channel, slot) run row, so each week's picture is posted exactly once.
 */
export async function planTrendsRuns(store: DigestStore, subs: Subscription[], now: Date, maxLatenessMs: number, logger: Logger): Promise<NewRun[]> {
  const weekly = subs.filter((s) => s.settings.weeklyTrends);
  if (!weekly.length) return [];
  const last = await store.lastTrendsSlots();
  const byKey = new Map(weekly.map((s) => [channelKey(s.platform, s.channelId), s] as const));
  const decisions = decideDue(
    weekly.map((s) => {
      const key = channelKey(s.platform, s.channelId);
      const lastSlot = last.get(key);
      return { key, schedule: weeklyTrendsSchedule(s.settings.weeklyTrends!, s.settings.tz), notBeforeMs: Date.parse(s.updatedAt), lastSlotMs: lastSlot ? Date.parse(lastSlot) : undefined };
    }),
    now.getTime(),
    maxLatenessMs,
  );
  return decisions.map((dec): NewRun => {
    const sub = byKey.get(dec.key)!;
    const slot = `${TRENDS_SLOT_PREFIX}${new Date(dec.slotMs).toISOString()}`;
    // "This week" ends on the slot's local day: Friday 16:00 in Berlin draws Saturday..Friday.
    const d = localParts(dec.slotMs, sub.settings.tz);
    const end = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    const base = { platform: sub.platform, channelId: sub.channelId, slot, entryCursor: sub.entryCursor, advanceCursor: false, createdAt: now.toISOString() };
    if (dec.action === 'skip') {
      logger.warn({ platform: sub.platform, channelId: sub.channelId, slot, latenessMs: dec.latenessMs, maxLatenessMs }, 'weekly trends slot missed while down; too late to post, skipped');
      return { ...base, status: 'skipped', plan: { header: '', paperIds: [] }, detail: `missed by ${Math.round(dec.latenessMs / 60_000)} min` };
    }
    return { ...base, status: 'planned', plan: { header: '', paperIds: [], trends: { end, weeks: WEEKLY_TRENDS_WEEKS, workspaceId: sub.workspaceId } } };
  });
}

/**
 * The message a trends run posts, drawn when it is posted. Its text names the top topics with the
 * command that searches each (a channel post carries no buttons); a week without papers is one line.
 */
export async function trendsRunMessage(reader: TrendsReader, run: DigestRun): Promise<OutgoingMessage> {
  const t = run.plan.trends!;
  const post = await buildTrendsPost(reader, { end: t.end, weeks: t.weeks, workspace: { platform: run.platform, workspaceId: t.workspaceId } });
  if (!post.image) return { text: post.text };
  const searches = post.topics.slice(0, TEXT_TOPICS).map((topic) => `/papers search ${topic}`);
  return { text: `${post.text}\nSearch them: ${searches.join(' · ')}`, image: post.image };
}

/** The line `/papers digest preview` adds for a channel with a weekly picture. */
export function weeklyTrendsPreviewLine(sub: Subscription | undefined, nowMs: number): string | undefined {
  const w = sub?.settings.weeklyTrends;
  if (!sub || !w) return undefined;
  const next = nextSlot(weeklyTrendsSchedule(w, sub.settings.tz), nowMs);
  return `Weekly trends picture: ${describeWeeklyTrends(w)} ${sub.settings.tz}${next === undefined ? '' : `, next ${formatLocal(next, sub.settings.tz)}`} (/papers trends shows this week's now).`;
}
