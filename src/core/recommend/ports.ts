import type { BookmarkOwner } from '../bookmarks/ports.js';

/** Whose feedback: the same person and workspace as their bookmarks. */
export type Reader = BookmarkOwner;

/**
 * What a reader told the recommender besides bookmarks (migration 006): papers they are not
 * interested in (negative examples, undoable) and pins (authors or keywords that lift papers).
 */
export interface ReaderFeedbackStore {
  /** Dismissing a paper already dismissed changes nothing (`added: false`). */
  dismiss(reader: Reader, paperId: string): Promise<{ added: boolean }>;
  /** Undo of dismiss; not an error when it was not dismissed (`removed: false`). */
  undismiss(reader: Reader, paperId: string): Promise<{ removed: boolean }>;
  /** Newest first, at most `limit` (the most recent dismissals are the ones that describe the reader now). */
  dismissed(reader: Reader, limit: number): Promise<string[]>;
  /** Pins compare case-insensitively: "World Models" and "world models" are one pin. */
  pin(reader: Reader, text: string): Promise<{ added: boolean }>;
  unpin(reader: Reader, text: string): Promise<{ removed: boolean }>;
  /** Oldest first, as given. */
  pins(reader: Reader): Promise<string[]>;
  /**
   * A channel's taste: papers posted to the channel that someone bookmarked, most recently
   * bookmarked first, at most `limit`.
   */
  channelBookmarks(platform: Reader['platform'], channelId: string, limit: number): Promise<string[]>;
}
