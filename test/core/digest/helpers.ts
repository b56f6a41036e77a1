import fs from 'node:fs';
import os from 'node:os';
import { createFakeClock } from '../../../src/core/clock.js';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { openCore, type Core } from '../../../src/core/open-core.js';
import type { Publisher } from '../../../src/core/publisher.js';
import type { Caller, OutgoingMessage } from '../../../src/core/reply.js';
import { createDigestEngine, type DigestEngineOptions } from '../../../src/core/digest/engine.js';
import { hfDay } from '../../helpers/test-data.js';
import { peekSqlite } from '../../helpers/peek-sqlite.js';

export const HF = hfDay;

export interface Sent {
  at: string;
  channelId: string;
  text: string;
  paperId?: string;
  messageId: string;
}

/** A publisher that records what it posted and when (by the fake clock); `fail` scripts errors per call. */
export function timedPublisher(
  clock: { now(): Date },
  platform: Publisher['platform'] = 'slack',
  fail?: (channelId: string, message: OutgoingMessage, call: number) => Error | 'hang' | undefined,
  minIntervalMs = 0,
): Publisher & { sent: Sent[]; calls: number } {
  const sent: Sent[] = [];
  const pub = {
    platform,
    minIntervalMs,
    sent,
    calls: 0,
    async post(channelId: string, message: OutgoingMessage) {
      const f = fail?.(channelId, message, pub.calls++);
      if (f === 'hang') return new Promise<never>(() => {});
      if (f) throw f;
      const messageId = `${platform}-${channelId}-${sent.length + 1}`;
      sent.push({ at: clock.now().toISOString(), channelId, text: message.text, paperId: message.card?.paperId, messageId });
      return { messageId };
    },
  };
  return pub;
}

export const caller = (channelId: string, platform: Caller['platform'] = 'slack', isAdmin = true): Caller => ({ platform, workspaceId: 'T1', channelId, userId: 'U1', isAdmin });

/** A real core (SQLite, search, ingest) in a temp dir with a fake clock and a digest engine over it. */
export async function setup(start: string, engineOpts: Partial<DigestEngineOptions> = {}) {
  const dir = fs.mkdtempSync(os.tmpdir() + '/papers-');
  const clock = createFakeClock(start);
  const logger = createRecordingLogger();
  const core: Core = await openCore({ dataDir: dir, clock, now: () => clock.now() });
  const engine = createDigestEngine({ store: core.storage.digests, messages: core.storage.bookmarks, papers: core.store, search: core.search, clock, logger, ...engineOpts });
  /** Another engine over the same storage: a restarted process, or a second instance. */
  const engineLike = (o: Partial<DigestEngineOptions> = {}) => createDigestEngine({ store: core.storage.digests, messages: core.storage.bookmarks, papers: core.store, search: core.search, clock, logger, ...o });
  const ingest = async (date: string) => {
    const r = await core.ingest.ingestFile(HF(date));
    if (!r.ok) throw new Error(r.error);
    return r;
  };
  const close = async () => {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { dir, clock, logger, core, engine, engineLike, ingest, close, db: () => peekSqlite(dir) };
}

/** The papers of an HF daily file in file order, with upvotes, read straight from the JSON. */
export function hfPapers(date: string): Array<{ id: string; upvotes: number; title: string; summary: string }> {
  const raw = JSON.parse(fs.readFileSync(HF(date), 'utf8')) as Array<{ paper: { id: string; upvotes: number; title: string; summary: string } }>;
  return raw.map((r) => ({ id: r.paper.id, upvotes: r.paper.upvotes, title: r.paper.title, summary: r.paper.summary }));
}

/** Independent expectation: top N by upvotes (stable, so digest order breaks ties), skipping ids in `posted`. */
export function expectedTop(date: string, n: number, posted: Set<string>): string[] {
  const seen = new Set<string>();
  const list = hfPapers(date).filter((p) => !posted.has(p.id) && !seen.has(p.id) && seen.add(p.id));
  return list
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => b.upvotes - a.upvotes || a.i - b.i)
    .slice(0, n)
    .map((p) => p.id);
}

/** A publisher whose call `dieAt` never returns (the process "dies" there); `died` resolves when it is reached. */
export function dyingPublisher(clock: { now(): Date }, dieAt: number) {
  let reached!: () => void;
  const died = new Promise<void>((r) => (reached = r));
  const publisher = timedPublisher(clock, 'slack', (_c, _m, call) => {
    if (call !== dieAt) return undefined;
    reached();
    return 'hang';
  });
  return { publisher, died };
}
