import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import type { Publisher } from '../../core/publisher.js';
import type { Logger } from '../../core/logger.js';
import type { CustomIdCodec } from './custom-ids.js';
import { renderOutgoing, toRestBody, toRestFiles } from './render-reply.js';
import { toPublishError } from './publish-errors.js';

/** Discord allows about 5 messages per 5 s per channel; one a second stays clear of the limit. */
const MIN_INTERVAL_MS = 1000;

/**
 * Posts channel messages over REST (works for any channel the bot can see, whichever shard holds
 * its guild). One attempt per call: the client's REST has `retries: 0` and rejects on rate limits for
 * this route, so the engine sees every 429 and 5xx and owns the retry. Each body carries a nonce
 * derived from channel and content with `enforce_nonce`, so when a 5xx or a timeout hid a message
 * Discord did create, the engine's retry gets that same message back instead of a duplicate.
 */
export function createDiscordPublisher(deps: { rest: REST; codec: CustomIdCodec; logger: Logger }): Publisher {
  return {
    platform: 'discord',
    minIntervalMs: MIN_INTERVAL_MS,
    async post(channelId, message) {
      const rendered = renderOutgoing(message, deps.codec);
      const body = toRestBody(rendered);
      const files = toRestFiles(rendered);
      // Discord nonces are ≤ 25 chars; 24 base64url chars of a SHA-256 are plenty.
      const nonce = createHash('sha256').update(channelId).update('\0').update(JSON.stringify(body)).digest('base64url').slice(0, 24);
      try {
        const sent = (await deps.rest.post(Routes.channelMessages(channelId), {
          body: { ...body, nonce, enforce_nonce: true },
          // A picture (the weekly trends) goes as an attachment in the same request: one message.
          ...(files.length ? { files } : {}),
        })) as { id: string };
        return { messageId: sent.id };
      } catch (err) {
        const mapped = toPublishError(err, channelId);
        deps.logger.warn({ platform: 'discord', channelId, err: mapped.message, kind: mapped.name }, 'discord post failed');
        throw mapped;
      }
    },
  };
}
