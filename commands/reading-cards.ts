import { toCard } from '../src/core/cards.js';
import type { PaperCard } from '../src/core/reply.js';
import { trimAtWord } from '../src/core/tldr/sentences.js';
import type { CommandContext } from './types.js';

/** How much of a note a card shows. */
const NOTE_START_CHARS = 80;

/** Cards of the caller's bookmarks, in the order given, each with their tags, read state and note start. */
export async function readingCards(paperIds: string[], ctx: Pick<CommandContext, 'store' | 'reading' | 'caller'>): Promise<PaperCard[]> {
  const [papers, notes] = await Promise.all([ctx.store.getPapers(paperIds), ctx.reading.annotations(ctx.caller, paperIds)]);
  return papers.map((p) => {
    const a = notes.get(p.id);
    const card = toCard(p);
    card.reading = { read: a?.readAt !== undefined, tags: a?.tags ?? [] };
    if (a?.note) card.reading.note = trimAtWord(a.note, NOTE_START_CHARS);
    return card;
  });
}
