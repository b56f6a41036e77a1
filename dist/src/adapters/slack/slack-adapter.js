import { randomUUID } from "node:crypto";
import { App } from "@slack/bolt";
import { UserError } from "../../core/errors.js";
import { decodeAction } from "./action-codec.js";
import { createAdminLookup } from "./admin-lookup.js";
import { toBoltLogger } from "./bolt-logger.js";
import { fallbackText, unescapeSlackText } from "./mrkdwn.js";
import { renderOutgoing } from "./render-blocks.js";
import { sendReply } from "./reply-sender.js";
import { createTurnstile } from "./turnstile.js";
import { createSlackPublisher } from "./slack-publisher.js";
const SLASH_COMMAND = "/papers";
const BOOKMARK_REACTION = "bookmark";
const USAGE_HINT = `Try \`${SLASH_COMMAND} help\` for the list of commands.`;
function createSlackAdapter(opts) {
  const { config, chat } = opts;
  const logger = opts.logger.child({ platform: "slack" });
  const socketMode = Boolean(config.appToken);
  if (!config.botToken) throw new Error("Slack: SLACK_BOT_TOKEN is required");
  if (!socketMode && !config.signingSecret) throw new Error("Slack: set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
  const clientOptions = {
    slackApiUrl: config.apiUrl ? config.apiUrl.replace(/\/?$/, "/") : void 0,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15e3
  };
  const app = new App({
    token: config.botToken,
    ...socketMode ? { socketMode: true, appToken: config.appToken } : { signingSecret: config.signingSecret, port: config.port },
    clientOptions,
    logger: toBoltLogger(logger),
    convoStore: false
  });
  const isAdmin = createAdminLookup({ client: app.client, adminUsers: config.adminUsers, logger });
  const publisher = createSlackPublisher(app.client);
  const turnstile = createTurnstile();
  opts.onPublisher?.(publisher);
  async function callerOf(teamId, channelId, userId) {
    if (typeof teamId !== "string" || typeof channelId !== "string" || typeof userId !== "string" || !teamId || !channelId || !userId) return void 0;
    return { platform: "slack", workspaceId: teamId, channelId, userId, isAdmin: await isAdmin(userId), maxCards: 15 };
  }
  async function guarded(context, respond, work) {
    try {
      await work();
    } catch (err) {
      if (err instanceof UserError) {
        await respond?.({ response_type: "ephemeral", replace_original: false, text: fallbackText([err.message, err.usage].filter(Boolean).join("\n")) }).catch(() => {
        });
        return;
      }
      const errorId = randomUUID().slice(0, 8);
      logger.error({ ...context, errorId, err }, "slack handler failed");
      await respond?.({ response_type: "ephemeral", replace_original: false, text: `Something went wrong on our side (error id ${errorId}).` }).catch((e) => {
        logger.warn({ errorId, err: e }, "could not tell the user about the error");
      });
    }
  }
  const badInput = (respond, what) => respond({ response_type: "ephemeral", replace_original: false, text: `${what} ${USAGE_HINT}` });
  const timedAck = async (ack) => {
    const start = performance.now();
    await ack();
    opts.metrics?.ackSeconds("slack", (performance.now() - start) / 1e3);
  };
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await timedAck(ack);
    await turnstile.pass();
    await guarded({ kind: "command", userId: command.user_id, text: command.text }, respond, async () => {
      const caller = await callerOf(command.team_id, command.channel_id, command.user_id);
      if (!caller) return void await badInput(respond, "That command arrived without a workspace, channel or user.");
      const reply = await chat.handleText(unescapeSlackText(typeof command.text === "string" ? command.text : ""), caller);
      await sendReply(reply, respond, { caller, client });
    });
  });
  app.action(/^papers_/, async ({ ack, body, action, respond, client }) => {
    await timedAck(ack);
    await turnstile.pass();
    await guarded({ kind: "action", action }, respond, async () => {
      const b = body;
      const a = action;
      const decoded = decodeAction(a.action_id, a.value);
      const caller = await callerOf(b.team?.id ?? b.user?.team_id, b.channel?.id ?? b.container?.channel_id, b.user?.id);
      if (!decoded || !caller) return void await badInput(respond, "That button is out of date or was not made by this app.");
      if (decoded.kind === "share") return shareToChannel(decoded.paperId, caller, client, respond);
      const reply = await chat.handleAction(decoded, caller);
      const replaceOriginal = decoded.kind === "run" && b.container?.is_ephemeral === true && !reply.error;
      await sendReply(reply, respond, { caller, client, replaceOriginal });
    });
  });
  async function shareToChannel(paperId, caller, client, respond) {
    const message = await chat.shareMessage(paperId);
    const { text, blocks } = renderOutgoing(message);
    let ts;
    try {
      const res = await client.chat.postMessage({ channel: caller.channelId, text, blocks, unfurl_links: false, unfurl_media: false });
      ts = res.ts;
    } catch (err) {
      const code = err.data?.error;
      if (code === "not_in_channel" || code === "channel_not_found" || code === "is_archived") {
        await respond({ response_type: "ephemeral", replace_original: false, text: `I can't post in this channel (${code}). Invite me first: \`/invite @papers\`.` });
        return;
      }
      throw err;
    }
    if (ts && message.card) await chat.recordMessage(caller, ts, message.card.paperId);
  }
  const onReaction = (added) => async ({ event, body }) => {
    if (event.reaction !== BOOKMARK_REACTION || event.item?.type !== "message" || typeof event.item.ts !== "string") return;
    const ts = event.item.ts;
    await guarded({ kind: "reaction", added, event }, void 0, async () => {
      const teamId = body.team_id;
      const { channel } = event.item ?? {};
      if (typeof teamId !== "string" || typeof channel !== "string" || typeof event.user !== "string") return;
      const caller = { platform: "slack", workspaceId: teamId, channelId: channel, userId: event.user, isAdmin: false };
      const res = await chat.reaction(caller, ts, added);
      if (res) logger.info({ userId: event.user, paperId: res.paperId, added }, added ? "bookmarked by reaction" : "unbookmarked by reaction");
    });
  };
  app.event("reaction_added", onReaction(true));
  app.event("reaction_removed", onReaction(false));
  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, "bolt error");
  });
  let problem = "not started";
  const adapter = {
    publisher,
    health: () => problem,
    async start() {
      try {
        await app.client.auth.test();
      } catch (err) {
        const code = err.data?.error ?? err.message;
        throw new Error(`Slack rejected SLACK_BOT_TOKEN (auth.test: ${String(code)})`);
      }
      if (socketMode) {
        await app.start();
        const ws = app.receiver?.client;
        ws?.on?.("disconnected", () => problem = "Socket Mode websocket disconnected");
        ws?.on?.("reconnecting", () => problem = "Socket Mode websocket reconnecting");
        ws?.on?.("connected", () => problem = void 0);
        logger.info({ mode: "socket" }, "slack adapter connected (Socket Mode)");
      } else {
        const server = await app.start(config.port);
        const addr = server.address();
        adapter.port = typeof addr === "object" && addr ? addr.port : config.port;
        logger.info({ mode: "http", port: adapter.port, path: "/slack/events" }, "slack adapter listening");
      }
      problem = void 0;
    },
    async stop() {
      problem = "stopped";
      await app.stop().catch((err) => logger.warn({ err }, "slack stop failed"));
    }
  };
  return adapter;
}
export {
  SLASH_COMMAND,
  createSlackAdapter
};
//# sourceMappingURL=slack-adapter.js.map
