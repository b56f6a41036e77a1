import type { Publisher } from './publisher.js';

/**
 * Opening a direct message is the adapter's job (Discord `POST /users/@me/channels`, Slack
 * `conversations.open` with the workspace's token, the local mode's `#dm-<user>`): this is the port.
 * It resolves to a channel id the platform's publisher can post to, and throws the publish errors of
 * ./errors.ts (PermanentPublishError when the user cannot be messaged) so the engine pauses or retries.
 */
export interface DirectMessages {
  openDirectMessage(workspaceId: string, userId: string): Promise<string>;
}

const PREFIX = 'dm:';

/**
 * A reader's personal digest is a pseudo-channel `dm:<workspace>:<user>` for the digest engine: its
 * own subscription, runs, posts and pause, like any channel. User ids hold no colon on any platform;
 * the user is what follows the last one.
 */
export function dmChannelId(workspaceId: string, userId: string): string {
  return `${PREFIX}${workspaceId}:${userId}`;
}

export function isDmChannel(channelId: string): boolean {
  return channelId.startsWith(PREFIX);
}

/** The reader behind a `dm:` pseudo-channel; undefined for an ordinary channel id. */
export function parseDmChannelId(channelId: string): { workspaceId: string; userId: string } | undefined {
  if (!isDmChannel(channelId)) return undefined;
  const rest = channelId.slice(PREFIX.length);
  const cut = rest.lastIndexOf(':');
  if (cut <= 0 || cut === rest.length - 1) return undefined;
  return { workspaceId: rest.slice(0, cut), userId: rest.slice(cut + 1) };
}

/**
 * `caller` (the reader of a DM) moved to the personal digest's pseudo-channel that posted a
 * message there: its workspace, and the pseudo-channel under which its messages are recorded.
 * Undefined when the pseudo-channel is not this reader's.
 */
export function callerOfDmChannel<C extends { workspaceId: string; channelId: string; userId: string }>(caller: C, dmChannel: string): C | undefined {
  const reader = parseDmChannelId(dmChannel);
  if (!reader || reader.userId !== caller.userId) return undefined;
  return { ...caller, workspaceId: reader.workspaceId, channelId: dmChannel };
}

/** DM channels opened this process; beyond this many the map starts over (they are reopened, not lost). */
const MAX_OPENED = 10_000;

/**
 * The adapter's publisher, also posting to `dm:` pseudo-channels: the DM is opened (once per
 * reader and process; opening is idempotent on both platforms) and the message posted to it, its
 * card with a Not interested action. Ordinary channel ids pass through unchanged.
 */
export function withDirectMessages(publisher: Publisher, dms: DirectMessages): Publisher {
  const opened = new Map<string, string>();
  return {
    platform: publisher.platform,
    minIntervalMs: publisher.minIntervalMs,
    async post(channelId, message, to) {
      const reader = parseDmChannelId(channelId);
      if (!reader) return publisher.post(channelId, message, to);
      let dm = opened.get(channelId);
      if (!dm) {
        dm = await dms.openDirectMessage(reader.workspaceId, reader.userId);
        if (opened.size >= MAX_OPENED) opened.clear();
        opened.set(channelId, dm);
      }
      // A personal digest's cards are recommendations to this reader: they get 👎 Not interested,
      // as /papers for-me's do.
      return publisher.post(dm, message.card ? { ...message, card: { ...message.card, dismissable: true } } : message, to);
    },
  };
}
