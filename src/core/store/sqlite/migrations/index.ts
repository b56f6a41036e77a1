import { papers001 } from './001-papers.js';
import { chat002 } from './002-chat.js';
import { digests003 } from './003-digests.js';
import { reading008 } from './008-reading.js';

/** One schema step. Applied in order, each in its own transaction, recorded in PRAGMA user_version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every migration ever shipped, in order. Never edit a shipped one: append a new version.
 * 001 papers & digests (ingest), 002 bookmarks & message→paper map (chat), 003 subscriptions,
 * digest runs & posts (scheduled digests), 008 TL;DRs, reading notes, read state and tags.
 */
export const migrations: Migration[] = [papers001, chat002, digests003, reading008];
