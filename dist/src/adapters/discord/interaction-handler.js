import { randomUUID } from "node:crypto";
import { MessageFlags } from "discord.js";
import { PermanentPublishError, RateLimitedError, UserError } from "../../core/errors.js";
import { callerFromInteraction } from "./caller.js";
import { commandPathAndOptions } from "./command-options.js";
import { PICK_IDS } from "./render-components.js";
import { respond } from "./respond.js";
import { createTurnQueue } from "./turn-queue.js";
const EXPIRED = {
  text: "This button has expired (the bot restarted or the message is old). Run the command again.",
  ephemeral: true,
  error: true
};
const PICK_KIND = Object.fromEntries(
  Object.entries(PICK_IDS).map(([kind, id]) => [id, kind])
);
function footersOf(interaction) {
  return interaction.message.embeds.map((e) => e.footer?.text ?? "");
}
function createInteractionHandler(deps) {
  const { chat, codec, logger } = deps;
  let active = 0;
  const queue = createTurnQueue();
  async function share(paperId, caller) {
    let message;
    try {
      message = await chat.shareMessage(paperId);
    } catch (err) {
      if (err instanceof UserError) return { text: err.message, ephemeral: true, error: true };
      throw err;
    }
    try {
      const { messageId } = await deps.publisher.post(caller.channelId, message);
      if (message.card) await chat.recordMessage({ platform: "discord", channelId: caller.channelId }, messageId, message.card.paperId);
      return { text: `Shared${message.card ? ` \u201C${message.card.title}\u201D` : ""} in this channel: react \u{1F516} to it to bookmark.`, ephemeral: true };
    } catch (err) {
      if (err instanceof RateLimitedError) {
        return { text: `Discord is rate limiting this channel; try again in ${Math.ceil(err.retryAfterMs / 1e3)} s.`, ephemeral: true, error: true };
      }
      if (err instanceof PermanentPublishError) {
        return { text: "I cannot post in this channel: check that I can View Channel, Send Messages and Embed Links here.", ephemeral: true, error: true };
      }
      throw err;
    }
  }
  function runAction(action, caller) {
    return action.kind === "share" ? share(action.paperId, caller) : chat.handleAction(action, caller);
  }
  async function handle(interaction) {
    const caller = callerFromInteraction(interaction);
    const base = { codec, deferAfterMs: deps.deferAfterMs, othersBusy: () => active > 1, queue, onAck: (ms) => deps.metrics?.ackSeconds("discord", ms / 1e3) };
    if (interaction.isChatInputCommand()) {
      const { path, options } = commandPathAndOptions(interaction.options.data);
      logger.debug({ platform: "discord", command: path.join(" "), userId: caller.userId }, "command");
      await respond(interaction, () => chat.handleCommand(path, options, caller), base);
      return;
    }
    if (interaction.isButton()) {
      const component = interaction.component;
      const action = codec.decode(interaction.customId, { label: component?.label ?? void 0, footers: footersOf(interaction) });
      if (!action) return respond(interaction, async () => EXPIRED, base);
      const update = action.kind === "run" && interaction.message.flags.has(MessageFlags.Ephemeral);
      await respond(interaction, () => runAction(action, caller), { ...base, update });
      return;
    }
    const kind = PICK_KIND[interaction.customId];
    const paperId = interaction.isStringSelectMenu() ? codec.decodePaperValue(interaction.values[0] ?? "", { footers: footersOf(interaction) }) : void 0;
    if (!kind || !paperId) return respond(interaction, async () => EXPIRED, base);
    await respond(interaction, () => runAction({ kind, paperId }, caller), base);
  }
  return async function onInteraction(interaction) {
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isStringSelectMenu()) return;
    if (interaction.isChatInputCommand() && !deps.commandNames.includes(interaction.commandName)) return;
    active++;
    try {
      await new Promise((resolve) => setImmediate(resolve));
      await handle(interaction);
    } catch (err) {
      const errorId = randomUUID().slice(0, 8);
      logger.error(
        { platform: "discord", errorId, userId: interaction.user.id, interaction: interaction.id, err: err instanceof Error ? err.stack : String(err) },
        "interaction failed"
      );
      const text = `Something went wrong on our side (error id ${errorId}).`;
      try {
        const payload = { content: text, allowedMentions: { parse: [] } };
        if (interaction.deferred && !interaction.replied) await interaction.editReply({ ...payload, embeds: [], components: [] });
        else if (interaction.replied) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
        else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
      } catch (replyErr) {
        logger.warn({ platform: "discord", errorId, err: String(replyErr) }, "could not tell the user about the error");
      }
    } finally {
      active--;
    }
  };
}
export {
  createInteractionHandler
};
//# sourceMappingURL=interaction-handler.js.map
