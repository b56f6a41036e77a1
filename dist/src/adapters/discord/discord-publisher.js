import { createHash } from "node:crypto";
import { Routes } from "discord.js";
import { renderOutgoing, toRestBody } from "./render-reply.js";
import { toPublishError } from "./publish-errors.js";
const MIN_INTERVAL_MS = 1e3;
function createDiscordPublisher(deps) {
  return {
    platform: "discord",
    minIntervalMs: MIN_INTERVAL_MS,
    async post(channelId, message) {
      const body = toRestBody(renderOutgoing(message, deps.codec));
      const nonce = createHash("sha256").update(channelId).update("\0").update(JSON.stringify(body)).digest("base64url").slice(0, 24);
      try {
        const sent = await deps.rest.post(Routes.channelMessages(channelId), {
          body: { ...body, nonce, enforce_nonce: true }
        });
        return { messageId: sent.id };
      } catch (err) {
        const mapped = toPublishError(err, channelId);
        deps.logger.warn({ platform: "discord", channelId, err: mapped.message, kind: mapped.name }, "discord post failed");
        throw mapped;
      }
    }
  };
}
export {
  createDiscordPublisher
};
//# sourceMappingURL=discord-publisher.js.map
