import type { EventEmitter } from 'node:events';
import { WebSocket, WebSocketServer } from 'ws';
import { guildCreate, shardOf, type FakeGuild, type FakeUser } from './payloads.js';

/** What the gateway saw from the bot: IDENTIFY and RESUME payloads, heartbeats. */
export interface GatewayRecord {
  op: number;
  shard?: number;
  /** IDENTIFY only: the total shard count the bot gave. */
  shardCount?: number;
  sessionId?: string;
  intents?: number;
  token?: string;
  at: number;
}

interface Session {
  id: string;
  shard: number;
  /** The shard count the bot identified with: guilds are routed by (guild_id >> 22) % count. */
  count: number;
  /** The intents the bot identified with: DM events are sent only with their intent. */
  intents: number;
  seq: number;
  /** Every dispatch of this session, for RESUME replay. */
  sent: Array<{ s: number; t: string; d: unknown }>;
  socket?: WebSocket;
}

export interface GatewayState {
  token: string;
  appId: string;
  bot: FakeUser;
  guilds: FakeGuild[];
  shardCount: number;
  heartbeatIntervalMs: number;
  gatewayUrl: () => string;
  records: GatewayRecord[];
  events: EventEmitter;
}

/**
 * The gateway as discord.js's @discordjs/ws speaks it (JSON encoding, no compression):
 * HELLO → IDENTIFY → READY + GUILD_CREATE per guild of the shard, heartbeats ACKed, RESUME replays
 * what was dispatched while the socket was down and ends with RESUMED, an unknown session gets
 * INVALID_SESSION(false).
 */
export function createFakeGateway(state: GatewayState) {
  const wss = new WebSocketServer({ noServer: true });
  const sessions = new Map<string, Session>();
  /** The live session of each shard id. */
  const byShard = new Map<number, Session>();
  let sessionCounter = 0;

  function sendRaw(socket: WebSocket | undefined, payload: unknown): void {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
  }

  function dispatchTo(session: Session, t: string, d: unknown): void {
    const s = ++session.seq;
    session.sent.push({ s, t, d });
    sendRaw(session.socket, { op: 0, t, s, d });
  }

  function onMessage(socket: WebSocket, raw: string): void {
    const msg = JSON.parse(raw) as { op: number; d: Record<string, unknown> | number | null };
    const at = performance.now();
    if (msg.op === 1) {
      state.records.push({ op: 1, at });
      sendRaw(socket, { op: 11 });
      return;
    }
    if (msg.op === 2) {
      const d = msg.d as { token: string; intents: number; shard?: [number, number] };
      const shard = d.shard?.[0] ?? 0;
      const count = d.shard?.[1] ?? 1;
      state.records.push({ op: 2, shard, shardCount: count, intents: d.intents, token: d.token, at });
      if (d.token !== state.token) {
        socket.close(4004, 'Authentication failed.');
        return;
      }
      // Discord closes with 4010 for a shard id outside [0, count).
      if (!(count >= 1 && shard >= 0 && shard < count)) {
        socket.close(4010, 'Invalid shard.');
        return;
      }
      const session: Session = { id: `session-${++sessionCounter}`, shard, count, intents: d.intents, seq: 0, sent: [], socket };
      sessions.set(session.id, session);
      byShard.set(shard, session);
      (socket as WebSocket & { session?: Session }).session = session;
      const guilds = state.guilds.filter((g) => shardOf(g.id, count) === shard);
      dispatchTo(session, 'READY', {
        v: 10,
        user: { ...state.bot, discriminator: '0', global_name: null, avatar: null, bot: true, verified: true, flags: 0 },
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: session.id,
        resume_gateway_url: state.gatewayUrl(),
        shard: [shard, count],
        application: { id: state.appId, flags: 0 },
      });
      for (const g of guilds) dispatchTo(session, 'GUILD_CREATE', guildCreate(g, state.bot));
      state.events.emit('identify', shard);
      return;
    }
    if (msg.op === 6) {
      const d = msg.d as { token: string; session_id: string; seq: number };
      const session = sessions.get(d.session_id);
      state.records.push({ op: 6, shard: session?.shard, sessionId: d.session_id, token: d.token, at });
      if (!session || d.token !== state.token) {
        sendRaw(socket, { op: 9, d: false });
        return;
      }
      session.socket = socket;
      (socket as WebSocket & { session?: Session }).session = session;
      for (const e of session.sent) if (e.s > d.seq) sendRaw(socket, { op: 0, t: e.t, s: e.s, d: e.d });
      dispatchTo(session, 'RESUMED', null);
      state.events.emit('resume', session.shard);
    }
  }

  wss.on('connection', (socket) => {
    socket.on('message', (data) => {
      try {
        onMessage(socket, data.toString());
      } catch {
        socket.close(4002, 'Error while decoding payload.');
      }
    });
    sendRaw(socket, { op: 10, d: { heartbeat_interval: state.heartbeatIntervalMs } });
  });

  return {
    wss,
    /**
     * Sends a dispatch on the shard that owns `guildId` under the count the bot identified with
     * (buffered for resume if the socket is down). Shards may be held by different processes.
     */
    dispatch(t: string, d: unknown, guildId: string): void {
      const session = [...byShard.values()].find((s) => shardOf(guildId, s.count) === s.shard);
      if (!session) throw new Error(`no session for the shard of guild ${guildId}`);
      dispatchTo(session, t, d);
    },
    /**
     * Sends a DM event as Discord does: on shard 0 only, and only to a session that identified with
     * `intent` (DIRECT_MESSAGE_REACTIONS for a reaction in a DM; 0 for an interaction, which needs
     * none); otherwise it is never sent.
     * Returns whether it was sent.
     */
    dispatchDm(t: string, d: unknown, intent: number): boolean {
      const session = byShard.get(0);
      if (!session) throw new Error('no session for shard 0, where DM events go');
      if (intent && (session.intents & intent) === 0) return false;
      dispatchTo(session, t, d);
      return true;
    },
    /** Closes every live socket with `code` (4000 → discord.js resumes; 1000 → it re-identifies). */
    closeAll(code = 4000): void {
      for (const socket of wss.clients) socket.close(code, 'fake gateway closing');
    },
    /** Forget all sessions: a following RESUME gets INVALID_SESSION and the bot must re-identify. */
    invalidateSessions(): void {
      sessions.clear();
    },
    connectedShards(): number[] {
      return [...byShard.values()].filter((s) => s.socket?.readyState === WebSocket.OPEN).map((s) => s.shard);
    },
    close(): void {
      for (const socket of wss.clients) socket.terminate();
      wss.close();
    },
  };
}

export type FakeGateway = ReturnType<typeof createFakeGateway>;
