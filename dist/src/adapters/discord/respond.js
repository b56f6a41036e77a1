import { MessageFlags } from "discord.js";
import { renderReply, toInteractionOptions } from "./render-reply.js";
async function respond(interaction, start, opts) {
  const update = opts.update && interaction.isMessageComponent();
  const TIMEOUT = /* @__PURE__ */ Symbol("timeout");
  const age = Math.max(0, Date.now() - interaction.createdTimestamp);
  const deferFirst = age >= opts.deferAfterMs || (opts.othersBusy?.() ?? false);
  let work;
  let early = TIMEOUT;
  const acked = () => opts.onAck?.(Math.max(0, Date.now() - interaction.createdTimestamp));
  if (deferFirst) {
    if (update) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    acked();
    work = opts.queue ? opts.queue.run(start) : start();
  } else {
    work = start();
    let timer;
    early = await Promise.race([
      work,
      new Promise((resolve) => {
        timer = setTimeout(() => resolve(TIMEOUT), opts.deferAfterMs - age);
      })
    ]).finally(() => clearTimeout(timer));
  }
  if (early !== TIMEOUT) {
    const rendered2 = renderReply(early, opts.codec);
    if (update) await interaction.update(toInteractionOptions(rendered2));
    else await interaction.reply({ ...toInteractionOptions(rendered2), ...rendered2.ephemeral ? { flags: MessageFlags.Ephemeral } : {} });
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
    await interaction.editReply(toInteractionOptions(rendered));
    return;
  }
  await interaction.followUp(toInteractionOptions(rendered));
  await interaction.deleteReply().catch(() => void 0);
}
export {
  respond
};
//# sourceMappingURL=respond.js.map
