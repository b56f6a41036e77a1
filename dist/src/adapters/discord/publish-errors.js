import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { PermanentPublishError, RateLimitedError, TransientPublishError } from "../../core/errors.js";
const DEFAULT_RETRY_MS = 1e3;
function toPublishError(err, channelId) {
  if (err instanceof RateLimitError) {
    const ms = Math.max(err.retryAfter, err.timeToReset, 0) || DEFAULT_RETRY_MS;
    return new RateLimitedError(Math.ceil(ms), `Discord rate limit on channel ${channelId}: retry after ${Math.ceil(ms)} ms`);
  }
  if (err instanceof DiscordAPIError) {
    if (err.status === 429) return new RateLimitedError(DEFAULT_RETRY_MS);
    if (err.status >= 500) return new TransientPublishError(`Discord ${err.status} posting to ${channelId}: ${err.message}`);
    return new PermanentPublishError(`Discord refused posting to ${channelId} (${err.status}, code ${err.code}): ${err.message}`);
  }
  if (err instanceof HTTPError) {
    if (err.status >= 500) return new TransientPublishError(`Discord ${err.status} posting to ${channelId}`);
    return new PermanentPublishError(`Discord ${err.status} posting to ${channelId}`);
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new TransientPublishError(`posting to ${channelId} failed: ${message}`);
}
export {
  toPublishError
};
//# sourceMappingURL=publish-errors.js.map
