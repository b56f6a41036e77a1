import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type StringSelectMenuInteraction } from 'discord.js';
import type { Reply } from '../../core/reply.js';
import type { CustomIdCodec } from './custom-ids.js';
import { renderReply, toInteractionOptions } from './render-reply.js';
import type { TurnQueue } from './turn-queue.js';

export type Answerable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

/**
 * Answers an interaction with the reply `work` produces, inside Discord's 3 s:
 * - the reply is ready within `deferAfterMs` of the interaction's creation → one callback carrying it
 *   (type 4, or 7 for `update`);
 * - otherwise → defer (type 5 ephemeral, or 6 for `update`), then edit the original when it is;
 * - an interaction already that old when it reaches us → defer at once, then work;
 * - other interactions still being worked on (`othersBusy()`, a burst) → defer at once, then work:
 *   the core's work is CPU on this one event loop, so one that waits behind 19 searches would be
 *   answered only after all of them; the deferral costs one cheap callback and keeps every answer
 *   inside the 3 s, however deep the queue. A lone interaction is still answered in one callback.
 * A deferred ephemeral answer that turns out public (rare: `digest now` confirmations) is sent as a
 * public follow-up and the "thinking…" placeholder deleted, since a deferral fixes the visibility.
 * `update` rewrites the clicked message in place (Next page on one's own ephemeral results).
 */
export async function respond(
  interaction: Answerable,
  start: () => Promise<Reply>,
  opts: { codec: CustomIdCodec; deferAfterMs: number; update?: boolean; othersBusy?: () => boolean; queue?: TurnQueue; onAck?: (ageMs: number) => void },
): Promise<void> {
  const update = opts.update && interaction.isMessageComponent();
  const TIMEOUT = Symbol('timeout');
  // Discord's 3 s run from the interaction's creation (its snowflake), not from when we got to it:
  // one that waited in a backlog (a burst, a resume replay) has less time left.
  const age = Math.max(0, Date.now() - interaction.createdTimestamp);
  const deferFirst = age >= opts.deferAfterMs || (opts.othersBusy?.() ?? false);
  let work: Promise<Reply>;
  let early: Reply | typeof TIMEOUT = TIMEOUT;
  // Measured from the interaction's creation, as Discord counts its 3 s.
  const acked = () => opts.onAck?.(Math.max(0, Date.now() - interaction.createdTimestamp));
  if (deferFirst) {
    // Already late: the deferral goes out before the core's work starts (it shares this event loop).
    if (update) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    acked();
    work = opts.queue ? opts.queue.run(start) : start();
  } else {
    work = start();
    let timer: NodeJS.Timeout | undefined;
    early = await Promise.race([
      work,
      new Promise<typeof TIMEOUT>((resolve) => {
        timer = setTimeout(() => resolve(TIMEOUT), opts.deferAfterMs - age);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  if (early !== TIMEOUT) {
    const rendered = renderReply(early, opts.codec);
    if (update) await interaction.update(toInteractionOptions(rendered));
    else await interaction.reply({ ...toInteractionOptions(rendered), ...(rendered.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}) });
    acked();
    return;
  }

  if (!deferFirst) {
    if (update) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    acked();
  }
  const reply = await work;
  const rendered = renderReply(reply, opts.codec);
  if (update || rendered.ephemeral) {
    // editReply cannot change visibility: flags are left out.
    await interaction.editReply(toInteractionOptions(rendered));
    return;
  }
  await interaction.followUp(toInteractionOptions(rendered));
  await interaction.deleteReply().catch(() => undefined);
}
