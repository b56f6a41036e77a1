import type { webApi } from '@slack/bolt';
import { PermanentPublishError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Delivery } from '../../core/publisher.js';
import { toPublishError } from './publish-errors.js';

/**
 * Slack's chat.postMessage has no idempotency key (`client_msg_id` is for Slack's own clients and
 * not honoured for bot posts). So each digest post carries message metadata naming its run and item,
 * and a post that may already be in the channel (a resumed run, a retry after a timeout) is first
 * looked for in the channel's history: found, its ts is returned and nothing is posted again.
 */
export const DIGEST_POST_EVENT = 'papers_digest_post';

/** Reading history needs these scopes (public and private channels); without them, posts go out unchecked. */
export const HISTORY_SCOPES = ['channels:history', 'groups:history'] as const;

/** Messages per page and pages read at most: a run's messages sit among at most this many since it began. */
const PAGE = 200;
const MAX_PAGES = 5;
/** Slack's clock and ours may disagree by this much; history is read from this long before the run began. */
const CLOCK_SKEW_S = 300;

export function markerMetadata(d: Delivery) {
  return { event_type: DIGEST_POST_EVENT, event_payload: { run: d.runId, item: d.item } };
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

export type FindPosted = (channelId: string, d: Delivery, token?: string) => Promise<string | undefined>;

/**
 * The ts of the message of `d` already in the channel, or undefined. A missing history scope (an
 * install made before the scope was added) logs once and posts unchecked, as before; a rate limit or
 * 5xx is thrown as a publish error, so the engine retries the whole post later, still checking first.
 */
export function createPostedMarkerCheck(client: Pick<webApi.WebClient, 'conversations'>, logger: Logger): FindPosted {
  let scopeWarned = false;
  return async (channelId, d, token) => {
    const since = Date.parse(d.since);
    const oldest = Number.isFinite(since) ? (since / 1000 - CLOCK_SKEW_S).toFixed(6) : undefined;
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      let res: { messages?: HistoryMessage[]; has_more?: boolean; response_metadata?: { next_cursor?: string } };
      try {
        res = await client.conversations.history({
          channel: channelId,
          limit: PAGE,
          include_all_metadata: true,
          ...(oldest ? { oldest } : {}),
          ...(cursor ? { cursor } : {}),
          ...(token ? { token } : {}),
        });
      } catch (err) {
        const code = (err as { data?: { error?: unknown } }).data?.error;
        if (code === 'missing_scope') {
          if (!scopeWarned) logger.warn({ channelId, needed: HISTORY_SCOPES.join(',') }, 'slack: cannot read channel history to check for an already posted digest message (missing scope; reinstall the app); posting unchecked');
          scopeWarned = true;
          return undefined;
        }
        const mapped = toPublishError(err);
        if (!(mapped instanceof PermanentPublishError)) throw mapped;
        // Any other refusal (not in the channel, channel gone): the post itself will say so.
        logger.warn({ channelId, err: mapped.message }, 'slack: could not read channel history to check for an already posted digest message; posting unchecked');
        return undefined;
      }
      const hit = (res.messages ?? []).find((m) => isMarker(m, d));
      if (hit?.ts) {
        logger.info({ channelId, runId: d.runId, item: d.item, ts: hit.ts }, 'digest message already in the channel (posted before a restart or a timeout); not posted again');
        return hit.ts;
      }
      cursor = res.response_metadata?.next_cursor;
      if (!res.has_more || !cursor) return undefined;
    }
    logger.warn({ channelId, runId: d.runId, pages: MAX_PAGES }, 'slack: channel too busy to check all of its history for an already posted digest message; posting');
    return undefined;
  };
}

function isMarker(m: HistoryMessage, d: Delivery): boolean {
  const meta = m.metadata;
  if (meta?.event_type !== DIGEST_POST_EVENT) return false;
  const p = meta.event_payload ?? {};
  return String(p.run) === String(d.runId) && String(p.item) === d.item;
}
