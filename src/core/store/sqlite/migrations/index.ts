import { papers001 } from './001-papers.js';
import { chat002 } from './002-chat.js';
import { digests003 } from './003-digests.js';
import { claims005 } from './005-claims.js';
import { readerFeedback006 } from './006-reader-feedback.js';
import { reading008 } from './008-reading.js';
import { installations009 } from './009-installations.js';
import { trendTerms010 } from './010-trend-terms.js';
import { dmNotices011 } from './011-dm-notices.js';
import { termDayCounts012 } from './012-term-day-counts.js';
import { titleKeySeq013 } from './013-title-key-seq.js';

/** One schema step. Applied in order, each in its own transaction, recorded in PRAGMA user_version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Every migration ever shipped, in order. Never edit a shipped one: append a new version.
 * 001 papers & digests (ingest), 002 bookmarks & message→paper map (chat), 003 subscriptions,
 * digest runs & posts (scheduled digests), 005 run claims & named leases (several instances),
 * 006 reader feedback (dismissals, pins), 008 TL;DRs, reading notes, read state and tags,
 * 009 app installations & seen deliveries (platforms), 010 each paper's trend terms, 011 personal digest notices (DMs that could not be delivered),
 * 012 papers per trend term and digest day (kept by triggers), 013 the title key index holds seq and id.
 */
export const migrations: Migration[] = [papers001, chat002, digests003, claims005, readerFeedback006, reading008, installations009, trendTerms010, dmNotices011, termDayCounts012, titleKeySeq013];
