import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { messageObject, snowflake, type FakeGuild, type FakeUser, type StoredMessage, userObject } from './payloads.js';

/** One HTTP call the bot made, as the fake saw it. Tests read these. */
export interface RecordedCall {
  method: string;
  /** Path after /api/v10, percent-decoded (`@original` arrives as %40original). */
  path: string;
  query: Record<string, string>;
  authorization?: string;
  /** Parsed JSON, or payload_json of a multipart body. */
  body: unknown;
  files: Array<{ name: string; content: string }>;
  /** The same files as the bytes sent (pictures are binary; `content` is their text reading). */
  fileData: Array<{ name: string; data: Buffer; contentType: string }>;
  status: number;
  /** A message create that enforce_nonce answered with an earlier message (nothing new was created). */
  deduplicated?: boolean;
  /** performance.now() when the request arrived. */
  at: number;
}

/** A scripted failure: the next `times` calls matching method+path answer `status`. */
export interface ScriptedFailure {
  method: string;
  path: RegExp;
  status: 429 | 500 | 502 | 403 | 404;
  times?: number;
  /** Seconds, for 429 (body retry_after and the Retry-After / X-RateLimit-Reset-After headers). */
  retryAfter?: number;
  /** 500 only: create the message first, then answer 500 (a lost response). */
  afterCreate?: boolean;
}

export interface RestState {
  token: string;
  appId: string;
  bot: FakeUser;
  guilds: FakeGuild[];
  gatewayUrl: () => string;
  shardCount: number;
  calls: RecordedCall[];
  messages: Map<string, StoredMessage>;
  /** Registered commands by scope ('global' or a guild id), as the last bulk overwrite left them. */
  commands: Map<string, unknown[]>;
  failures: ScriptedFailure[];
  events: EventEmitter;
  /** Interaction token → where it was used, so webhook messages get a channel. */
  /** Interaction token → where it happened; a component's also who clicked which message (the reply's interaction_metadata). */
  interactions: Map<string, { channelId: string; guildId?: string; component?: { id: string; type: number; user: Record<string, unknown>; messageId: string } }>;
  /** DM channels opened with POST /users/@me/channels: recipient user id → channel id. */
  dmChannels: Map<string, string>;
  /** Users who do not accept DMs from the bot: a message to their DM answers 403, code 50007. */
  blockedDms: Set<string>;
}

/** Discord checks an enforced nonce against the author's messages of the "past few minutes". */
const NONCE_WINDOW_MS = 5 * 60_000;

const ERRORS: Record<number, { code: number; message: string }> = {
  401: { code: 0, message: '401: Unauthorized' },
  403: { code: 50001, message: 'Missing Access' },
  404: { code: 10003, message: 'Unknown Channel' },
  500: { code: 0, message: '500: Internal Server Error' },
  502: { code: 0, message: '502: Bad Gateway' },
};

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): number {
  if (body === undefined) {
    res.writeHead(status, headers).end();
  } else {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  }
  return status;
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown; files: RecordedCall['files']; fileData: RecordedCall['fileData'] }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: undefined, files: [], fileData: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: RecordedCall['files'] = [];
    const fileData: RecordedCall['fileData'] = [];
    let body: unknown;
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string') {
        files.push({ name: value.name, content: await value.text() });
        fileData.push({ name: value.name, data: Buffer.from(await value.arrayBuffer()), contentType: value.type });
      }
    }
    return { body, files, fileData };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [], fileData: [] };
}

/** Answers one REST request under /api/v10 the way Discord does, recording it first. */
export async function handleRest(state: RestState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const at = performance.now();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/^\/api\/v10/, '').split('/').map(decodeURIComponent).join('/');
  const { body, files, fileData } = await readBody(req);
  const call: RecordedCall = {
    method,
    path,
    query: Object.fromEntries(url.searchParams),
    authorization: req.headers.authorization,
    body,
    files,
    fileData,
    status: 0,
    at,
  };
  state.calls.push(call);
  try {
    call.status = route(state, call, res);
  } catch (err) {
    call.status = send(res, 500, { code: 0, message: String(err) });
  }
  state.events.emit('call', call);
}

function takeFailure(state: RestState, call: RecordedCall): ScriptedFailure | undefined {
  const f = state.failures.find((x) => x.method === call.method && x.path.test(call.path));
  if (!f) return undefined;
  f.times = (f.times ?? 1) - 1;
  if (f.times <= 0) state.failures.splice(state.failures.indexOf(f), 1);
  return f;
}

function route(state: RestState, call: RecordedCall, res: ServerResponse): number {
  const { method, path } = call;
  const p = path.split('/').filter(Boolean);
  const authed = call.authorization === `Bot ${state.token}`;
  const needsAuth = !(p[0] === 'interactions' || (p[0] === 'webhooks' && p.length >= 3));
  if (needsAuth && !authed) return send(res, 401, ERRORS[401]);

  const failure = takeFailure(state, call);
  if (failure && !failure.afterCreate) return sendFailure(res, failure);

  if (method === 'GET' && path === '/gateway/bot') {
    return send(res, 200, {
      url: state.gatewayUrl(),
      shards: state.shardCount,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 60_000, max_concurrency: 16 },
    });
  }
  if (method === 'GET' && path === '/users/@me') return send(res, 200, userObject(state.bot));

  // Create DM: the same channel for the same recipient, as Discord does.
  if (method === 'POST' && path === '/users/@me/channels') {
    const recipient = String((call.body as { recipient_id?: unknown } | undefined)?.recipient_id ?? '');
    if (!/^\d+$/.test(recipient)) return send(res, 400, { code: 50035, message: 'Invalid Form Body' });
    let id = state.dmChannels.get(recipient);
    if (!id) state.dmChannels.set(recipient, (id = snowflake()));
    return send(res, 200, { id, type: 1, last_message_id: null, flags: 0, recipients: [{ id: recipient, username: `user-${recipient.slice(-4)}`, discriminator: '0', avatar: null }] });
  }
  // A message into a DM channel; refused (50007) when the recipient blocks DMs from the bot.
  const dmRecipient = p[0] === 'channels' && p[2] === 'messages' && p.length === 3 && method === 'POST' ? [...state.dmChannels].find(([, id]) => id === p[1])?.[0] : undefined;
  if (dmRecipient !== undefined) {
    if (state.blockedDms.has(dmRecipient)) return send(res, 403, { code: 50007, message: 'Cannot send messages to this user' });
    return send(res, 200, messageObject(storeMessage(state, p[1]!, undefined, (call.body ?? {}) as Record<string, unknown>, call.files, state.bot)));
  }

  // A DM channel the bot opened, and a message in it (discord.js fetches a partial reacted message).
  const dmOwner = p[0] === 'channels' && method === 'GET' ? [...state.dmChannels].find(([, id]) => id === p[1])?.[0] : undefined;
  if (dmOwner !== undefined) {
    if (p.length === 2) return send(res, 200, { id: p[1], type: 1, last_message_id: null, flags: 0, recipients: [{ id: dmOwner, username: `user-${dmOwner.slice(-4)}`, discriminator: '0', avatar: null }] });
    if (p[2] === 'messages' && p.length === 4) {
      const msg = state.messages.get(p[3]!);
      if (!msg || msg.channel_id !== p[1]) return send(res, 404, { code: 10008, message: 'Unknown Message' });
      return send(res, 200, messageObject(msg));
    }
  }

  // /channels/:id/messages[/:id]
  if (p[0] === 'channels') {
    const channelId = p[1];
    const guild = state.guilds.find((g) => g.channelIds.includes(channelId));
    if (!guild) return send(res, 404, ERRORS[404]);
    if (p.length === 2 && method === 'GET') {
      return send(res, 200, { id: channelId, type: 0, guild_id: guild.id, name: 'papers', position: 0, permission_overwrites: [] });
    }
    if (p[2] === 'messages' && p.length === 3 && method === 'POST') {
      const b = (call.body ?? {}) as Record<string, unknown>;
      // enforce_nonce, as Discord documents it: a message by the same author with the same nonce in the
      // past few minutes is returned instead of creating a second one, whichever process sent it.
      if (b.enforce_nonce && b.nonce !== undefined) {
        const since = Date.now() - NONCE_WINDOW_MS;
        const dup = [...state.messages.values()].find((m) => m.channel_id === channelId && m.nonce === b.nonce && m.author.id === state.bot.id && Date.parse(m.timestamp) >= since);
        if (dup) {
          call.deduplicated = true;
          return send(res, 200, messageObject(dup));
        }
      }
      const msg = storeMessage(state, channelId, guild.id, b, call.files, state.bot);
      if (failure) return sendFailure(res, failure);
      return send(res, 200, messageObject(msg));
    }
    if (p[2] === 'messages' && p.length === 4 && method === 'GET') {
      const msg = state.messages.get(p[3]);
      if (!msg || msg.channel_id !== channelId) return send(res, 404, { code: 10008, message: 'Unknown Message' });
      return send(res, 200, messageObject(msg));
    }
  }

  // Interaction callback: type 4 (reply) / 7 (update) store the original response.
  if (p[0] === 'interactions' && p[3] === 'callback' && method === 'POST') {
    const b = (call.body ?? {}) as { type?: number; data?: Record<string, unknown> };
    const token = p[2];
    if (b.type === 4 || b.type === 5) {
      const m = storeMessage(state, '', undefined, b.data ?? {}, call.files, state.bot, token);
      // As Discord does: a reply to a component interaction names the message that was clicked.
      const c = state.interactions.get(token!)?.component;
      if (c) m.interaction_metadata = { id: c.id, type: c.type, user: c.user, authorizing_integration_owners: {}, interacted_message_id: c.messageId };
      state.messages.set(`original:${token}`, m);
    }
    if (call.query.with_response === 'true') return send(res, 200, { interaction: { id: p[1], type: 2 } });
    return send(res, 204);
  }

  // Interaction webhooks: /webhooks/:appId/:token[/messages/:id]
  if (p[0] === 'webhooks' && p.length >= 3) {
    const token = p[2];
    const b = (call.body ?? {}) as Record<string, unknown>;
    if (p.length === 3 && method === 'POST') {
      return send(res, 200, messageObject(storeMessage(state, '', undefined, b, call.files, state.bot, token)));
    }
    if (p[3] === 'messages' && p.length === 5) {
      const key = p[4] === '@original' ? `original:${token}` : p[4];
      const existing = state.messages.get(key);
      if (method === 'DELETE') {
        state.messages.delete(key);
        return send(res, 204);
      }
      if (method === 'PATCH') {
        const msg = existing ?? storeMessage(state, '', undefined, {}, [], state.bot, token);
        Object.assign(msg, pickMessageFields(b, call.files));
        state.messages.set(key, msg);
        return send(res, 200, messageObject(msg));
      }
      if (method === 'GET' && existing) return send(res, 200, messageObject(existing));
      return send(res, 404, { code: 10008, message: 'Unknown Message' });
    }
  }

  // Bulk overwrite: PUT /applications/:app/commands or /applications/:app/guilds/:guild/commands
  if (p[0] === 'applications' && method === 'PUT' && p[p.length - 1] === 'commands') {
    if (p[1] !== state.appId) return send(res, 403, { code: 50001, message: 'Missing Access' });
    const scope = p[2] === 'guilds' ? p[3] : 'global';
    const list = (Array.isArray(call.body) ? call.body : []).map((c: Record<string, unknown>) => ({
      id: snowflake(),
      application_id: state.appId,
      version: snowflake(),
      ...(scope === 'global' ? {} : { guild_id: scope }),
      ...c,
    }));
    state.commands.set(scope, list);
    return send(res, 200, list);
  }

  return send(res, 404, { code: 0, message: '404: Not Found' });
}

function sendFailure(res: ServerResponse, f: ScriptedFailure): number {
  if (f.status === 429) {
    const after = f.retryAfter ?? 1;
    return send(
      res,
      429,
      { message: 'You are being rate limited.', retry_after: after, global: false },
      {
        'retry-after': String(after),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(after),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      },
    );
  }
  return send(res, f.status, ERRORS[f.status]);
}

function pickMessageFields(b: Record<string, unknown>, files: RecordedCall['files']): Partial<StoredMessage> {
  const out: Partial<StoredMessage> = {};
  if ('content' in b) out.content = String(b.content ?? '');
  if ('embeds' in b) out.embeds = (b.embeds as unknown[]) ?? [];
  if ('components' in b) out.components = (b.components as unknown[]) ?? [];
  if (files.length) out.attachments = files.map((f, i) => ({ id: String(i), filename: f.name, size: f.content.length, url: `http://127.0.0.1/${f.name}` }));
  if (typeof b.flags === 'number') out.flags = b.flags;
  return out;
}

function storeMessage(
  state: RestState,
  channelId: string,
  guildId: string | undefined,
  b: Record<string, unknown>,
  files: RecordedCall['files'],
  author: FakeUser,
  webhookToken?: string,
): StoredMessage {
  const where = webhookToken ? state.interactions.get(webhookToken) : undefined;
  if (where) {
    channelId = where.channelId;
    guildId = where.guildId;
  }
  const msg: StoredMessage = {
    id: snowflake(),
    channel_id: channelId,
    ...(guildId ? { guild_id: guildId } : {}),
    author: userObject(author),
    content: '',
    embeds: [],
    components: [],
    attachments: [],
    flags: 0,
    timestamp: new Date().toISOString(),
    ...(b.nonce !== undefined ? { nonce: b.nonce as string } : {}),
    ...(webhookToken ? { webhook_id: state.appId } : {}),
    ...pickMessageFields(b, files),
  };
  state.messages.set(msg.id, msg);
  return msg;
}
