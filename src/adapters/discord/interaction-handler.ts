import { randomUUID } from 'node:crypto';
import { MessageFlags, type ButtonInteraction, type Interaction, type StringSelectMenuInteraction } from 'discord.js';
import type { ChatCore } from '../../core/chat.js';
import { PermanentPublishError, RateLimitedError, UserError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Metrics } from '../../core/metrics.js';
import type { Publisher } from '../../core/publisher.js';
import { callerOfDmChannel, dmChannelId } from '../../core/direct-messages.js';
import type { Caller, Reply, ReplyAction } from '../../core/reply.js';
import { callerFromInteraction } from './caller.js';
import { commandPathAndOptions } from './command-options.js';
import type { CustomIdCodec } from './custom-ids.js';
import { respond, type Answerable } from './respond.js';
import { createTurnQueue } from './turn-queue.js';

export interface InteractionDeps {
  chat: ChatCore;
  publisher: Publisher;
  codec: CustomIdCodec;
  logger: Logger;
  /** Answer directly when the core is faster than this; defer otherwise (Discord allows 3 s). */
  deferAfterMs: number;
  /**
   * The registered top-level command names. Subcommand paths are the same under each
   * (`/papers-admin subscribe` → ['subscribe']), so the core needs no word of which was typed.
   */
  commandNames: readonly string[];
  /** Acknowledgement latency goes here. */
  metrics?: Metrics;
}

const EXPIRED: Reply = {
  text: 'This button has expired (the bot restarted or the message is old). Run the command again.',
  ephemeral: true,
  error: true,
};

const UNKNOWN_DM_MESSAGE: Reply = {
  text: 'I no longer know which server’s digest this message came from (it is too old, or not one of your personal digest posts), so nothing was changed. Use /papers for-me in the server instead.',
  ephemeral: true,
  error: true,
};

function footersOf(interaction: ButtonInteraction | StringSelectMenuInteraction): string[] {
  return interaction.message.embeds.map((e) => e.footer?.text ?? '');
}

/**
 * The one entry point for interactions: `/papers …` and `/papers-admin …` → ChatCore.handleCommand,
 * buttons and select menus → handleAction (Share: post the paper, record the message). Every failure
 * ends here: logged with an error id, and the person gets a short message with that id — never a
 * crash, never silence.
 */
export function createInteractionHandler(deps: InteractionDeps) {
  const { chat, codec, logger } = deps;
  // Interactions received and not yet answered in full: more than this one means a burst, and
  // respond() then acknowledges first (see there).
  let active = 0;
  const queue = createTurnQueue();

  async function share(paperId: string, caller: Caller): Promise<Reply> {
    let message;
    try {
      message = await chat.shareMessage(paperId);
    } catch (err) {
      // shareMessage throws UserError for an unknown paper id: a clear answer, not a bug.
      if (err instanceof UserError) return { text: err.message, ephemeral: true, error: true };
      throw err;
    }
    try {
      const { messageId } = await deps.publisher.post(caller.channelId, message);
      if (message.card) await chat.recordMessage({ platform: 'discord', channelId: caller.channelId }, messageId, message.card.paperId);
      return { text: `Shared${message.card ? ` “${message.card.title}”` : ''} in this channel: react 🔖 to it to bookmark.`, ephemeral: true };
    } catch (err) {
      if (err instanceof RateLimitedError) {
        return { text: `Discord is rate limiting this channel; try again in ${Math.ceil(err.retryAfterMs / 1000)} s.`, ephemeral: true, error: true };
      }
      if (err instanceof PermanentPublishError) {
        return { text: 'I cannot post in this channel: check that I can View Channel, Send Messages and Embed Links here.', ephemeral: true, error: true };
      }
      throw err;
    }
  }

  function runAction(action: ReplyAction, caller: Caller): Promise<Reply> {
    return action.kind === 'share' ? share(action.paperId, caller) : chat.handleAction(action, caller);
  }

  /**
   * A component on a message. In a DM (no guild: the commands are server-only) the action belongs
   * to the server whose personal digest posted the message. Our answers to clicks there (Undo, More
   * like this results, and answers to those) name that server in their custom_ids (custom-ids.ts);
   * answers sent before they did are traced one hop, to the message clicked for them, which Discord
   * names in the answer's interaction metadata. A message no digest recorded gets a clear answer and
   * changes nothing. `inServer` is told the server acted in, so the answer's own buttons carry it.
   */
  async function runOnMessage(interaction: ButtonInteraction | StringSelectMenuInteraction, action: ReplyAction, caller: Caller, inServer: (workspaceId: string) => void): Promise<Reply> {
    if (interaction.guildId) return runAction(action, caller);
    const { message } = interaction;
    const stamped = codec.workspaceOf(interaction.customId);
    let subscriber = stamped ? callerOfDmChannel(caller, dmChannelId(stamped, caller.userId)) : await chat.directMessageCaller(caller, message.id);
    const clicked = message.interactionMetadata?.interactedMessageId;
    if (!subscriber && clicked) subscriber = await chat.directMessageCaller(caller, clicked);
    if (!subscriber) {
      logger.info({ platform: 'discord', messageId: interaction.message.id, userId: caller.userId, action: action.kind }, 'button on a DM message no personal digest recorded; refused');
      return UNKNOWN_DM_MESSAGE;
    }
    inServer(subscriber.workspaceId);
    return runAction(action, subscriber);
  }

  async function handle(interaction: Answerable): Promise<void> {
    const caller = callerFromInteraction(interaction);
    const base = { codec, deferAfterMs: deps.deferAfterMs, othersBusy: () => active > 1, queue, onAck: (ms: number) => deps.metrics?.ackSeconds('discord', ms / 1000) };
    if (interaction.isChatInputCommand()) {
      const { path, options } = commandPathAndOptions(interaction.options.data);
      logger.debug({ platform: 'discord', command: path.join(' '), userId: caller.userId }, 'command');
      await respond(interaction, () => chat.handleCommand(path, options, caller), base);
      return;
    }
    // A component's answer in a DM carries the server it acted in (runOnMessage), known once it ran.
    let server: string | undefined;
    const inServer = (workspaceId: string) => void (server = workspaceId);
    const onMessage = { ...base, codec: codec.inWorkspace(() => server) };
    if (interaction.isButton()) {
      // The clicked button is looked up in the message's components; a stale message may lack it.
      const component = interaction.component as { label?: string | null } | null | undefined;
      const action = codec.decode(interaction.customId, { label: component?.label ?? undefined, footers: footersOf(interaction) });
      if (!action) return respond(interaction, async () => EXPIRED, base);
      // Next page rewrites one's own ephemeral results; elsewhere a new ephemeral reply.
      const update = action.kind === 'run' && interaction.message.flags.has(MessageFlags.Ephemeral);
      await respond(interaction, () => runOnMessage(interaction, action, caller, inServer), { ...onMessage, update });
      return;
    }
    // isStringSelectMenu
    const kind = codec.decodePick(interaction.customId);
    const paperId = interaction.isStringSelectMenu() ? codec.decodePaperValue(interaction.values[0] ?? '', { footers: footersOf(interaction) }) : undefined;
    if (!kind || !paperId) return respond(interaction, async () => EXPIRED, base);
    await respond(interaction, () => runOnMessage(interaction as StringSelectMenuInteraction, { kind, paperId }, caller, inServer), onMessage);
  }

  return async function onInteraction(interaction: Interaction): Promise<void> {
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isStringSelectMenu()) return;
    if (interaction.isChatInputCommand() && !deps.commandNames.includes(interaction.commandName)) return;
    active++;
    try {
      // One turn of the event loop first: dispatches that arrived in the same read register as
      // active before any of them starts CPU-bound work, so a burst is seen as one.
      await new Promise<void>((resolve) => setImmediate(resolve));
      await handle(interaction);
    } catch (err) {
      const errorId = randomUUID().slice(0, 8);
      logger.error(
        { platform: 'discord', errorId, userId: interaction.user.id, interaction: interaction.id, err: err instanceof Error ? err.stack : String(err) },
        'interaction failed',
      );
      const text = `Something went wrong on our side (error id ${errorId}).`;
      try {
        const payload = { content: text, allowedMentions: { parse: [] as [] } };
        // Deferred and not yet answered: replace the "thinking…" placeholder rather than leave it.
        if (interaction.deferred && !interaction.replied) await interaction.editReply({ ...payload, embeds: [], components: [] });
        else if (interaction.replied) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
        else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
      } catch (replyErr) {
        logger.warn({ platform: 'discord', errorId, err: String(replyErr) }, 'could not tell the user about the error');
      }
    } finally {
      active--;
    }
  };
}
