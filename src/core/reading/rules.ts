import { UserError } from '../errors.js';
import { thousands } from '../thousands.js';
import type { TagInput } from './ports.js';

export const MAX_NOTE_CHARS = 2000;
export const MAX_TAGS_PER_PAPER = 20;
export const MAX_TAG_CHARS = 40;

/** A note as stored: trimmed; refused over MAX_NOTE_CHARS (counted in characters, not UTF-16 units). */
export function checkNote(text: string): string {
  const note = text.trim();
  const length = [...note].length;
  if (length > MAX_NOTE_CHARS) {
    throw new UserError(`Your note is ${thousands(length)} characters; the limit is ${thousands(MAX_NOTE_CHARS)}. Nothing was saved.`);
  }
  return note;
}

/**
 * Tags as typed (`#LLM, to-read  Survey`): split on spaces and commas, a leading # dropped, matched
 * case-folded (LLM = llm), duplicates in one command kept once. A tag over MAX_TAG_CHARS is refused by name.
 */
export function parseTags(words: string[]): TagInput[] {
  const out: TagInput[] = [];
  for (const raw of words.flatMap((w) => w.split(/[\s,]+/))) {
    const tag = raw.trim().replace(/^#+/, '');
    if (!tag) continue;
    if ([...tag].length > MAX_TAG_CHARS) {
      throw new UserError(`The tag "${[...tag].slice(0, MAX_TAG_CHARS).join('')}…" is ${[...tag].length} characters; tags are at most ${MAX_TAG_CHARS}. Nothing was changed.`);
    }
    const key = tagKey(tag);
    if (!out.some((t) => t.key === key)) out.push({ tag, key });
  }
  return out;
}

/** How tags are matched: Unicode-normalised and case-folded. */
export function tagKey(tag: string): string {
  return tag.trim().replace(/^#+/, '').normalize('NFKC').toLowerCase();
}
