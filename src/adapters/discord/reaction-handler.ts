import { GatewayDispatchEvents, type Client, type MessageReaction, type PartialMessageReaction, type PartialUser, type User } from 'discord.js';
import type { ChatCore } from '../../core/chat.js';
import type { Logger } from '../../core/logger.js';
import type { Caller } from '../../core/reply.js';
import { callerFromReaction } from './caller.js';
import { BOOKMARK_EMOJI, READ_EMOJI } from './limits.js';

type Kind = 'bookmark' | 'read';

const kindOf = (emoji: string | null | undefined): Kind | undefined => (emoji === BOOKMARK_EMOJI ? 'bookmark' : emoji === READ_EMOJI ? 'read' : undefined);

/** A MESSAGE_REACTION_ADD / _REMOVE payload as the gateway sends it (the fields read here). */
interface ReactionPacket {
  user_id?: unknown;
  channel_id?: unknown;
  message_id?: unknown;
  guild_id?: unknown;
  emoji?: { name?: unknown } | null;
}

/**
 * 🔖 added/removed on a bot message → bookmark/unbookmark the paper it shows; ✅ → mark it read/unread.
 *
 * In a server: reactions on messages discord.js has not cached (older than the process, or
 * evicted) arrive as partials: the message is fetched to learn its author. If that fetch fails (no
 * Read Message History), the core still decides, since it only knows papers for messages the bot
 * itself posted.
 *
 * In a DM (a personal digest): discord.js drops a reaction whose DM channel it has not cached (the
 * packet names no channel type, so even Partials.Channel cannot build one), which is every DM the
 * bot only posted to over REST and every DM after a restart. So DM reactions are taken from the raw
 * gateway packet (`onRawPacket`), and the paper is (un)bookmarked in the server whose digest posted
 * the message, not in a server-less DM workspace.
 */
export function createReactionHandler(deps: { client: Client; chat: ChatCore; logger: Logger }) {
  async function act(caller: Caller, messageId: string, added: boolean, kind: Kind): Promise<void> {
    const result = await deps.chat.reaction(caller, messageId, added, kind);
    deps.logger.debug({ platform: 'discord', messageId, userId: caller.userId, workspaceId: caller.workspaceId, added, kind, paperId: result?.paperId }, 'reaction');
  }

  async function onReaction(reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser, added: boolean): Promise<void> {
    const botId = deps.client.user?.id;
    try {
      const kind = kindOf(reaction.emoji.name);
      if (!kind) return;
      if (user.id === botId || user.bot) return;
      // A DM's reactions are all handled from the raw packet (see above), cached channel or not.
      if (!reaction.message.guildId) return;
      let message = reaction.message;
      if (message.partial) {
        try {
          message = await message.fetch();
        } catch (err) {
          deps.logger.warn({ platform: 'discord', messageId: message.id, err: String(err) }, 'could not fetch the reacted message');
        }
      }
      if (!message.partial && message.author && message.author.id !== botId) return;
      await act(callerFromReaction(user, message.guildId, message.channelId), message.id, added, kind);
    } catch (err) {
      deps.logger.error({ platform: 'discord', messageId: reaction.message.id, userId: user.id, err: err instanceof Error ? err.stack : String(err) }, 'reaction failed');
    }
  }

  async function onDmReaction(d: ReactionPacket, added: boolean): Promise<void> {
    const kind = kindOf(typeof d.emoji?.name === 'string' ? d.emoji.name : undefined);
    const { user_id: userId, channel_id: channelId, message_id: messageId } = d;
    if (!kind || typeof userId !== 'string' || typeof channelId !== 'string' || typeof messageId !== 'string') return;
    // The bot's own reactions; in a DM nobody else but the reader can react.
    if (userId === deps.client.user?.id) return;
    try {
      // Only the reader and the bot are in a DM, so the reader is the subscriber of the digest.
      const subscriber = await deps.chat.directMessageCaller(callerFromReaction({ id: userId }, null, channelId), messageId);
      if (!subscriber) {
        deps.logger.info({ platform: 'discord', messageId, userId, added, kind }, 'reaction on a DM message no personal digest recorded (too old, or not a digest post); ignored');
        return;
      }
      await act(subscriber, messageId, added, kind);
    } catch (err) {
      deps.logger.error({ platform: 'discord', messageId, userId, err: err instanceof Error ? err.stack : String(err) }, 'reaction failed');
    }
  }

  return {
    onReaction,
    /** Every gateway dispatch (discord.js's `raw` event): DM reactions are taken from here. */
    onRawPacket(packet: { t?: unknown; d?: unknown }): void {
      const added = packet.t === GatewayDispatchEvents.MessageReactionAdd;
      if (!added && packet.t !== GatewayDispatchEvents.MessageReactionRemove) return;
      const d = packet.d as ReactionPacket | null | undefined;
      if (!d || d.guild_id) return;
      void onDmReaction(d, added);
    },
  };
}
