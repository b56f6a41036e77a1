import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventEmitter } from 'node:events';
import { createFakeGateway, type GatewayRecord } from './fake-gateway.js';
import { handleRest, type RecordedCall, type RestState, type ScriptedFailure } from './fake-rest.js';
import {
  MEMBER_PERMISSIONS,
  Permission,
  memberObject,
  messageObject,
  userObject,
  snowflake,
  snowflakeOnShard,
  type FakeGuild,
  type FakeUser,
  type StoredMessage,
} from './payloads.js';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST `Authorization: Bot <token>`, gateway IDENTIFY). */
  token?: string;
  appId?: string;
  /** Shards /gateway/bot recommends; one guild is placed on each shard. */
  shardCount?: number;
  heartbeatIntervalMs?: number;
  /** Text channels in each guild (default 2). */
  channelsPerGuild?: number;
}

export interface InteractionUser extends FakeUser {
  admin?: boolean;
}

/** A fake Discord on 127.0.0.1: REST under /api/v10 and a gateway websocket, recording everything. */
export async function startFakeDiscord(opts: FakeDiscordOptions = {}) {
  const token = opts.token ?? 'fake-token.abc.def';
  const appId = opts.appId ?? snowflake();
  const shardCount = opts.shardCount ?? 1;
  const bot: FakeUser = { id: snowflake(), username: 'papers-bot', bot: true };
  const guilds: FakeGuild[] = Array.from({ length: shardCount }, (_, i) => ({
    id: snowflakeOnShard(i, shardCount),
    name: `Lab ${i}`,
    channelIds: Array.from({ length: opts.channelsPerGuild ?? 2 }, () => snowflake()),
  }));
  const events = new EventEmitter();
  events.setMaxListeners(1000);
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;

  const rest: RestState = {
    token,
    appId,
    bot,
    guilds,
    gatewayUrl,
    shardCount,
    calls: [],
    messages: new Map(),
    commands: new Map(),
    failures: [],
    events,
    interactions: new Map(),
    dmChannels: new Map(),
    blockedDms: new Set(),
  };
  const gatewayRecords: GatewayRecord[] = [];
  const gateway = createFakeGateway({
    token,
    appId,
    bot,
    guilds,
    shardCount,
    heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 30_000,
    gatewayUrl,
    records: gatewayRecords,
    events,
  });

  const server = http.createServer((req, res) => void handleRest(rest, req, res));
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/gateway')) return socket.destroy();
    gateway.wss.handleUpgrade(req, socket, head, (ws) => gateway.wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  function waitFor<T>(event: string, check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const now = check();
      if (now !== undefined) return resolve(now);
      const onEvent = () => {
        const v = check();
        if (v !== undefined) {
          clearTimeout(timer);
          events.off(event, onEvent);
          resolve(v);
        }
      };
      const timer = setTimeout(() => {
        events.off(event, onEvent);
        reject(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      events.on(event, onEvent);
    });
  }

  const guild = guilds[0];
  const defaultUser: InteractionUser = { id: snowflake(), username: 'ada' };

  /** What every interaction carries, in a server or a DM; `where` adds the place's own fields. */
  function interactionEnvelope(type: number, channelId: string, guildId: string | undefined, where: Record<string, unknown>, createdAgoMs = 0) {
    // The id carries the creation time: discord.js's createdTimestamp, what Discord's 3 s count from.
    const id = snowflake(Date.now() - createdAgoMs);
    const itoken = `itoken-${id}`;
    rest.interactions.set(itoken, guildId ? { channelId, guildId } : { channelId });
    const payload: Record<string, unknown> = {
      id,
      application_id: appId,
      type,
      token: itoken,
      version: 1,
      channel_id: channelId,
      app_permissions: MEMBER_PERMISSIONS.toString(),
      locale: 'en-US',
      entitlements: [],
      attachment_size_limit: 10_485_760,
      ...where,
    };
    return { id, token: itoken, payload };
  }

  function interactionBase(type: number, user: InteractionUser, g: FakeGuild, channelId: string, createdAgoMs = 0) {
    const perms = user.admin ? MEMBER_PERMISSIONS | Permission.ManageGuild : MEMBER_PERMISSIONS;
    return interactionEnvelope(
      type,
      channelId,
      g.id,
      {
        guild_id: g.id,
        channel: { id: channelId, type: 0, guild_id: g.id, name: 'papers' },
        member: memberObject(user, perms),
        guild_locale: 'en-US',
        authorizing_integration_owners: { '0': g.id },
        context: 0,
      },
      createdAgoMs,
    );
  }

  /**
   * An interaction in the bot's DM with `user`, as Discord sends it there: no guild_id, `user`
   * instead of `member`, a DM channel (type 1), context 1 (BOT_DM), no member permissions.
   */
  function dmInteractionBase(type: number, user: InteractionUser, channelId: string) {
    return interactionEnvelope(type, channelId, undefined, {
      channel: { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [userObject(user)] },
      user: userObject(user),
      authorizing_integration_owners: { '0': '0' },
      context: 1,
    });
  }

  /** The DM channel the bot opened with `user` (the one its personal digest went to). */
  function dmChannelOf(user: InteractionUser): string {
    const id = rest.dmChannels.get(user.id);
    if (!id) throw new Error(`fake discord: the bot never opened a DM with user ${user.id}`);
    return id;
  }

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    token,
    appId,
    bot,
    guilds,
    guild,
    channelId: guild.channelIds[0],
    defaultUser,
    calls: rest.calls,
    messages: rest.messages,
    commands: rest.commands,
    gatewayRecords,
    gateway,

    /** DM channels the bot opened: recipient user id → channel id. */
    dmChannels: rest.dmChannels,
    /** This user does not accept DMs from the bot (Discord answers 50007 to a message). */
    blockDms(userId: string): void {
      rest.blockedDms.add(userId);
    },
    /** Script failures for matching REST calls (first match wins, used up after `times`). */
    fail(f: ScriptedFailure): void {
      rest.failures.push(f);
    },
    /** Resolves with the first recorded call (existing or future) that matches. */
    waitForCall(pred: (c: RecordedCall) => boolean, timeoutMs = 10_000): Promise<RecordedCall> {
      return waitFor('call', () => rest.calls.find(pred), timeoutMs, 'a matching REST call');
    },
    /** Waits until `n` calls match. */
    waitForCalls(pred: (c: RecordedCall) => boolean, n: number, timeoutMs = 10_000): Promise<RecordedCall[]> {
      return waitFor(
        'call',
        () => {
          const found = rest.calls.filter(pred);
          return found.length >= n ? found : undefined;
        },
        timeoutMs,
        `${n} matching REST calls`,
      );
    },
    waitForGateway(op: 2 | 6, count = 1, timeoutMs = 20_000): Promise<GatewayRecord[]> {
      const ev = op === 2 ? 'identify' : 'resume';
      return waitFor(ev, () => {
        const found = gatewayRecords.filter((r) => r.op === op);
        return found.length >= count ? found : undefined;
      }, timeoutMs, `gateway op ${op} x${count}`);
    },
    /** Every call an interaction token produced (callback, webhook edits and follow-ups). */
    callsFor(interactionToken: string): RecordedCall[] {
      return rest.calls.filter((c) => c.path.includes(`/${interactionToken}`));
    },

    /** Dispatches a `/papers …` (or `at.command`) chat-input command. `path` is ['search'] or ['bookmarks','export']. */
    slash(
      path: string[],
      options: Array<{ name: string; type: number; value: unknown }> = [],
      at: { user?: InteractionUser; guild?: FakeGuild; channelId?: string; rawOptions?: unknown[]; createdAgoMs?: number; command?: string } = {},
    ) {
      const g = at.guild ?? guild;
      const base = interactionBase(2, at.user ?? defaultUser, g, at.channelId ?? g.channelIds[0], at.createdAgoMs);
      let opts: unknown[] = options;
      if (path.length === 2) opts = [{ type: 2, name: path[0], options: [{ type: 1, name: path[1], options }] }];
      else if (path.length === 1) opts = [{ type: 1, name: path[0], options }];
      base.payload.data = { id: snowflake(), name: at.command ?? 'papers', type: 1, options: at.rawOptions ?? opts };
      gateway.dispatch('INTERACTION_CREATE', base.payload, g.id);
      return { id: base.id, token: base.token, dispatchedAt: performance.now() };
    },
    /** Dispatches a button press on `message` (a stored message id or a message object). */
    button(customId: string, message: StoredMessage | undefined, at: { user?: InteractionUser; guild?: FakeGuild; channelId?: string; componentType?: number; values?: string[] } = {}) {
      const g = at.guild ?? guild;
      const channelId = at.channelId ?? message?.channel_id ?? g.channelIds[0];
      const base = interactionBase(3, at.user ?? defaultUser, g, channelId);
      const msg = message ?? ({ id: snowflake(), channel_id: channelId, author: bot, content: '', embeds: [], components: [], attachments: [], flags: 64, timestamp: new Date().toISOString() } as unknown as StoredMessage);
      base.payload.message = messageObject({ ...msg, channel_id: msg.channel_id || channelId });
      base.payload.data = { custom_id: customId, component_type: at.componentType ?? 2, ...(at.values ? { values: at.values } : {}) };
      gateway.dispatch('INTERACTION_CREATE', base.payload, g.id);
      return { id: base.id, token: base.token, dispatchedAt: performance.now() };
    },
    /** A button press by `user` on a message in the bot's DM with them (the DM channel must be open). */
    dmButton(customId: string, message: StoredMessage, at: { user?: InteractionUser } = {}) {
      const user = at.user ?? defaultUser;
      const base = dmInteractionBase(3, user, dmChannelOf(user));
      base.payload.message = messageObject(message);
      rest.interactions.get(base.token)!.component = { id: base.id, type: 3, user: userObject(user), messageId: message.id };
      base.payload.data = { custom_id: customId, component_type: 2 };
      // Interactions need no intent; DM ones arrive on shard 0.
      gateway.dispatchDm('INTERACTION_CREATE', base.payload, 0);
      return { id: base.id, token: base.token };
    },
    /**
     * MESSAGE_REACTION_ADD / REMOVE by `user` on a message in the bot's DM with them: no guild_id
     * and no member, sent only when the bot identified with DIRECT_MESSAGE_REACTIONS (1 << 13).
     * Returns whether the gateway sent it.
     */
    dmReaction(added: boolean, messageId: string, at: { user?: InteractionUser; emoji?: string } = {}): boolean {
      const user = at.user ?? defaultUser;
      const d: Record<string, unknown> = {
        user_id: user.id,
        channel_id: dmChannelOf(user),
        message_id: messageId,
        emoji: { id: null, name: at.emoji ?? '🔖' },
        burst: false,
        type: 0,
      };
      if (added) d.message_author_id = rest.messages.get(messageId)?.author.id;
      return gateway.dispatchDm(added ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE', d, 1 << 13);
    },
    /** MESSAGE_REACTION_ADD / REMOVE by `user` on a message. */
    reaction(added: boolean, messageId: string, at: { user?: InteractionUser; emoji?: string; guild?: FakeGuild; channelId?: string } = {}) {
      const g = at.guild ?? guild;
      const user = at.user ?? defaultUser;
      const d: Record<string, unknown> = {
        user_id: user.id,
        channel_id: at.channelId ?? g.channelIds[0],
        message_id: messageId,
        guild_id: g.id,
        emoji: { id: null, name: at.emoji ?? '🔖' },
        burst: false,
        type: 0,
      };
      if (added) {
        d.member = memberObject(user, MEMBER_PERMISSIONS);
        d.message_author_id = rest.messages.get(messageId)?.author.id;
      }
      gateway.dispatch(added ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE', d, g.id);
    },

    async close(): Promise<void> {
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;
