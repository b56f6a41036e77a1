import type { PaperCard } from './reply.js';

/**
 * A person's own page (Slack's App Home tab): their reading list at a glance, platform-neutral.
 * Cards of bookmarks carry `reading` (tags, read state, note start).
 */
export interface HomeView {
  /** Unread bookmarks, newest first, at most a page. */
  unread: PaperCard[];
  /** Bookmarks marked read, newest bookmark first, a few. */
  read: PaperCard[];
  totals: { bookmarks: number; unread: number };
  /** Tags in use on bookmarks, most used first. */
  tags: Array<{ tag: string; count: number }>;
  /** Papers picked for this person (`/papers for-me`); absent when no recommender is wired in. */
  forMe?: PaperCard[];
}
