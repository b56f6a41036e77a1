import { toCard } from '../cards.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Caller, Reply } from '../reply.js';
import { channelKey, type DigestRun, type DigestStore, type NewRun, type Subscription } from './digest-store.js';
import { EMPTY_LINE, headerText } from './messages.js';
import { memo, selectDigest, type SelectDeps } from './select.js';
import { describeSettings, parseSubscriptionSettings } from './subscription.js';

export interface PlanDeps extends SelectDeps {
  store: DigestStore;
  clock: Clock;
  logger: Logger;
}

/** Chooses the channel's papers and fixes them as a run to create (with the cursor to advance to). */
export async function buildRun(
  d: PlanDeps,
  sub: Subscription,
  slot: string,
  now: Date,
  opts: { manual?: boolean; persistCursor?: boolean } = {},
): Promise<NewRun> {
  // Channels planned in one tick share one read of the posts table per candidate group.
  const posted = (ids: string[], group: string) =>
    memo(d.cache.posted, group, () => d.store.postedByChannel(ids)).then((m) => m.get(channelKey(sub.platform, sub.channelId)) ?? new Set<string>());
  const sel = await selectDigest(d, sub.settings, sub.entryCursor, posted, sub);
  const base = { platform: sub.platform, channelId: sub.channelId, slot, entryCursor: sel.entryCursor, advanceCursor: opts.persistCursor ?? true, createdAt: now.toISOString() };
  if (!sel.papers.length) {
    // Never an empty header: nothing, or the one line the channel asked for.
    const announce = sub.settings.announceEmpty && !opts.manual;
    return {
      ...base,
      status: announce ? 'planned' : 'done',
      plan: { header: announce ? EMPTY_LINE : '', paperIds: [] },
      detail: `nothing new (${sel.considered} new papers before filters)`,
    };
  }
  const header = headerText({ digestDate: sel.digestDate, sources: sel.sources, count: sel.papers.length, considered: sel.considered, settings: sub.settings });
  return { ...base, status: 'planned', plan: { header, paperIds: sel.papers.map((p) => p.id) } };
}

/**
 * Plans one run and stores it, advancing the channel's cursor in the same transaction. Undefined
 * when the slot already has a run (another tick got there first).
 */
export async function planRun(d: PlanDeps, sub: Subscription, slot: string, now: Date, opts: { manual?: boolean; persistCursor?: boolean; claim?: NewRun['claim'] } = {}): Promise<DigestRun | undefined> {
  return d.store.createRun({ ...(await buildRun(d, sub, slot, now, opts)), claim: opts.claim });
}

/** What the next digest would post, recording nothing. */
export async function previewReply(d: PlanDeps, caller: Caller, sub: Subscription | undefined): Promise<Reply> {
  const settings = sub?.settings;
  const s = settings ?? parseSubscriptionSettings({});
  const sel = await selectDigest(d, s, sub?.entryCursor ?? null, (ids) => d.store.postedAmong(caller.platform, caller.channelId, ids), caller);
  const intro = sub ? `Preview of this channel's next digest (${describeSettings(s)})` : 'This channel has no subscription; with the defaults its digest would be';
  if (!sel.papers.length) return { text: `${intro}: nothing new to post.${sel.order ? ` Order: ${sel.order}.` : ''}`, ephemeral: true };
  const header = headerText({ digestDate: sel.digestDate, sources: sel.sources, count: sel.papers.length, considered: sel.considered, settings: s });
  const lines = sel.papers.map((p, i) => `${i + 1}. ${p.title}${p.upvotes !== undefined ? ` (▲ ${p.upvotes})` : ''}`);
  const order = sel.order ? `\nOrder: ${sel.order}.` : '';
  return { text: `${intro}:\n${header}\n${lines.join('\n')}${order}`, cards: sel.papers.map((p) => toCard(p)), ephemeral: true };
}
