import type { Writable } from 'node:stream';
import type { Publisher } from '../../core/publisher.js';
import { renderPost } from './render-text.js';

/**
 * The terminal as a channel: digest posts are printed, each with a message id (`local-post-N`)
 * that `react local-post-N 🔖` in the local mode bookmarks once the core has recorded it.
 */
export function createLocalPublisher(output: Writable): Publisher {
  let n = 0;
  return {
    platform: 'local',
    minIntervalMs: 0,
    async post(channelId, message) {
      const messageId = `local-post-${++n}`;
      output.write(renderPost(channelId, message, messageId));
      return { messageId };
    },
  };
}
