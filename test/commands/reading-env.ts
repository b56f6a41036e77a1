import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChatCore } from '../../commands/chat-core.js';
import { peekSqlite } from '../helpers/peek-sqlite.js';
import { createFakeClock } from '../../src/core/clock.js';
import { createRecordingLogger } from '../../src/core/logger.js';
import { openCore } from '../../src/core/open-core.js';

/** Three real Hugging Face papers (two with ai_summary), from test/fixtures only. */
export const HF_FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/hf-ai-summary/2025-08-29.json');
export const PREF = '2508.20751';
export const RSTAR = '2508.20722';
export const SSM = '2405.21060';

/** A chat core over a fresh store in `dir` holding the fixture's papers; nothing from the shared data folder. */
export async function createReadingEnv(dir: string) {
  const clock = createFakeClock('2026-05-01T10:00:00.000Z');
  const core = await openCore({ dataDir: dir, clock, now: () => clock.now() });
  const ingested = await core.ingest.ingestFile(HF_FIXTURE);
  if (!ingested.ok) throw new Error(ingested.error);
  const bookmarks = core.storage.bookmarks;
  const logger = createRecordingLogger();
  const chat = createChatCore({ store: core.store, search: core.search, bookmarks, reading: core.reading, logger, clock });
  const count = (table: string) => (peekSqlite(dir).prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    core,
    chat,
    bookmarks,
    clock,
    logger,
    counts: () => ({ bookmarks: count('bookmarks'), notes: count('reading_notes'), tags: count('reading_tags') }),
    close: () => core.close(),
  };
}
