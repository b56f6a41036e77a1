import type { StoredPaper } from '../src/core/paper.js';
import { parseArxivId } from '../src/core/paper-id.js';
import { UserError } from '../src/core/errors.js';
import type { PaperStore } from '../src/core/store/ports.js';

/** True when the text is meant as an id: an arXiv id or link, or a store `title:` id. */
export function looksLikeId(text: string): boolean {
  return parseArxivId(text) !== undefined || /^title:\S+$/.test(text.trim());
}

/** The paper with this id; UserError naming the id when the store has none. */
export async function paperById(store: PaperStore, id: string, usage?: string): Promise<StoredPaper> {
  const paper = await store.getPaper(id.trim());
  if (paper) return paper;
  // A short number is a reader copying a card's position in a list (`react 2 🔖` takes those), not an id.
  if (/^\d{1,3}$/.test(id.trim())) {
    throw new UserError(`${id.trim()} is a position in a list, not a paper id: use the id its card shows (like 2409.12345 or title:…), or /papers search <words>.`, usage);
  }
  throw new UserError(`No paper with id ${id.trim()} in the store. Search for it with /papers search <words>.`, usage);
}

/** By id when it looks like one, else by title words: the best match and how many others matched. */
export async function findPaper(store: PaperStore, query: string, usage: string): Promise<{ paper: StoredPaper; others: StoredPaper[] }> {
  if (looksLikeId(query)) return { paper: await paperById(store, query, usage), others: [] };
  const found = await store.findByTitle(query, 6);
  if (!found.length) throw new UserError(`No paper title contains "${query}". Try /papers search ${query}.`, usage);
  return { paper: found[0]!, others: found.slice(1) };
}

/** Compact `-` separated day arithmetic on YYYY-MM-DD strings (UTC). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
