import type { BookmarkStore } from '../src/core/bookmarks/ports.js';
import type { Caller } from '../src/core/reply.js';
import type { ReadingStore } from '../src/core/reading/ports.js';
import type { PaperStore } from '../src/core/store/ports.js';
import { paperById } from './find-paper.js';

/**
 * `read` / `unread` and the Mark read button: only a bookmarked paper has a read state, so marking
 * one that is not bookmarked bookmarks nothing and says so. Returns the message for the caller.
 */
export async function markRead(
  deps: { store: PaperStore; bookmarks: BookmarkStore; reading: ReadingStore },
  caller: Caller,
  id: string,
  read: boolean,
  usage?: string,
): Promise<string> {
  const paper = await paperById(deps.store, id, usage);
  const name = `"${paper.title}"`;
  if (!(await deps.bookmarks.has(caller, paper.id))) {
    return `${name} is not in your bookmarks, so nothing was marked ${read ? 'read' : 'unread'}. Bookmark it first (🔖 or the Bookmark button).`;
  }
  const { changed } = await deps.reading.setRead(caller, paper.id, read);
  if (!changed) return `${name} was already marked ${read ? 'read' : 'unread'}.`;
  return read ? `Marked ${name} read. /papers bookmarks --unread lists what is left.` : `Marked ${name} unread.`;
}
