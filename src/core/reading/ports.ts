import type { BookmarkOwner } from '../bookmarks/ports.js';

/** One person's private annotations on one paper. */
export interface Annotation {
  note?: string;
  /** ISO time it was marked read; absent when unread. */
  readAt?: string;
  /** As first written, in the order added. */
  tags: string[];
}

/** A tag as written and the case-folded key it is matched by (rules.ts makes these). */
export interface TagInput {
  tag: string;
  key: string;
}

export interface BookmarkQuery {
  limit: number;
  offset?: number;
  /** Only bookmarks carrying this tag key. */
  tagKey?: string;
  /** Only bookmarks not marked read. */
  unreadOnly?: boolean;
  /** newest (default) / oldest by bookmark time; unread-first puts unread ones first, newest first within each. */
  order?: 'newest' | 'oldest' | 'unread-first';
}

/**
 * Notes, read state and tags on a person's papers (migration 008), private to the owner. Annotations
 * stay when a bookmark is removed, so bookmarking the paper again finds them. Paper ids must exist.
 */
export interface ReadingStore {
  /** Sets the note (undefined clears it); returns the note it replaced. */
  setNote(owner: BookmarkOwner, paperId: string, note: string | undefined): Promise<{ previous?: string }>;
  /** Marks read or unread; `changed: false` when it already was. */
  setRead(owner: BookmarkOwner, paperId: string, read: boolean): Promise<{ changed: boolean }>;
  /** Adds tags whose key the paper lacks (a key already there keeps its first spelling); returns the keys added. */
  addTags(owner: BookmarkOwner, paperId: string, tags: TagInput[]): Promise<{ added: string[] }>;
  /** Removes tags by key; returns the keys that were there. */
  removeTags(owner: BookmarkOwner, paperId: string, keys: string[]): Promise<{ removed: string[] }>;
  /** Annotations of these papers (papers with none are absent from the map). */
  annotations(owner: BookmarkOwner, paperIds: string[]): Promise<Map<string, Annotation>>;
  /** The owner's bookmarks, filtered; `total` counts every match for paging. */
  listBookmarks(owner: BookmarkOwner, query: BookmarkQuery): Promise<{ paperIds: string[]; total: number }>;
  /** Every tag the owner uses on a bookmark, most used first. */
  tagCounts(owner: BookmarkOwner): Promise<Array<{ tag: string; key: string; count: number }>>;
}
