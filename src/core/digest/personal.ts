import type { BookmarkStore } from '../bookmarks/ports.js';
import { parseDmChannelId } from '../direct-messages.js';
import { RecommenderNotReady } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Reader, ReaderFeedbackStore } from '../recommend/ports.js';
import type { Recommender } from '../recommend/recommender.js';
import type { PaperStore } from '../store/ports.js';
import { addDays } from '../trends/dates.js';
import type { DigestStore, NewRun, Subscription } from './digest-store.js';
import type { DmNoticeStore } from './dm-notice-store.js';

/** What a personal digest (a reader's recommendations by direct message) is planned from. */
export interface PersonalDigestDeps {
  recommender: Pick<Recommender, 'recommend'>;
  bookmarks: Pick<BookmarkStore, 'list'>;
  feedback: Pick<ReaderFeedbackStore, 'dismissed' | 'pins'>;
  /** Where a reader whose DM could not be delivered is told so, once; without it they are only logged. */
  notices?: DmNoticeStore;
}

/** Fewer bookmarks than this say too little about a reader to rank for them (as /papers for-me). */
export const MIN_BOOKMARKS = 3;
/** The newest this-many bookmarks and dismissals make the profile: the reader's taste as it is now. */
export const PROFILE_SIZE = 200;
/** A personal digest looks at the last week of digests, as /papers for-me does by default. */
const WINDOW_DAYS = 7;

/** The latest digest date, read once per tick for every reader due. */
export type LatestDigest = () => Promise<string | undefined>;

export const latestDigestOnce = (papers: Pick<PaperStore, 'listDigests'>): LatestDigest => {
  let latest: Promise<string | undefined> | undefined;
  return () => (latest ??= papers.listDigests({ limit: 1 }).then((d) => d[0]?.date));
};

export const readerOf = (sub: Pick<Subscription, 'platform' | 'channelId'>): Reader | undefined => {
  const r = parseDmChannelId(sub.channelId);
  return r && { platform: sub.platform, ...r };
};

/** The recommender's answer, or undefined while its first model is fitted (the one expected refusal). */
async function recommendOrWait(recommender: PersonalDigestDeps['recommender'], req: Parameters<Recommender['recommend']>[0]) {
  try {
    return await recommender.recommend(req);
  } catch (err) {
    if (err instanceof RecommenderNotReady) return undefined;
    throw err;
  }
}

/**
 * Plans one reader's personal digest: their recommendations from the last week of digests, never a
 * paper they bookmarked, dismissed or were already sent. With fewer than three bookmarks nothing is
 * sent that day (logged). Undefined while the recommender fits its first model: not due yet, so
 * the slot stays unplanned and the engine plans the reader again at its next tick. Any other
 * error is thrown (the engine logs it as one).
 */
export async function buildPersonalRun(
  d: PersonalDigestDeps & { store: Pick<DigestStore, 'postedAmong'>; logger: Logger; latestDigest: LatestDigest },
  sub: Subscription,
  slot: string,
  now: Date,
): Promise<NewRun | undefined> {
  const base = { platform: sub.platform, channelId: sub.channelId, slot, entryCursor: sub.entryCursor, advanceCursor: false, createdAt: now.toISOString() };
  const nothing = (detail: string): NewRun => ({ ...base, status: 'done', plan: { header: '', paperIds: [] }, detail });
  const reader = readerOf(sub);
  if (!reader) return nothing('not a personal digest');
  const log = d.logger.child({ platform: reader.platform, workspaceId: reader.workspaceId, userId: reader.userId, slot });
  const { paperIds: liked, total } = await d.bookmarks.list(reader, { limit: 100_000 });
  if (total < MIN_BOOKMARKS) {
    log.info({ bookmarks: total, needed: MIN_BOOKMARKS }, 'personal digest not sent: too few bookmarks');
    return nothing(`nothing sent: ${total} bookmark${total === 1 ? '' : 's'}, ${MIN_BOOKMARKS} needed`);
  }
  const latest = await d.latestDigest();
  if (!latest) return nothing('nothing sent: no digest ingested yet');
  const today = now.toISOString().slice(0, 10);
  const until = latest < today ? latest : today;
  const since = addDays(until, -(WINDOW_DAYS - 1));
  const [dismissed, pins] = await Promise.all([d.feedback.dismissed(reader, 100_000), d.feedback.pins(reader)]);
  const top = sub.settings.top;
  const picked: string[] = [];
  // Papers already sent are asked of the posts table page by page rather than all read up front:
  // the first page is usually enough, since a week of digests holds far more than one day's picks.
  const page = top * 8;
  for (let offset = 0; picked.length < top; offset += page) {
    const r = await recommendOrWait(d.recommender, {
      positives: liked.slice(0, PROFILE_SIZE),
      negatives: dismissed.slice(0, PROFILE_SIZE),
      exclude: [...liked, ...dismissed],
      pins,
      since,
      until,
      limit: page,
      offset,
    });
    if (!r) {
      log.info({}, 'personal digest waits for the recommender’s first fit; planned again at the next tick');
      return undefined;
    }
    const ids = r.items.map((i) => i.id);
    const sent = ids.length ? await d.store.postedAmong(sub.platform, sub.channelId, ids) : new Set<string>();
    picked.push(...ids.filter((id) => !sent.has(id)).slice(0, top - picked.length));
    if (offset + page >= r.total || !ids.length) break;
  }
  if (!picked.length) return nothing(`nothing new for this reader in digests ${since} to ${until}`);
  const header = `📬 Your papers for today: ${picked.length} picked from your ${total} bookmarks (digests ${since} to ${until}). /papers for-me shows more; /papers for-me unsubscribe stops these messages.`;
  return { ...base, status: 'planned', plan: { header, paperIds: picked } };
}
