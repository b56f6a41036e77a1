import { isAscii, isVocabularyWord, tokenize } from './text.js';

// FNV-1a over UTF-16 code units: cheap, and its low bits (the table's slot) spread short words well.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function hashOf(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * Words and the number of papers holding each, in an open-addressing table keyed by the words'
 * hashes. A token is found by comparing the text in place, so a word already met costs no string:
 * tokens made as strings and counted in a Map took ~300 ns each (at 100k papers, ~22M tokens and a
 * busy third of a bulk load's word-counting thread), this ~2.2x less.
 */
class WordCounts {
  private slots = new Int32Array(1 << 16); // word index + 1, 0 for empty
  private readonly words: string[] = [];
  private readonly hashes: number[] = [];
  private counts = new Int32Array(1 << 15);
  private lastPaper = new Int32Array(1 << 15);
  /** The paper being counted (1-based): a word counts once per paper. */
  paper = 0;

  /**
   * Counts the word at text[start, start + length), whose hash is `h`: the text as it is, its
   * ASCII capitals read as small letters (the word is stored lower-cased).
   */
  add(text: string, start: number, length: number, h: number): void {
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const i = this.slots[slot]! - 1;
      if (i < 0) return this.insert(slot, text.slice(start, start + length).toLowerCase(), h);
      const word = this.words[i]!;
      if (this.hashes[i] === h && word.length === length && sameWord(word, text, start)) {
        if (this.lastPaper[i] !== this.paper) {
          this.lastPaper[i] = this.paper;
          this.counts[i]!++;
        }
        return;
      }
    }
  }

  private insert(slot: number, word: string, h: number): void {
    const i = this.words.length;
    this.words.push(word);
    this.hashes.push(h);
    this.slots[slot] = i + 1;
    if (i >= this.counts.length) {
      this.counts = grown(this.counts);
      this.lastPaper = grown(this.lastPaper);
    }
    this.counts[i] = 1;
    this.lastPaper[i] = this.paper;
    // At most half full, so probes stay short.
    if (this.words.length * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let i = 0; i < this.words.length; i++) {
      let slot = this.hashes[i]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = i + 1;
    }
  }

  toMap(): Map<string, number> {
    const out = new Map<string, number>();
    for (let i = 0; i < this.words.length; i++) out.set(this.words[i]!, this.counts[i]!);
    return out;
  }
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const UPPER_A = 65;
const UPPER_Z = 90;
const LOWER_A = 97;
const LOWER_Z = 122;
const TO_LOWER = LOWER_A - UPPER_A;

/** Whether text[start, start + word.length), ASCII capitals as small letters, is `word` (lower-case). */
function sameWord(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(start + k);
    if (c >= UPPER_A && c <= UPPER_Z) c += TO_LOWER;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Counts one text of the paper being counted. A plain-ASCII text (most abstracts) is scanned here
 * for runs of [a-z0-9], capitals read as small letters, which is what `tokenize` finds in it; any
 * other text goes through `tokenize` itself. The text is read in place: lower-casing and joining
 * copies of every paper's text were most of the counting thread's garbage (3 s of collection in a
 * 100k build).
 */
function countText(counts: WordCounts, text: string): void {
  if (!isAscii(text)) {
    for (const w of tokenize(text)) if (isVocabularyWord(w)) counts.add(w, 0, w.length, hashOf(w));
    return;
  }
  let start = -1;
  let h = FNV_OFFSET;
  let digitsOnly = true;
  // One step past the end, as a separator, to end the last word.
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 0;
    if (c >= UPPER_A && c <= UPPER_Z) c += TO_LOWER;
    const digit = c >= DIGIT_0 && c <= DIGIT_9;
    if (digit || (c >= LOWER_A && c <= LOWER_Z)) {
      if (start < 0) {
        start = i;
        h = FNV_OFFSET;
        digitsOnly = true;
      }
      h = Math.imul(h ^ c, FNV_PRIME);
      if (!digit) digitsOnly = false;
    } else if (start >= 0) {
      // isVocabularyWord's rule, known here without the string: 2-40 characters, not all digits.
      const length = i - start;
      if (length >= 2 && length <= 40 && !digitsOnly) counts.add(text, start, length, h);
      start = -1;
    }
  }
}

/**
 * The typo/prefix vocabulary's words of these papers, each with the number of papers holding it:
 * the words `tokenize` gives that `isVocabularyWord` keeps. Each paper is its text, or its fields
 * (as `indexedFields(p)`: counted as their join with spaces would be, without the copy).
 */
export function countWords(papers: Iterable<string | readonly string[]>): Map<string, number> {
  const counts = new WordCounts();
  for (const paper of papers) {
    counts.paper++;
    if (typeof paper === 'string') countText(counts, paper);
    else for (const field of paper) countText(counts, field);
  }
  return counts.toMap();
}
