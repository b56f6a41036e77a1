import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from '../multipart.js';
import { attachSocketMode, type FakeSocketMode } from './fake-socket-mode.js';

/**
 * A fake Slack on 127.0.0.1: the Web API (`/api/<method>`), response_url endpoints (`/response/<id>`)
 * and Socket Mode (`apps.connections.open` → a local websocket). Every request is recorded as Slack
 * received it, so tests assert on what the bot sent. Answers are shaped like Slack's; failures
 * (429 + Retry-After, 5xx, `{ok:false}`) can be scripted per method. Posted messages are kept per
 * channel with their metadata and served back by conversations.history.
 */

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` for posts to a response URL. */
  method: string;
  path: string;
  /** Form fields (JSON-looking values like `blocks` parsed) or the JSON body. */
  body: Record<string, unknown>;
  contentType: string;
  /** Bearer token from the Authorization header, or the `token` field. */
  token?: string;
  /** The HTTP status the fake answered with. */
  status: number;
  /** The body the fake answered with (e.g. the `ts` chat.postMessage handed out). */
  response: unknown;
  /** performance.now() when the request body had arrived. */
  at: number;
  /** The uploaded file's bytes as sent (`file_upload` only; the file part of a multipart body). */
  bytes?: Buffer;
}

/** A scripted answer for the next call(s) to a method. */
export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeUser {
  id: string;
  is_admin?: boolean;
  is_owner?: boolean;
  name?: string;
}

export interface FakeSlack {
  /** `http://127.0.0.1:port/api/` — give this to the app as SLACK_API_URL. */
  apiUrl: string;
  baseUrl: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** A response_url the fake records posts to. */
  responseUrl(id?: string): string;
  /** Queue answers for the next calls to `method` (one per call, `{}` = normal, then normal again). */
  script(method: string, ...answers: ScriptedAnswer[]): void;
  users: Map<string, FakeUser>;
  /** Channels chat.postMessage answers `{ok:false, error}` for. */
  channelErrors: Map<string, string>;
  /** Messages chat.postMessage created, per channel, oldest first (what conversations.history serves). */
  messages: Map<string, FakeMessage[]>;
  /** Scopes the app was not granted: methods needing them answer `missing_scope` (conversations.history). */
  missingScopes: Set<string>;
  /**
   * Asked for every call once Slack has done what it asks (a message is created): true keeps the
   * answer back for good, as when the bot dies the instant its post reaches Slack.
   */
  holdAnswer?: (call: RecordedCall) => boolean;
  /** Users conversations.open answers `{ok:false, error}` for (`cannot_dm_bot`, `user_not_found`, …). */
  dmErrors: Map<string, string>;
  socket: FakeSocketMode;
  /** The app's OAuth side: credentials the fake accepts, and the Redirect URL set in the app's settings. */
  oauth: FakeOAuthApp;
  /** Bot tokens handed out by oauth.v2.access → the workspace they act in. */
  tokens: Map<string, { teamId: string; teamName: string; botUserId: string }>;
  /** Resolves with the first recorded call matching, waiting up to `timeoutMs`. */
  waitFor(pred: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

export interface FakeMessage {
  ts: string;
  text: unknown;
  metadata?: unknown;
  /** Wall-clock seconds when it was posted: the fake's ts count from a fixed epoch, `oldest` compares with this. */
  postedAt: number;
}

export interface FakeOAuthApp {
  clientId: string;
  clientSecret: string;
  /** Where Slack's consent page sends the browser back with `code` and `state` (set by the test). */
  redirectUri?: string;
}

export const FAKE_TEAM_ID = 'T0FAKE';
export const FAKE_BOT_USER_ID = 'U0BOT';

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const scripted = new Map<string, ScriptedAnswer[]>();
  const users = new Map<string, FakeUser>();
  const channelErrors = new Map<string, string>();
  const messages = new Map<string, FakeMessage[]>();
  const missingScopes = new Set<string>();
  const dmErrors = new Map<string, string>();
  const waiters: Array<{ pred: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }> = [];
  let tsCounter = 0;
  let responseCounter = 0;
  let fileCounter = 0;
  const baseUrlRef = { value: '' };
  const oauth: FakeOAuthApp = { clientId: '1000.2000', clientSecret: 'fake-client-secret' };
  const tokens = new Map<string, { teamId: string; teamName: string; botUserId: string }>();
  /** Codes from the consent page, single use: code → the workspace the person chose. */
  const codes = new Map<string, { teamId: string; teamName: string }>();
  let codeCounter = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      const raw = Buffer.concat(chunks).toString('utf8');
      const contentType = String(req.headers['content-type'] ?? '');
      const [path, query = ''] = (req.url ?? '/').split('?');
      // GETs (the consent page) carry their parameters in the query string.
      const body = req.method === 'GET' ? Object.fromEntries(new URLSearchParams(query)) : parseBody(raw, contentType);
      const method = path.startsWith('/api/') ? path.slice(5) : path.startsWith('/response/') ? 'response_url' : path.startsWith('/upload/') ? 'file_upload' : path;
      const auth = String(req.headers.authorization ?? '');
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : typeof body.token === 'string' ? body.token : undefined;
      if (auth.startsWith('Basic ')) {
        // oauth.v2.access may send the client id and secret as HTTP Basic credentials.
        const [id, secret] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
        body.client_id ??= id;
        body.client_secret ??= secret;
      }

      // An empty scripted answer ({}) means "answer normally this time".
      const next = scripted.get(method)?.shift();
      const answer = next && (next.status !== undefined || next.body !== undefined || next.headers) ? next : normalAnswer(method, body, token);
      const status = answer.status ?? 200;
      const call: RecordedCall = { method, path, body, contentType, token, status, response: answer.body, at };
      if (method === 'file_upload') {
        const raw = Buffer.concat(chunks);
        call.bytes = contentType.includes('multipart/form-data') ? (parseMultipart(raw, contentType).find((p) => p.filename !== undefined)?.data ?? raw) : raw;
      }
      calls.push(call);
      if (fake.holdAnswer?.(call)) return;
      res.writeHead(status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      for (const w of [...waiters]) {
        if (w.pred(call)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(call);
        }
      }
    });
  });

  function normalAnswer(method: string, body: Record<string, unknown>, token: string | undefined): ScriptedAnswer {
    const ok = (extra: object) => ({ body: { ok: true, ...extra } });
    switch (method) {
      case 'auth.test': {
        const t = token ? tokens.get(token) : undefined;
        if (t) return ok({ url: `https://${t.teamId.toLowerCase()}.slack.com/`, team: t.teamName, user: 'papers', team_id: t.teamId, user_id: t.botUserId, bot_id: `B${t.teamId}` });
        return ok({ url: 'https://fake.slack.com/', team: 'Fake', user: 'papers', team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: 'B0BOT' });
      }
      case '/oauth/v2/authorize': {
        // The consent page: the person approves for the workspace they pick (`team`, a test's choice).
        if (body.client_id !== oauth.clientId) return { status: 400, body: { ok: false, error: 'invalid_client_id' } };
        if (!String(body.scope ?? '').split(',').includes('commands') || !body.state) return { status: 400, body: { ok: false, error: 'bad_request' } };
        if (!oauth.redirectUri) return { status: 400, body: { ok: false, error: 'bad_redirect_uri' } };
        const teamId = String(body.team ?? FAKE_TEAM_ID);
        const code = `code-${++codeCounter}`;
        codes.set(code, { teamId, teamName: `Workspace ${teamId}` });
        const location = `${oauth.redirectUri}?${new URLSearchParams({ code, state: String(body.state) })}`;
        return { status: 302, headers: { location }, body: undefined };
      }
      case 'oauth.v2.access': {
        if (body.client_id !== oauth.clientId || body.client_secret !== oauth.clientSecret) return { body: { ok: false, error: 'invalid_client' } };
        const grant = codes.get(String(body.code ?? ''));
        if (!grant) return { body: { ok: false, error: 'invalid_code' } };
        codes.delete(String(body.code));
        const issued = { teamId: grant.teamId, teamName: grant.teamName, botUserId: `UBOT${grant.teamId}` };
        const access = `xoxb-${grant.teamId}-${codeCounter}`;
        tokens.set(access, issued);
        return ok({
          app_id: 'A0FAKE',
          authed_user: { id: `UINSTALLER${grant.teamId}` },
          scope: 'commands,chat:write,reactions:read,users:read,im:write,files:write,channels:history,groups:history',
          token_type: 'bot',
          access_token: access,
          bot_user_id: issued.botUserId,
          team: { id: grant.teamId, name: grant.teamName },
          enterprise: null,
          is_enterprise_install: false,
        });
      }
      case 'chat.postMessage': {
        const channel = String(body.channel ?? '');
        const err = channelErrors.get(channel);
        if (err) return { body: { ok: false, error: err } };
        if (!channel) return { body: { ok: false, error: 'channel_not_found' } };
        tsCounter += 1;
        const ts = `1700000000.${String(tsCounter).padStart(6, '0')}`;
        const kept: FakeMessage = { ts, text: body.text, postedAt: Date.now() / 1000, ...(body.metadata ? { metadata: body.metadata } : {}) };
        messages.set(channel, [...(messages.get(channel) ?? []), kept]);
        return ok({ channel, ts, message: { type: 'message', user: FAKE_BOT_USER_ID, text: body.text, ts } });
      }
      case 'conversations.history': {
        const needed = channelNeeds(String(body.channel ?? ''));
        if (missingScopes.has(needed)) return { body: { ok: false, error: 'missing_scope', needed, provided: 'commands,chat:write' } };
        const oldest = Number(body.oldest ?? 0);
        // Newest first, like Slack; a page is `limit` messages, the cursor is the offset of the next one.
        const all = (messages.get(String(body.channel ?? '')) ?? []).filter((m) => m.postedAt >= oldest).reverse();
        const limit = Math.max(1, Math.min(Number(body.limit ?? 100) || 100, 999));
        const from = Number(body.cursor ?? 0) || 0;
        const page = all.slice(from, from + limit).map((m) => ({
          type: 'message',
          user: FAKE_BOT_USER_ID,
          bot_id: 'B0BOT',
          text: m.text,
          ts: m.ts,
          ...(m.metadata && String(body.include_all_metadata) === 'true' ? { metadata: m.metadata } : {}),
        }));
        const more = from + limit < all.length;
        return ok({ messages: page, has_more: more, response_metadata: { next_cursor: more ? String(from + limit) : '' } });
      }
      case 'chat.postEphemeral':
        tsCounter += 1;
        return ok({ message_ts: `1700000000.${String(tsCounter).padStart(6, '0')}` });
      case 'users.info': {
        const u = users.get(String(body.user ?? ''));
        if (!u) return { body: { ok: false, error: 'user_not_found' } };
        return ok({ user: { name: u.id.toLowerCase(), is_admin: false, is_owner: false, ...u } });
      }
      case 'apps.connections.open':
        return ok({ url: socket.wsUrl() });
      case 'conversations.open': {
        // One user's DM with the bot: the same D… channel every time, as Slack does.
        const user = String(body.users ?? '');
        if (!user) return { body: { ok: false, error: 'users_list_not_supplied' } };
        const err = dmErrors.get(user);
        if (err) return { body: { ok: false, error: err } };
        return ok({ channel: { id: `D${user}` } });
      }
      case 'response_url':
        return ok({});
      case 'files.getUploadURLExternal':
        fileCounter += 1;
        return ok({ upload_url: `${baseUrlRef.value}/upload/F${fileCounter}`, file_id: `F${fileCounter}` });
      case 'file_upload':
        return { body: 'OK' };
      case 'views.publish':
        return ok({ view: { id: 'V0HOME', type: 'home', blocks: [] } });
      case 'files.completeUploadExternal':
        return ok({ files: (Array.isArray(body.files) ? body.files : []) as unknown[] });
      default:
        return { body: { ok: false, error: 'unknown_method' } };
    }
  }

  /** Private channels (G…) need groups:history, public ones channels:history. */
  const channelNeeds = (channel: string) => (channel.startsWith('G') ? 'groups:history' : 'channels:history');

  const socket = attachSocketMode(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  baseUrlRef.value = baseUrl;

  const fake: FakeSlack = {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responseUrl: (id) => `${baseUrl}/response/${id ?? `r${++responseCounter}`}`,
    script(method, ...answers) {
      scripted.set(method, [...(scripted.get(method) ?? []), ...answers]);
    },
    users,
    channelErrors,
    messages,
    missingScopes,
    dmErrors,
    socket,
    oauth,
    tokens,
    waitFor(pred, timeoutMs = 5000) {
      const found = calls.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const w = { pred, resolve: (c: RecordedCall) => (clearTimeout(timer), resolve(c)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`fake slack: no matching call within ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`));
        }, timeoutMs);
        waiters.push(w);
      });
    },
    async close() {
      await socket.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** Slack's Web API takes form bodies with objects (blocks, attachments) as JSON strings, or JSON. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('multipart/form-data')) return { _raw: raw };
  if (contentType.includes('application/json')) {
    try {
      const v: unknown = JSON.parse(raw);
      return v && typeof v === 'object' ? (v as Record<string, unknown>) : { _raw: raw };
    } catch {
      return { _raw: raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? tryJson(v) : v;
  }
  return out;
}

function tryJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
