import { Client, Events, GatewayIntentBits, Partials, REST } from "discord.js";
import { ROOTS } from "../../../commands/roots.js";
import { createCustomIdCodec } from "./custom-ids.js";
import { createDiscordPublisher } from "./discord-publisher.js";
import { createInteractionHandler } from "./interaction-handler.js";
import { createReactionHandler } from "./reaction-handler.js";
import { bareToken } from "./token.js";
function rejectPostsOnRateLimit(data) {
  return data.method.toUpperCase() === "POST" && data.route === "/channels/:id/messages";
}
function createDiscordAdapter(opts) {
  const { config, chat } = opts;
  if (!config.token) throw new Error("Discord adapter: DISCORD_TOKEN is empty");
  const logger = opts.logger.child({ platform: "discord" });
  const api = config.apiUrl ? { api: config.apiUrl.replace(/\/+$/, "") } : {};
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessageReactions],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    allowedMentions: { parse: [] },
    shards: opts.shards ?? "auto",
    ...opts.shardCount ? { shardCount: opts.shardCount } : {},
    rest: {
      ...api,
      retries: 0,
      // Interaction callbacks and their webhook edits are not bound by the bot's global rate limit
      // (Discord's docs), but @discordjs/rest counts the edits against its 50/s: a burst of
      // deferred searches would then wait up to seconds for their results. Channel posts, which
      // are bound, go through the publisher's own REST below with the limit kept.
      globalRequestsPerSecond: Number.MAX_SAFE_INTEGER
    }
  });
  client.rest.setToken(bareToken(config.token));
  const postsRest = new REST({ ...api, retries: 0, rejectOnRateLimit: rejectPostsOnRateLimit }).setToken(bareToken(config.token));
  const codec = createCustomIdCodec();
  const publisher = createDiscordPublisher({ rest: postsRest, codec, logger });
  const onInteraction = createInteractionHandler({
    chat,
    publisher,
    codec,
    logger,
    deferAfterMs: opts.deferAfterMs ?? 1500,
    commandNames: ROOTS.map((r) => r.name),
    metrics: opts.metrics
  });
  const onReaction = createReactionHandler({ client, chat, logger });
  client.on(Events.InteractionCreate, (i) => void onInteraction(i));
  client.on(Events.MessageReactionAdd, (r, u) => void onReaction(r, u, true));
  client.on(Events.MessageReactionRemove, (r, u) => void onReaction(r, u, false));
  client.on(Events.Error, (err) => logger.error({ err: err.stack ?? String(err) }, "discord client error"));
  client.on(Events.ShardError, (err, shardId) => logger.warn({ shardId, err: String(err) }, "gateway error"));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, "gateway reconnecting"));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, "gateway resumed"));
  client.on(Events.ShardDisconnect, (ev, shardId) => logger.error({ shardId, code: ev.code }, "gateway closed for good"));
  for (const rest of [client.rest, postsRest]) {
    rest.on("rateLimited", (d) => logger.debug({ route: d.route, retryAfter: d.retryAfter, global: d.global }, "rate limited"));
  }
  return {
    client,
    publisher,
    health: () => client.isReady() ? void 0 : "not connected to the Discord gateway",
    async start() {
      const ready = new Promise((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(config.token);
      await ready;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size }, "discord ready");
    },
    async stop() {
      await client.destroy();
    }
  };
}
export {
  createDiscordAdapter
};
//# sourceMappingURL=discord-adapter.js.map
