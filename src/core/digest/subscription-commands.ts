import type { Clock } from '../clock.js';
import { dmChannelId, isDmChannel } from '../direct-messages.js';
import { UserError } from '../errors.js';
import type { Caller, Reply } from '../reply.js';
import type { DigestStore, Subscription } from './digest-store.js';
import { formatLocal } from './format-time.js';
import { MIN_BOOKMARKS, type PersonalDigestDeps } from './personal.js';
import { parsePersonalSettings } from './personal-settings.js';
import type { DigestService } from './ports.js';
import { nextSlot } from './schedule.js';
import { describeSettings, parseSubscriptionSettings, scheduleOf } from './subscription.js';
import { weeklyTrendsPreviewLine } from './trends-runs.js';

export interface SubscriptionCommandDeps {
  store: DigestStore;
  clock: Clock;
  personal?: PersonalDigestDeps;
  /** What the channel's digest would post now (the engine's planner, with a fresh selection cache). */
  preview(caller: Caller, sub: Subscription | undefined): Promise<Reply>;
}

export function requireAdmin(caller: Caller, what: string): void {
  if (!caller.isAdmin) throw new UserError(`only an admin can ${what}`);
}

/** When a subscription's next digest is due, in its own time zone. */
export function nextText(s: Subscription['settings'], afterMs: number): string {
  const n = nextSlot(scheduleOf(s), afterMs);
  return n === undefined ? 'no upcoming slot within a year' : formatLocal(n, s.tz);
}

/**
 * The digest commands that only read or write subscriptions (channel and personal): the engine
 * (engine.ts) keeps what plans, claims and posts runs, `runNow` included.
 */
export function createSubscriptionCommands(d: SubscriptionCommandDeps): Omit<DigestService, 'runNow'> {
  const { store, clock } = d;
  return {
    async subscribe(caller, raw): Promise<Reply> {
      requireAdmin(caller, 'change this channel’s digest');
      const settings = parseSubscriptionSettings(raw);
      const now = clock.now();
      await store.upsert({ platform: caller.platform, workspaceId: caller.workspaceId, channelId: caller.channelId, settings, now: now.toISOString() });
      return { text: `Subscribed: ${describeSettings(settings)}. Next digest: ${nextText(settings, now.getTime())}.`, ephemeral: false };
    },
    async unsubscribe(caller): Promise<Reply> {
      requireAdmin(caller, 'change this channel’s digest');
      const removed = await store.remove(caller.platform, caller.channelId);
      return { text: removed ? 'Unsubscribed: this channel gets no more digests.' : 'This channel had no digest subscription.', ephemeral: !removed };
    },
    async list(caller): Promise<Reply> {
      // Readers' personal digests are theirs: `for-me subscribe` shows them, channel listings do not.
      const subs = (await store.list({ platform: caller.platform, workspaceId: caller.workspaceId })).filter((s) => !isDmChannel(s.channelId));
      if (!subs.length) return { text: 'No channel here has a digest. Subscribe one with `subscribe --time 09:00 --tz Europe/Berlin`.', ephemeral: true };
      const now = clock.now().getTime();
      const lines = subs.map((s) => `• ${s.channelId}${s.channelId === caller.channelId ? ' (this channel)' : ''}: ${describeSettings(s.settings)}${s.pausedReason ? ` — PAUSED (${s.pausedReason}); subscribe again to resume` : ` — next: ${nextText(s.settings, now)}`}`);
      return { text: `Digest subscriptions (${subs.length}):\n${lines.join('\n')}`, ephemeral: true };
    },
    async preview(caller): Promise<Reply> {
      const sub = await store.get(caller.platform, caller.channelId);
      const reply = await d.preview(caller, sub);
      const weekly = weeklyTrendsPreviewLine(sub, clock.now().getTime());
      return weekly ? { ...reply, text: `${reply.text}\n${weekly}` } : reply;
    },
    async subscribePersonal(caller, raw): Promise<Reply> {
      if (!d.personal) throw new UserError('Personal digests are not enabled on this bot.');
      const settings = parsePersonalSettings(raw);
      const now = clock.now();
      const reader = { platform: caller.platform, workspaceId: caller.workspaceId, userId: caller.userId };
      // Subscribing again also resumes a digest paused because a DM failed: nothing left to tell them.
      await store.upsert({ ...reader, channelId: dmChannelId(caller.workspaceId, caller.userId), settings, now: now.toISOString() });
      await d.personal.notices?.clear(reader);
      const { total } = await d.personal.bookmarks.list(reader, { limit: 1 });
      const more = MIN_BOOKMARKS - total;
      const wait = more > 0 ? ` It starts once you have ${MIN_BOOKMARKS} bookmarks: bookmark ${more} more paper${more > 1 ? 's' : ''}.` : '';
      return {
        text: `Subscribed: your recommendations by direct message, ${describeSettings(settings)}. Next: ${nextText(settings, now.getTime())}.${wait} Allow direct messages from this bot, or the digest pauses. /papers for-me unsubscribe stops it.`,
        ephemeral: true,
      };
    },
    async unsubscribePersonal(caller): Promise<Reply> {
      const removed = await store.remove(caller.platform, dmChannelId(caller.workspaceId, caller.userId));
      await d.personal?.notices?.clear(caller);
      return { text: removed ? 'Unsubscribed: no more recommendations by direct message.' : 'You had no personal digest subscription.', ephemeral: true };
    },
  };
}
