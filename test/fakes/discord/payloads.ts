/**
 * Discord API v10 object shapes the fake hands to discord.js: just the fields discord.js reads,
 * with real-looking 18-19 digit snowflakes (discord.js's REST bucketing only recognises those).
 */

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A fresh snowflake for `atMs` (default now): timestamp bits + a process-wide counter. */
export function snowflake(atMs: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Math.floor(atMs)) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** A snowflake whose shard (for `shardCount`) is `shard`: (guild_id >> 22) % count. */
export function snowflakeOnShard(shard: number, shardCount: number): string {
  const id = BigInt(snowflake());
  const count = BigInt(shardCount);
  const current = (id >> 22n) % count;
  // Move the timestamp bits forward a few ms so the id lands on the wanted shard.
  return (id + (((BigInt(shard) - current + count) % count) << 22n)).toString();
}

export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

export function userObject(u: FakeUser): Record<string, unknown> {
  return {
    id: u.id,
    username: u.username,
    global_name: u.username,
    discriminator: '0',
    avatar: null,
    bot: u.bot ?? false,
  };
}

/** Permission bits we use (as Discord sends them: decimal strings). */
export const Permission = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  AddReactions: 1n << 6n,
  ManageGuild: 1n << 5n,
  Administrator: 1n << 3n,
} as const;

export const MEMBER_PERMISSIONS =
  Permission.ViewChannel | Permission.SendMessages | Permission.EmbedLinks | Permission.ReadMessageHistory | Permission.AddReactions;

export function memberObject(u: FakeUser, permissions: bigint): Record<string, unknown> {
  return {
    user: userObject(u),
    nick: null,
    roles: [],
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
    permissions: permissions.toString(),
  };
}

export interface FakeGuild {
  id: string;
  name: string;
  channelIds: string[];
}

export function channelObject(guildId: string, channelId: string, name: string): Record<string, unknown> {
  return { id: channelId, type: 0, guild_id: guildId, name, position: 0, permission_overwrites: [], nsfw: false, parent_id: null };
}

export function guildCreate(g: FakeGuild, bot: FakeUser): Record<string, unknown> {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: snowflake(),
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: new Date(0).toISOString(),
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      // @everyone shares the guild id; a second role carries Manage Server.
      { id: g.id, name: '@everyone', permissions: MEMBER_PERMISSIONS.toString(), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
      { id: snowflake(), name: 'admin', permissions: (MEMBER_PERMISSIONS | Permission.ManageGuild).toString(), position: 1, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
    ],
    channels: g.channelIds.map((id, i) => channelObject(g.id, id, i === 0 ? 'papers' : `papers-${i}`)),
    threads: [],
    members: [{ ...memberObject(bot, MEMBER_PERMISSIONS), permissions: undefined }],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface StoredMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: Record<string, unknown>;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: unknown[];
  flags: number;
  nonce?: string | number;
  timestamp: string;
  /** A reply to an interaction: which one, and for a component, the message clicked. */
  interaction_metadata?: Record<string, unknown>;
  /** Which request created it (interaction token for webhook messages). */
  webhook_id?: string;
}

export function messageObject(m: StoredMessage): Record<string, unknown> {
  return {
    type: 0,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    edited_timestamp: null,
    ...m,
  };
}
