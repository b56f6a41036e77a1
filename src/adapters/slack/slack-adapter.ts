import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { App, type RespondFn, type webApi } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { ChatCore } from '../../core/chat.js';
import { UserError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Metrics } from '../../core/metrics.js';
import type { Publisher } from '../../core/publisher.js';
import type { Caller, ReplyAction } from '../../core/reply.js';
import type { InstallationStore } from '../../core/store/installations.js';
import type { SeenEventStore } from '../../core/store/seen-events.js';
import { decodeAction } from './action-codec.js';
import { createAdminLookup } from './admin-lookup.js';
import { toBoltLogger } from './bolt-logger.js';
import { fallbackText, unescapeSlackText } from './mrkdwn.js';
import { renderOutgoing } from './render-blocks.js';
import { renderHome } from './render-home.js';
import { sendReply } from './reply-sender.js';
import { createTurnstile } from './turnstile.js';
import { createSlackPublisher } from './slack-publisher.js';
import { createPostedMarkerCheck } from './posted-marker.js';
import { createDeliveryDedupe } from './delivery-dedupe.js';
import { botTokenForChannel, botTokenOf, createBoltInstallationStore, installationIdOf } from './installation-bridge.js';
import { createSlackDirectMessages } from './direct-messages.js';
import { withDirectMessages } from '../../core/direct-messages.js';
import { BOT_SCOPES } from './manifest.js';
import { createChannelMemory } from './channel-memory.js';

/** The slash command the manifest declares. */
export const SLASH_COMMAND = '/papers';
const BOOKMARK_REACTION = 'bookmark';
/** ✅ (`:white_check_mark:`) marks a bookmarked paper read; removing it marks it unread. */
const READ_REACTION = 'white_check_mark';
/** The Home tab is no channel; bookmarks and notes are keyed by workspace and user only. */
const HOME_CHANNEL = 'app_home';
const USAGE_HINT = `Try \`${SLASH_COMMAND} help\` for the list of commands.`;

export interface SlackAdapter {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts digests and shared papers; give it to the digest engine. */
  publisher: Publisher;
  /** The bound HTTP port once started (HTTP mode only; useful with port 0 in tests). */
  port?: number;
  /** Undefined while serving; otherwise why not (for /healthz). */
  health(): string | undefined;
}

export interface SlackAdapterOptions {
  config: SlackConfig;
  chat: ChatCore;
  logger: Logger;
  /** Called once, before start(), with the Slack publisher (for wiring it into the digest engine). */
  onPublisher?: (publisher: Publisher) => void;
  /** Acknowledgement latency (listener called → ack sent) is reported here. */
  metrics?: Metrics;
  /** Where OAuth installs are kept (required with `config.oauth`), shared by every instance. */
  installations?: InstallationStore;
  /** When given, a delivery Slack retries (to this or another instance) is handled once. */
  seenEvents?: SeenEventStore;
}

/**
 * The Slack adapter: Bolt in HTTP mode (signing secret, Bolt's /slack/events) or Socket Mode
 * (app token). Listeners ack at once, ask the ChatCore, render the neutral reply as Block Kit.
 * The Web API client never retries on its own: the digest engine owns retries and pacing.
 */
export function createSlackAdapter(opts: SlackAdapterOptions): SlackAdapter {
  const { config, chat } = opts;
  const logger = opts.logger.child({ platform: 'slack' });
  const socketMode = Boolean(config.appToken);
  const oauth = config.oauth;
  if (!config.botToken && !oauth) throw new Error('Slack: SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (OAuth installs) is required');
  if (oauth && !opts.installations) throw new Error('Slack: OAuth installs need an installation store');
  if (!socketMode && !config.signingSecret) throw new Error('Slack: set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)');

  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.apiUrl ? config.apiUrl.replace(/\/?$/, '/') : undefined,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 15_000,
  };
  const app = new App({
    // One workspace: its token. Many: Bolt's installer serves the install pages and looks each
    // request's workspace token up in the shared store.
    ...(oauth && opts.installations ? installerOptions(oauth, opts.installations, clientOptions, logger) : { token: config.botToken }),
    ...(socketMode ? { socketMode: true, appToken: config.appToken } : { signingSecret: config.signingSecret, port: config.port }),
    clientOptions,
    logger: toBoltLogger(logger),
    convoStore: false,
  });

  const isAdmin = createAdminLookup({ client: app.client, adminUsers: config.adminUsers, logger });
  const installations = oauth ? opts.installations : undefined;
  const channels = installations ? createChannelMemory(installations, logger) : undefined;
  // Digests to `dm:<team>:<user>` (personal digests) go to that member's DM with the bot.
  const directMessages = createSlackDirectMessages(app.client, {
    ...(installations ? { tokenForWorkspace: (teamId: string) => botTokenOf(installations, teamId) } : {}),
    ...(channels ? { remember: channels.remember } : {}),
  });
  const publisher = withDirectMessages(
    createSlackPublisher(
      app.client,
      installations && ((channelId, workspaceId) => botTokenForChannel(installations, channelId, workspaceId)),
      createPostedMarkerCheck(app.client, logger),
    ),
    directMessages,
  );
  if (opts.seenEvents) app.use(createDeliveryDedupe({ seen: opts.seenEvents, logger }));
  const turnstile = createTurnstile();
  opts.onPublisher?.(publisher);

  /** `client` carries the request's workspace token (OAuth installs); `context` says which installation it came through. */
  async function callerOf(teamId: unknown, channelId: unknown, userId: unknown, client?: webApi.WebClient, context?: InstallationContext): Promise<Caller | undefined> {
    if (typeof teamId !== 'string' || typeof channelId !== 'string' || typeof userId !== 'string' || !teamId || !channelId || !userId) return undefined;
    const installationId = context && installationIdOf(context);
    if (channels && installationId) await channels.remember(channelId, installationId);
    // renderReply (render-blocks.ts) fits 15 cards in a message's 50 blocks and drops the rest;
    // paging by that many keeps Next page from skipping them.
    return { platform: 'slack', workspaceId: teamId, channelId, userId, isAdmin: await isAdmin(userId, client), maxCards: 15 };
  }

  /** The one catch per entry point: bugs are logged with an id, the user sees the id. */
  async function guarded(context: object, respond: RespondFn | undefined, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      if (err instanceof UserError) {
        await respond?.({ response_type: 'ephemeral', replace_original: false, text: fallbackText([err.message, err.usage].filter(Boolean).join('\n')) }).catch(() => {});
        return;
      }
      const errorId = randomUUID().slice(0, 8);
      logger.error({ ...context, errorId, err }, 'slack handler failed');
      await respond?.({ response_type: 'ephemeral', replace_original: false, text: `Something went wrong on our side (error id ${errorId}).` }).catch((e: unknown) => {
        logger.warn({ errorId, err: e }, 'could not tell the user about the error');
      });
    }
  }

  const badInput = (respond: RespondFn, what: string) =>
    respond({ response_type: 'ephemeral', replace_original: false, text: `${what} ${USAGE_HINT}` });

  // Bolt gives no arrival time; from the listener's call to the ack sent is what this process adds.
  const timedAck = async (ack: () => Promise<void>) => {
    const start = performance.now();
    await ack();
    opts.metrics?.ackSeconds('slack', (performance.now() - start) / 1000);
  };

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client, context }) => {
    await timedAck(ack);
    await turnstile.pass();
    await guarded({ kind: 'command', userId: command.user_id, text: command.text }, respond, async () => {
      const caller = await callerOf(command.team_id, command.channel_id, command.user_id, client, context);
      if (!caller) return void (await badInput(respond, 'That command arrived without a workspace, channel or user.'));
      const reply = await chat.handleText(unescapeSlackText(typeof command.text === 'string' ? command.text : ''), caller);
      await sendReply(reply, respond, { caller, client });
    });
  });

  app.action(/^papers_/, async ({ ack, body, action, respond, client, context }) => {
    await timedAck(ack);
    await turnstile.pass();
    await guarded({ kind: 'action', action }, respond, async () => {
      const b = body as { team?: { id?: string } | null; user?: { id?: string; team_id?: string }; channel?: { id?: string }; container?: { channel_id?: string; is_ephemeral?: boolean } };
      const a = action as { action_id?: unknown; value?: unknown };
      const decoded = decodeAction(a.action_id, a.value);
      // A button on the Home tab has no channel or response_url: act, then show the Home again.
      const home = (body as { view?: { type?: string } }).view?.type === 'home';
      if (home && decoded && typeof b.user?.id === 'string') return clickInHome(decoded, b.team?.id ?? b.user.team_id, b.user.id, client);
      // In the reader's DM with the bot too, the payload's team is the workspace whose digest posted there.
      const caller = await callerOf(b.team?.id ?? b.user?.team_id, b.channel?.id ?? b.container?.channel_id, b.user?.id, client, context);
      if (!decoded || !caller) return void (await badInput(respond, 'That button is out of date or was not made by this app.'));
      if (decoded.kind === 'share') return shareToChannel(decoded.paperId, caller, client, respond);
      const reply = await chat.handleAction(decoded, caller);
      // Next page replaces the ephemeral list in place, as people expect of paging.
      const replaceOriginal = decoded.kind === 'run' && b.container?.is_ephemeral === true && !reply.error;
      await sendReply(reply, respond, { caller, client, replaceOriginal });
    });
  });

  async function shareToChannel(paperId: string, caller: Caller, client: webApi.WebClient, respond: RespondFn): Promise<void> {
    const message = await chat.shareMessage(paperId);
    const { text, blocks } = renderOutgoing(message);
    let ts: string | undefined;
    try {
      const res = await client.chat.postMessage({ channel: caller.channelId, text, blocks, unfurl_links: false, unfurl_media: false });
      ts = res.ts;
    } catch (err) {
      const code = (err as { data?: { error?: unknown } }).data?.error;
      if (code === 'not_in_channel' || code === 'channel_not_found' || code === 'is_archived') {
        await respond({ response_type: 'ephemeral', replace_original: false, text: `I can't post in this channel (${code}). Invite me first: \`/invite @papers\`.` });
        return;
      }
      throw err;
    }
    if (ts && message.card) await chat.recordMessage(caller, ts, message.card.paperId);
  }

  /**
   * On a personal digest post in the reader's DM with the bot (an IM, `D…`), the reader as that
   * digest's subscriber: its workspace, and its `dm:` channel under which the post was recorded (so
   * 🔖 finds the paper). Undefined elsewhere, and for a DM message no digest recorded.
   */
  async function inDirectMessage(caller: Caller, messageTs: string): Promise<Caller | undefined> {
    if (!caller.channelId.startsWith('D')) return undefined;
    return chat.directMessageCaller(caller, messageTs);
  }

  const onReaction = (added: boolean) =>
    async ({ event, body }: { event: { user?: unknown; reaction?: unknown; item?: { type?: unknown; channel?: unknown; ts?: unknown } }; body: { team_id?: unknown } }) => {
      const kind = event.reaction === BOOKMARK_REACTION ? 'bookmark' : event.reaction === READ_REACTION ? 'read' : undefined;
      if (!kind || event.item?.type !== 'message' || typeof event.item.ts !== 'string') return;
      const ts = event.item.ts;
      await guarded({ kind: 'reaction', added, event }, undefined, async () => {
        // Reactions never need the admin flag; skip the users.info lookup.
        const teamId = body.team_id;
        const { channel } = event.item ?? {};
        if (typeof teamId !== 'string' || typeof channel !== 'string' || typeof event.user !== 'string') return;
        const asked: Caller = { platform: 'slack', workspaceId: teamId, channelId: channel, userId: event.user, isAdmin: false };
        // Only the reader and the bot are in their IM, so the reader is the digest's subscriber.
        const caller = (await inDirectMessage(asked, ts)) ?? asked;
        const res = await chat.reaction(caller, ts, added, kind);
        if (res) logger.info({ userId: event.user, paperId: res.paperId, added, kind }, `${added ? '' : 'un'}${kind === 'read' ? 'marked read' : 'bookmarked'} by reaction`);
      });
    };
  /** The Home tab as this person sees it now, published to them (views.publish replaces it). */
  async function publishHome(caller: Caller, client: webApi.WebClient): Promise<void> {
    await client.views.publish({ user_id: caller.userId, view: renderHome(await chat.home(caller)) });
  }

  async function clickInHome(action: ReplyAction, teamId: unknown, userId: string, client: webApi.WebClient): Promise<void> {
    if (typeof teamId !== 'string' || !teamId) return;
    const caller: Caller = { platform: 'slack', workspaceId: teamId, channelId: HOME_CHANNEL, userId, isAdmin: false };
    const reply = await chat.handleAction(action, caller);
    logger.info({ userId, action: action.kind, error: reply.error ?? false }, 'home tab action');
    await publishHome(caller, client);
  }

  app.event('app_home_opened', async ({ event, body, client }) => {
    const e = event as { user?: unknown; tab?: unknown };
    if (e.tab !== 'home' || typeof e.user !== 'string') return;
    const teamId = (body as { team_id?: unknown }).team_id;
    if (typeof teamId !== 'string') return;
    await guarded({ kind: 'app_home_opened', userId: e.user }, undefined, () =>
      publishHome({ platform: 'slack', workspaceId: teamId, channelId: HOME_CHANNEL, userId: e.user as string, isAdmin: false }, client),
    );
  });

  app.event('reaction_added', onReaction(true));
  app.event('reaction_removed', onReaction(false));

  // The workspace removed the app: forget its installation (and so its token) on every instance.
  if (installations) {
    app.event('app_uninstalled', async ({ context }) => {
      const id = installationIdOf(context);
      if (id && (await installations.delete('slack', id))) logger.info({ installationId: id }, 'slack app uninstalled; installation forgotten');
    });
  }

  app.error(async (error) => {
    logger.error({ err: error, code: error.code }, 'bolt error');
  });

  let problem: string | undefined = 'not started';
  const adapter: SlackAdapter = {
    publisher,
    health: () => problem,
    async start() {
      // Fail fast on a wrong token, naming it, instead of on the first command.
      try {
        if (!oauth) await app.client.auth.test();
      } catch (err) {
        const code = (err as { data?: { error?: unknown } }).data?.error ?? (err as Error).message;
        throw new Error(`Slack rejected SLACK_BOT_TOKEN (auth.test: ${String(code)})`);
      }
      if (socketMode) {
        await app.start();
        // Bolt keeps its Socket Mode client on the receiver; its events say when the websocket drops.
        const ws = (app as unknown as { receiver?: { client?: { on?(event: string, fn: () => void): void } } }).receiver?.client;
        ws?.on?.('disconnected', () => (problem = 'Socket Mode websocket disconnected'));
        ws?.on?.('reconnecting', () => (problem = 'Socket Mode websocket reconnecting'));
        ws?.on?.('connected', () => (problem = undefined));
        logger.info({ mode: 'socket' }, 'slack adapter connected (Socket Mode)');
      } else {
        const server = (await app.start(config.port)) as { address(): AddressInfo | string | null };
        const addr = server.address();
        adapter.port = typeof addr === 'object' && addr ? addr.port : config.port;
        logger.info({ mode: 'http', port: adapter.port, path: '/slack/events', ...(oauth ? { installPath: oauth.installPath, redirectPath: oauth.redirectPath } : {}) }, 'slack adapter listening');
      }
      problem = undefined;
    },
    async stop() {
      problem = 'stopped';
      await app.stop().catch((err: unknown) => logger.warn({ err }, 'slack stop failed'));
    },
  };
  return adapter;
}

type InstallationContext = { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string };

/**
 * Bolt's OAuth installer: `installPath` sends the browser straight to Slack's consent screen (the
 * state is signed with SLACK_STATE_SECRET and kept in a cookie, so the redirect may land on any
 * instance), `redirectPath` exchanges the code (oauth.v2.access) and saves the installation.
 */
function installerOptions(oauth: NonNullable<SlackConfig['oauth']>, store: InstallationStore, clientOptions: webApi.WebClientOptions, logger: Logger) {
  // Slack's consent page sits beside its API (slack.com/oauth/v2/authorize next to slack.com/api/).
  const authorizationUrl = clientOptions.slackApiUrl ? new URL('../oauth/v2/authorize', clientOptions.slackApiUrl).toString() : undefined;
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: createBoltInstallationStore(store, logger),
    installerOptions: {
      directInstall: true,
      installPath: oauth.installPath,
      redirectUriPath: oauth.redirectPath,
      clientOptions,
      ...(authorizationUrl ? { authorizationUrl } : {}),
    },
  };
}
