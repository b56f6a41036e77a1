import type { OutgoingMessage } from './reply.js';

/** Where a post goes beyond its channel: the workspace (Slack team id) the channel belongs to, when known. */
export interface PostTarget {
  workspaceId?: string;
}

/**
 * One post of a digest run: what a publisher needs to mark the message as the run's and, after a
 * crash or an ambiguous failure, to recognise it instead of sending it again.
 */
export interface Delivery extends PostTarget {
  /** The digest run (DigestRun.id). */
  runId: number;
  /** Which of the run's messages: `header`, `trends`, or a paper id. */
  item: string;
  /**
   * The message may already be in the channel: the run was interrupted (a crash, a takeover) before
   * this item was recorded, or an earlier attempt failed without saying whether it was posted.
   */
  mayExist: boolean;
  /** ISO instant the run was created: none of its messages is older. */
  since: string;
}

export function isDelivery(to: PostTarget | Delivery | undefined): to is Delivery {
  return to !== undefined && typeof (to as Partial<Delivery>).runId === 'number' && typeof (to as Partial<Delivery>).item === 'string';
}

/**
 * What a platform adapter gives the digest engine. `post` sends one message and returns its id
 * (Discord message id, Slack ts); it throws RateLimitedError (429), TransientPublishError (5xx,
 * timeout) or PermanentPublishError (channel gone, no access) from ./errors.ts so the engine can
 * pace, retry or pause the channel. It must not retry on its own: the engine owns retries, so
 * a message is never sent twice. `to` says which workspace the channel is in and, for a digest
 * post, which run and item it is (a Delivery); a publisher that can find an earlier copy of a
 * Delivery with `mayExist` returns that message's id instead of posting again.
 */
export interface Publisher {
  readonly platform: 'discord' | 'slack' | 'local';
  post(channelId: string, message: OutgoingMessage, to?: PostTarget | Delivery): Promise<{ messageId: string }>;
  /** Minimum spacing between two posts to one channel, in ms (Discord ~1000, Slack ~1100). */
  readonly minIntervalMs: number;
}

export interface RecordedPost {
  channelId: string;
  message: OutgoingMessage;
  messageId: string;
  to?: PostTarget | Delivery;
}

/** Records every post (with its target or Delivery); tests read `sent`. `fail` lets a test script errors per call. */
export function createRecordingPublisher(
  platform: Publisher['platform'] = 'local',
  fail?: (channelId: string, message: OutgoingMessage, callIndex: number) => Error | undefined,
): Publisher & { sent: RecordedPost[] } {
  const sent: RecordedPost[] = [];
  let calls = 0;
  return {
    platform,
    minIntervalMs: 0,
    sent,
    async post(channelId, message, to) {
      const err = fail?.(channelId, message, calls++);
      if (err) throw err;
      const messageId = `m${sent.length + 1}`;
      sent.push({ channelId, message, messageId, ...(to ? { to } : {}) });
      return { messageId };
    },
  };
}
