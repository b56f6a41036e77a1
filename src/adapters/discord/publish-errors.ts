import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { PermanentPublishError, RateLimitedError, TransientPublishError } from '../../core/errors.js';

/** Discord's "Cannot send messages to this user". */
const CANNOT_MESSAGE_USER = 50007;

/** When a 429 gives no usable delay, wait this long before the same message is tried again. */
const DEFAULT_RETRY_MS = 1000;

/**
 * A failed channel post → the engine's error kinds:
 * - RateLimitError (a 429, or discord.js knowing the bucket is empty) → RateLimitedError(retry after);
 * - 5xx, timeouts, resets → TransientPublishError (retried with backoff by the engine);
 * - 401/403/404 (bad token, Missing Access, Missing Permissions, Unknown Channel) and other 4xx →
 *   PermanentPublishError: retrying the same request cannot succeed.
 */
export function toPublishError(err: unknown, channelId: string): Error {
  if (err instanceof RateLimitError) {
    const ms = Math.max(err.retryAfter, err.timeToReset, 0) || DEFAULT_RETRY_MS;
    return new RateLimitedError(Math.ceil(ms), `Discord rate limit on channel ${channelId}: retry after ${Math.ceil(ms)} ms`);
  }
  if (err instanceof DiscordAPIError) {
    if (err.status === 429) return new RateLimitedError(DEFAULT_RETRY_MS);
    if (err.status >= 500) return new TransientPublishError(`Discord ${err.status} posting to ${channelId}: ${err.message}`);
    // The member blocks DMs from the bot (or shares no server with it): said plainly, it is the pause reason they see.
    if (err.code === CANNOT_MESSAGE_USER) return new PermanentPublishError(`Discord: this user does not accept direct messages from the bot (code ${err.code})`);
    return new PermanentPublishError(`Discord refused posting to ${channelId} (${err.status}, code ${err.code}): ${err.message}`);
  }
  if (err instanceof HTTPError) {
    if (err.status >= 500) return new TransientPublishError(`Discord ${err.status} posting to ${channelId}`);
    return new PermanentPublishError(`Discord ${err.status} posting to ${channelId}`);
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new TransientPublishError(`posting to ${channelId} failed: ${message}`);
}
