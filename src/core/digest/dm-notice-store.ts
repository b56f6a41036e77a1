import type { Reader } from '../recommend/ports.js';

/** Why a reader's personal digest stopped, waiting to be told to them once. */
export interface DmNotice {
  platform: Reader['platform'];
  workspaceId: string;
  userId: string;
  reason: string;
  createdAt: string;
}

/**
 * One-time notices for readers whose personal digest was paused because its direct message could
 * not be delivered (migration 011 / PostgreSQL 6). The next /papers they use shows it and removes it.
 */
export interface DmNoticeStore {
  /** Records the notice; a second pause before the reader came back replaces the first. */
  add(notice: DmNotice): Promise<void>;
  /** The reader's pending notice, removed in the same statement: two instances never both show it. */
  take(reader: Reader): Promise<DmNotice | undefined>;
  /** Forgets a pending notice (the reader subscribed again or unsubscribed: nothing left to tell). */
  clear(reader: Reader): Promise<void>;
}
