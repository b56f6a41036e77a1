import type { Logger } from '../../core/logger.js';
import type { InstallationStore } from '../../core/store/installations.js';

/** Channels whose installation this instance already wrote; beyond this many it starts over. */
const MAX_REMEMBERED = 10_000;

/**
 * Records which installation reaches each channel a request came from, so a digest posted there
 * later (by any instance) finds the workspace's token. A channel is subscribed by a command in it,
 * so it is always known before its first digest. Written once per channel and process, not per request.
 */
export function createChannelMemory(store: InstallationStore, logger: Logger, now: () => Date = () => new Date()) {
  const written = new Map<string, string>();
  return {
    async remember(channelId: string, installationId: string): Promise<void> {
      if (written.get(channelId) === installationId) return;
      try {
        await store.rememberChannel('slack', channelId, installationId, now());
        if (written.size >= MAX_REMEMBERED) written.clear();
        written.set(channelId, installationId);
      } catch (err) {
        // The request itself still gets its answer; the next one from the channel tries again.
        logger.warn({ channelId, err }, 'could not remember the channel’s installation');
      }
    },
  };
}
