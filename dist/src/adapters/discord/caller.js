import { PermissionFlagsBits } from "discord.js";
import { LIMITS } from "./limits.js";
function callerFromInteraction(interaction) {
  return {
    platform: "discord",
    workspaceId: interaction.guildId ?? `dm:${interaction.user.id}`,
    channelId: interaction.channelId ?? "",
    userId: interaction.user.id,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    maxCards: LIMITS.embedsPerMessage
  };
}
function callerFromReaction(user, guildId, channelId) {
  return {
    platform: "discord",
    workspaceId: guildId ?? `dm:${user.id}`,
    channelId,
    userId: user.id,
    isAdmin: false,
    maxCards: LIMITS.embedsPerMessage
  };
}
export {
  callerFromInteraction,
  callerFromReaction
};
//# sourceMappingURL=caller.js.map
