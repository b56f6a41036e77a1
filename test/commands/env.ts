import { createChatCore } from '../../commands/chat-core.js';
import type { BookmarkStore } from '../../src/core/bookmarks/ports.js';
import type { ChatCore } from '../../src/core/chat.js';
import { createFakeClock } from '../../src/core/clock.js';
import type { DigestService } from '../../src/core/digest/ports.js';
import { createRecordingLogger } from '../../src/core/logger.js';
import { openCore, type Core } from '../../src/core/open-core.js';
import type { Caller, Reply } from '../../src/core/reply.js';
import { SEED_DIGEST, hfDay } from '../helpers/test-data.js';
import { peekSqlite } from '../helpers/peek-sqlite.js';

export const SEED_DATE = '2026-04-22';
/** One HF daily_papers day: arXiv ids, upvotes, code links. */
export const HF_DAY = hfDay('2025-08-29');

export const admin: Caller = { platform: 'local', workspaceId: 'local', channelId: 'local', userId: 'local-user', isAdmin: true };
export const member: Caller = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U1', isAdmin: false };

/** A DigestService that keeps every call and answers with a plain reply. */
export function createRecordingDigests(): DigestService & { calls: Array<{ method: string; caller: Caller; settings?: Record<string, unknown> }> } {
  const calls: Array<{ method: string; caller: Caller; settings?: Record<string, unknown> }> = [];
  const answer = (method: string) => async (caller: Caller, settings?: Record<string, unknown>): Promise<Reply> => {
    calls.push(settings ? { method, caller, settings } : { method, caller });
    return { text: `digests.${method} done`, ephemeral: true };
  };
  return { calls, subscribe: answer('subscribe'), unsubscribe: answer('unsubscribe'), list: answer('list'), preview: answer('preview'), runNow: answer('runNow'), subscribePersonal: answer('subscribePersonal'), unsubscribePersonal: answer('unsubscribePersonal') };
}

export interface ChatEnv {
  core: Core;
  chat: ChatCore;
  bookmarks: BookmarkStore;
  digests: ReturnType<typeof createRecordingDigests>;
  logger: ReturnType<typeof createRecordingLogger>;
  /** A second connection to the SQLite store, to check rows. */
  peek(): ReturnType<typeof peekSqlite>;
  /** Row counts of every table the commands could write, to prove bad input wrote nothing. */
  counts(): Record<string, number>;
  close(): Promise<void>;
}

/** Real SQLite + search in `dir` with the seed digest (and optionally one HF day) ingested. */
export async function createChatEnv(dir: string, opts: { hf?: boolean } = {}): Promise<ChatEnv> {
  const clock = createFakeClock('2026-04-25T10:00:00Z');
  const core = await openCore({ dataDir: dir, clock, now: () => clock.now() });
  const seed = await core.ingest.ingestFile(SEED_DIGEST, { date: SEED_DATE });
  if (!seed.ok) throw new Error(seed.error);
  if (opts.hf) {
    const hf = await core.ingest.ingestFile(HF_DAY);
    if (!hf.ok) throw new Error(hf.error);
  }
  const bookmarks = core.storage.bookmarks;
  const digests = createRecordingDigests();
  const logger = createRecordingLogger();
  const chat = createChatCore({ store: core.store, search: core.search, digests, bookmarks, reading: core.reading, logger, clock });
  const tables = ['papers', 'digests', 'digest_papers', 'bookmarks', 'messages', 'subscriptions'];
  return {
    core,
    chat,
    bookmarks,
    digests,
    logger,
    peek: () => peekSqlite(dir),
    counts: () => Object.fromEntries(tables.map((t) => [t, (peekSqlite(dir).prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n])),
    close: () => core.close(),
  };
}
