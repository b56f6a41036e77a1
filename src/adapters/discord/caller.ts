import { PermissionFlagsBits, type Interaction, type User } from 'discord.js';
import type { Caller } from '../../core/reply.js';
import { LIMITS } from './limits.js';

/**
 * Who is asking. Bookmarks belong to (discord, guild, user); outside a guild (a DM) the workspace is
 * the user's own. Admin means Manage Server, read from the member permissions Discord puts in the
 * interaction payload (so it is right even for members discord.js has not cached). Each card is an
 * embed, and a message holds only so many: paging commands page by that many here.
 */
export function callerFromInteraction(interaction: Interaction): Caller {
  return {
    platform: 'discord',
    workspaceId: interaction.guildId ?? `dm:${interaction.user.id}`,
    channelId: interaction.channelId ?? '',
    userId: interaction.user.id,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    maxCards: LIMITS.embedsPerMessage,
  };
}

/** A reaction's author; a reaction never grants admin. */
export function callerFromReaction(user: Pick<User, 'id'>, guildId: string | null, channelId: string): Caller {
  return {
    platform: 'discord',
    workspaceId: guildId ?? `dm:${user.id}`,
    channelId,
    userId: user.id,
    isAdmin: false,
    maxCards: LIMITS.embedsPerMessage,
  };
}
