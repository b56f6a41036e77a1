import { PermissionFlagsBits } from 'discord.js';

/**
 * The permissions the bot asks for when invited, each for a reason: see it and post (View Channel,
 * Send Messages, and Send Messages in Threads for digests and shares in a thread channel), cards
 * (Embed Links), exports (Attach Files), 🔖 on messages from before a restart (Read Message
 * History), and its own 🔖 hint (Add Reactions).
 */
export const INVITE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions;

/** The OAuth2 URL that adds the bot to a server with its commands and those permissions. */
export function inviteUrl(appId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${encodeURIComponent(appId)}&scope=bot+applications.commands&permissions=${INVITE_PERMISSIONS}`;
}
