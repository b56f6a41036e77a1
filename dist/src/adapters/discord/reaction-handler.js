import { callerFromReaction } from "./caller.js";
import { BOOKMARK_EMOJI } from "./limits.js";
function createReactionHandler(deps) {
  return async function onReaction(reaction, user, added) {
    const botId = deps.client.user?.id;
    try {
      if (reaction.emoji.name !== BOOKMARK_EMOJI) return;
      if (user.id === botId || user.bot) return;
      let message = reaction.message;
      if (message.partial) {
        try {
          message = await message.fetch();
        } catch (err) {
          deps.logger.warn({ platform: "discord", messageId: message.id, err: String(err) }, "could not fetch the reacted message");
        }
      }
      if (!message.partial && message.author && message.author.id !== botId) return;
      const caller = callerFromReaction(user, message.guildId, message.channelId);
      const result = await deps.chat.reaction(caller, message.id, added);
      deps.logger.debug({ platform: "discord", messageId: message.id, userId: user.id, added, paperId: result?.paperId }, "bookmark reaction");
    } catch (err) {
      deps.logger.error({ platform: "discord", messageId: reaction.message.id, userId: user.id, err: err instanceof Error ? err.stack : String(err) }, "reaction failed");
    }
  };
}
export {
  createReactionHandler
};
//# sourceMappingURL=reaction-handler.js.map
