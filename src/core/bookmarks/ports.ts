import type { Caller } from '../reply.js';

/** Whose bookmarks: the same person on another platform or workspace has a separate list. */
export type BookmarkOwner = Pick<Caller, 'platform' | 'workspaceId' | 'userId'>;

/** A bot message in a channel; reactions on it are looked up by this. */
export type MessageRef = Pick<Caller, 'platform' | 'channelId'> & { messageId: string };

/** Bookmarks and the message → paper map (migration 002). Paper ids must exist in the store. */
export interface BookmarkStore {
  /** Adding a paper already bookmarked changes nothing (`added: false`). */
  add(owner: BookmarkOwner, paperId: string): Promise<{ added: boolean }>;
  /** Removing a paper that is not bookmarked is not an error (`removed: false`). */
  remove(owner: BookmarkOwner, paperId: string): Promise<{ removed: boolean }>;
  has(owner: BookmarkOwner, paperId: string): Promise<boolean>;
  /** Newest first by default; `total` counts them all for paging. */
  list(
    owner: BookmarkOwner,
    opts: { limit: number; offset?: number; order?: 'newest' | 'oldest' },
  ): Promise<{ paperIds: string[]; total: number }>;
  /** Remember which paper a bot message shows (posting it again just overwrites). */
  recordMessage(ref: MessageRef, paperId: string): Promise<void>;
  paperForMessage(ref: MessageRef): Promise<string | undefined>;
  /**
   * A message a personal digest posted into this user's DM: it is recorded under the digest's
   * pseudo-channel `dm:<workspace>:<user>` (core/direct-messages.ts), while a reaction or button
   * there names only the platform's DM channel. The newest such row for the message id, if any.
   */
  directMessage(ref: Pick<Caller, 'platform' | 'userId'> & { messageId: string }): Promise<{ channelId: string; paperId: string } | undefined>;
}
