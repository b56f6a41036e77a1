import type { Client, MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import type { ChatCore } from '../../core/chat.js';
import type { Logger } from '../../core/logger.js';
import { callerFromReaction } from './caller.js';
import { BOOKMARK_EMOJI, READ_EMOJI } from './limits.js';

/**
 * 🔖 added/removed on a bot message → bookmark/unbookmark the paper it shows; ✅ → mark it read/unread. Reactions on messages
 * discord.js has not cached (older than the process, or evicted) arrive as partials: the message is
 * fetched to learn its author. If that fetch fails (no Read Message History), the core still decides,
 * since it only knows papers for messages the bot itself posted.
 */
export function createReactionHandler(deps: { client: Client; chat: ChatCore; logger: Logger }) {
  return async function onReaction(
    reaction: MessageReaction | PartialMessageReaction,
    user: User | PartialUser,
    added: boolean,
  ): Promise<void> {
    const botId = deps.client.user?.id;
    try {
      const kind = reaction.emoji.name === BOOKMARK_EMOJI ? 'bookmark' : reaction.emoji.name === READ_EMOJI ? 'read' : undefined;
      if (!kind) return;
      if (user.id === botId || user.bot) return;
      let message = reaction.message;
      if (message.partial) {
        try {
          message = await message.fetch();
        } catch (err) {
          deps.logger.warn({ platform: 'discord', messageId: message.id, err: String(err) }, 'could not fetch the reacted message');
        }
      }
      if (!message.partial && message.author && message.author.id !== botId) return;
      const caller = callerFromReaction(user, message.guildId, message.channelId);
      const result = await deps.chat.reaction(caller, message.id, added, kind);
      deps.logger.debug({ platform: 'discord', messageId: message.id, userId: user.id, added, kind, paperId: result?.paperId }, 'reaction');
    } catch (err) {
      deps.logger.error({ platform: 'discord', messageId: reaction.message.id, userId: user.id, err: err instanceof Error ? err.stack : String(err) }, 'reaction failed');
    }
  };
}
