import type { OutgoingMessage } from './reply.js';

/**
 * What a platform adapter gives the digest engine. `post` sends one message and returns its id
 * (Discord message id, Slack ts); it throws RateLimitedError (429), TransientPublishError (5xx,
 * timeout) or PermanentPublishError (channel gone, no access) from ./errors.ts so the engine can
 * pace, retry or pause the channel. It must not retry on its own: the engine owns retries, so
 * a message is never sent twice.
 */
export interface Publisher {
  readonly platform: 'discord' | 'slack' | 'local';
  post(channelId: string, message: OutgoingMessage): Promise<{ messageId: string }>;
  /** Minimum spacing between two posts to one channel, in ms (Discord ~1000, Slack ~1100). */
  readonly minIntervalMs: number;
}

/** Records every post; tests read `sent`. `fail` lets a test script errors per call. */
export function createRecordingPublisher(
  platform: Publisher['platform'] = 'local',
  fail?: (channelId: string, message: OutgoingMessage, callIndex: number) => Error | undefined,
): Publisher & { sent: Array<{ channelId: string; message: OutgoingMessage; messageId: string }> } {
  const sent: Array<{ channelId: string; message: OutgoingMessage; messageId: string }> = [];
  let calls = 0;
  return {
    platform,
    minIntervalMs: 0,
    sent,
    async post(channelId, message) {
      const err = fail?.(channelId, message, calls++);
      if (err) throw err;
      const messageId = `m${sent.length + 1}`;
      sent.push({ channelId, message, messageId });
      return { messageId };
    },
  };
}
