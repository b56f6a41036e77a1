import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's Socket Mode, locally: the client gets `ws://127.0.0.1:…/socket` from apps.connections.open,
 * receives `hello`, then envelopes `{envelope_id, type, payload, accepts_response_payload}` and must
 * answer each with `{envelope_id, payload?}` (the ack).
 */
export interface FakeSocketMode {
  wsUrl(): string;
  /** Resolves once a client is connected and has been sent `hello`. */
  connected(): Promise<void>;
  /** Sends an envelope; resolves with the client's ack (rejects after `timeoutMs`). */
  send(type: EnvelopeType, payload: object, timeoutMs?: number): Promise<SocketAck>;
  /** Every envelope sent, in order. */
  envelopes: SentEnvelope[];
  /** Every ack frame the client sent, in order (including any for envelopes it was never sent). */
  acks: SocketAck[];
  close(): Promise<void>;
}

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface SentEnvelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: object;
  accepts_response_payload: boolean;
}

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export function attachSocketMode(server: http.Server): FakeSocketMode {
  const wss = new WebSocketServer({ noServer: true });
  const acks: SocketAck[] = [];
  const envelopes: SentEnvelope[] = [];
  const pending = new Map<string, (ack: SocketAck) => void>();
  let client: WebSocket | undefined;
  let onConnect: Array<() => void> = [];
  let envelopeCounter = 0;

  server.on('upgrade', (req, sock, head) => {
    if (!(req.url ?? '').startsWith('/socket')) {
      sock.destroy();
      return;
    }
    wss.handleUpgrade(req, sock, head, (ws) => {
      client = ws;
      ws.on('message', (data) => {
        let msg: unknown;
        try {
          msg = JSON.parse(String(data));
        } catch {
          return;
        }
        const ack = msg as SocketAck;
        if (typeof ack.envelope_id !== 'string') return;
        acks.push(ack);
        pending.get(ack.envelope_id)?.(ack);
        pending.delete(ack.envelope_id);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0FAKE' } }));
      const waiting = onConnect;
      onConnect = [];
      for (const f of waiting) f();
    });
  });

  return {
    wsUrl() {
      const { port } = server.address() as AddressInfo;
      return `ws://127.0.0.1:${port}/socket`;
    },
    connected() {
      if (client && client.readyState === client.OPEN) return Promise.resolve();
      return new Promise((resolve) => onConnect.push(resolve));
    },
    send(type, payload, timeoutMs = 5000) {
      const ws = client;
      if (!ws) return Promise.reject(new Error('fake socket mode: no client connected'));
      const envelope_id = `env-${++envelopeCounter}`;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(envelope_id);
          reject(new Error(`fake socket mode: no ack for ${envelope_id} within ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(envelope_id, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
        // Slack lets the ack carry a response only where one can be shown: slash commands and
        // interactions other than block_actions (view_submission, block_suggestion).
        const accepts_response_payload = type === 'slash_commands' || (type === 'interactive' && (payload as { type?: unknown }).type !== 'block_actions');
        envelopes.push({ envelope_id, type, payload, accepts_response_payload });
        ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload, retry_attempt: 0, retry_reason: '' }));
      });
    },
    envelopes,
    acks,
    async close() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
