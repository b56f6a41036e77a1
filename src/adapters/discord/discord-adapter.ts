import { Client, Events, GatewayIntentBits, Partials, REST, type RateLimitData } from 'discord.js';
import { ROOTS } from '../../../commands/roots.js';
import type { ChatCore } from '../../core/chat.js';
import type { Logger } from '../../core/logger.js';
import type { Metrics } from '../../core/metrics.js';
import type { Publisher } from '../../core/publisher.js';
import type { DiscordConfig } from '../../config.js';
import { createCustomIdCodec } from './custom-ids.js';
import { withDirectMessages } from '../../core/direct-messages.js';
import { createDiscordDirectMessages } from './direct-messages.js';
import { createDiscordPublisher } from './discord-publisher.js';
import { createInteractionHandler } from './interaction-handler.js';
import { createReactionHandler } from './reaction-handler.js';
import { bareToken } from './token.js';

export interface DiscordAdapterOptions {
  config: DiscordConfig;
  chat: ChatCore;
  logger: Logger;
  /**
   * Shards this process runs. Default 'auto': Discord's recommended count from GET /gateway/bot,
   * all in this one process (internal sharding), so one store and one digest engine serve them all.
   */
  shards?: 'auto' | number[];
  /** Total shard count when `shards` lists ids. */
  shardCount?: number;
  /** Answer directly when the reply is ready this long after the interaction was created, else defer then edit (default 1,500 ms). */
  deferAfterMs?: number;
  /** Interaction acknowledgement latency is reported here. */
  metrics?: Metrics;
}

export interface DiscordAdapter {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Channel posts for the digest engine (REST; usable once start() resolved). */
  publisher: Publisher;
  /** The discord.js client, for tests and diagnostics. */
  readonly client: Client;
  /** Undefined while connected to the gateway; otherwise why not (for /healthz). */
  health(): string | undefined;
}

/**
 * Channel posts (digests, Share) reach the engine as rate-limit errors, since it owns their
 * retries and pacing; anything else on the posts REST lets discord.js wait out a limit.
 */
function rejectPostsOnRateLimit(data: RateLimitData): boolean {
  return data.method.toUpperCase() === 'POST' && data.route === '/channels/:id/messages';
}

/**
 * The Discord side of the bot: a discord.js client with the Guilds, GuildMessageReactions and
 * DirectMessageReactions intents (no privileged intent), partials so reactions on uncached
 * messages still arrive, and REST with `retries: 0` so a failed post surfaces once to the engine (which owns retries). Channel posts and
 * interaction answers use two REST instances, for the global rate limit's sake (see below).
 * The gateway is kept by discord.js: a dropped socket is resumed (or re-identified when the session
 * is gone), and events Discord replays on resume reach the same handlers.
 */
export function createDiscordAdapter(opts: DiscordAdapterOptions): DiscordAdapter {
  const { config, chat } = opts;
  if (!config.token) throw new Error('Discord adapter: DISCORD_TOKEN is empty');
  const logger = opts.logger.child({ platform: 'discord' });
  const api = config.apiUrl ? { api: config.apiUrl.replace(/\/+$/, '') } : {};
  const client = new Client({
    // DirectMessageReactions: 🔖 on a personal digest in a member's DM (read from the raw packet:
    // see reaction-handler.ts).
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessageReactions],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    allowedMentions: { parse: [] },
    // DISCORD_SHARD_IDS / DISCORD_SHARD_COUNT arrive in config; several instances may split the shards.
    shards: opts.shards ?? config.shards ?? 'auto',
    ...((opts.shardCount ?? config.shardCount) ? { shardCount: opts.shardCount ?? config.shardCount } : {}),
    rest: {
      ...api,
      retries: 0,
      // Interaction callbacks and their webhook edits are not bound by the bot's global rate limit
      // (Discord's docs), but @discordjs/rest counts the edits against its 50/s: a burst of
      // deferred searches would then wait up to seconds for their results. Channel posts, which
      // are bound, go through the publisher's own REST below with the limit kept.
      globalRequestsPerSecond: Number.MAX_SAFE_INTEGER,
    },
  });
  client.rest.setToken(bareToken(config.token));
  // The publisher works before login: catch-up posts need no gateway.
  const postsRest = new REST({ ...api, retries: 0, rejectOnRateLimit: rejectPostsOnRateLimit }).setToken(bareToken(config.token));
  const codec = createCustomIdCodec();
  // Digests to `dm:<guild>:<user>` (personal digests) go to that member's DM channel.
  const publisher = withDirectMessages(createDiscordPublisher({ rest: postsRest, codec, logger }), createDiscordDirectMessages(postsRest, logger));
  const onInteraction = createInteractionHandler({
    chat,
    publisher,
    codec,
    logger,
    deferAfterMs: opts.deferAfterMs ?? 1500,
    commandNames: ROOTS.map((r) => r.name),
    metrics: opts.metrics,
  });
  const { onReaction, onRawPacket } = createReactionHandler({ client, chat, logger });

  client.on(Events.InteractionCreate, (i) => void onInteraction(i));
  client.on(Events.MessageReactionAdd, (r, u) => void onReaction(r, u, true));
  client.on(Events.MessageReactionRemove, (r, u) => void onReaction(r, u, false));
  client.on(Events.Raw, onRawPacket);
  // An 'error' event without a listener would throw: log instead.
  client.on(Events.Error, (err) => logger.error({ err: err.stack ?? String(err) }, 'discord client error'));
  client.on(Events.ShardError, (err, shardId) => logger.warn({ shardId, err: String(err) }, 'gateway error'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardDisconnect, (ev, shardId) => logger.error({ shardId, code: ev.code }, 'gateway closed for good'));
  for (const rest of [client.rest, postsRest]) {
    rest.on('rateLimited', (d) => logger.debug({ route: d.route, retryAfter: d.retryAfter, global: d.global }, 'rate limited'));
  }

  return {
    client,
    publisher,
    health: () => (client.isReady() ? undefined : 'not connected to the Discord gateway'),
    async start() {
      // Registered before login(): READY can arrive before login() resolves.
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.token);
      await ready;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shardIds: [...client.ws.shards.keys()], shardCount: client.options.shardCount }, 'discord ready');
    },
    async stop() {
      await client.destroy();
    },
  };
}
