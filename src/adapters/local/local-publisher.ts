import type { Writable } from 'node:stream';
import { withDirectMessages, type DirectMessages } from '../../core/direct-messages.js';
import type { Publisher } from '../../core/publisher.js';
import { saveFile } from './local-mode.js';
import { renderPost } from './render-text.js';

/** The terminal has one reader: their direct messages print under `[#dm-<user>]`. */
export const localDirectMessages: DirectMessages = {
  async openDirectMessage(_workspaceId, userId) {
    return `dm-${userId}`;
  },
};

/**
 * The terminal as a channel: digest posts are printed, each with a message id (`local-post-N`)
 * that `react local-post-N 🔖` in the local mode bookmarks once the core has recorded it. Pictures
 * are written under `imageDir` when given.
 */
export function createLocalPublisher(output: Writable, imageDir?: string): Publisher {
  let n = 0;
  return withDirectMessages({
    platform: 'local',
    minIntervalMs: 0,
    async post(channelId, message) {
      const messageId = `local-post-${++n}`;
      output.write(renderPost(channelId, message, messageId));
      // A picture (the weekly trends) is written as a file; the terminal gets its path.
      if (message.image && imageDir) output.write(`[#${channelId}] picture saved to ${await saveFile(imageDir, { name: message.image.name, content: message.image.data })}\n`);
      return { messageId };
    },
  }, localDirectMessages);
}
