import { Routes, type REST } from 'discord.js';
import type { DirectMessages } from '../../core/direct-messages.js';
import type { Logger } from '../../core/logger.js';
import { toPublishError } from './publish-errors.js';

/**
 * Opens a member's DM channel with `POST /users/@me/channels` (what discord.js's `user.createDM()`
 * sends), over the posts' REST: it works before the gateway is up (catch-up at start) and needs no
 * cached user. Discord answers with the same channel each time. Whether the member accepts DMs shows
 * only when a message is sent there (403, code 50007), which the publisher maps to a permanent error.
 */
export function createDiscordDirectMessages(rest: REST, logger: Logger): DirectMessages {
  return {
    async openDirectMessage(_guildId, userId) {
      try {
        const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
        return channel.id;
      } catch (err) {
        const mapped = toPublishError(err, `the DM of user ${userId}`);
        logger.warn({ platform: 'discord', userId, err: mapped.message, kind: mapped.name }, 'discord DM could not be opened');
        throw mapped;
      }
    },
  };
}
