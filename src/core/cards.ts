import { bestLink, type StoredPaper } from './paper.js';
import type { CardReading, CardTldr, PaperCard, SnippetPart } from './reply.js';
import { extractTldr } from './tldr/extract-tldr.js';
import { trimAtWord } from './tldr/sentences.js';

/** A card's TL;DR line is at most this long (HF summaries run to ~350 characters). */
const TLDR_CARD_CHARS = 300;

/**
 * Hugging Face's summary when the paper has one, else the sentence extracted from the abstract
 * (extracted here, when shown: ~60 µs a paper, where extracting it for every paper at ingest was
 * ~40% of the store's time; papers stored by earlier versions carry theirs); undefined with neither.
 */
export function paperTldr(paper: Pick<StoredPaper, 'aiSummary' | 'tldr' | 'title' | 'abstract'>): CardTldr | undefined {
  if (paper.aiSummary) return { text: trimAtWord(paper.aiSummary, TLDR_CARD_CHARS), source: 'hf' };
  const extracted = paper.tldr ?? extractTldr(paper.title, paper.abstract);
  if (extracted) return { text: trimAtWord(extracted, TLDR_CARD_CHARS), source: 'extracted' };
  return undefined;
}

/** What a TL;DR line is prefixed with, so a reader can tell Hugging Face's summary from ours. */
export const TLDR_LABEL: Record<CardTldr['source'], string> = {
  hf: 'TL;DR (Hugging Face)',
  extracted: 'TL;DR (from the abstract)',
};

/** The TL;DR as one plain line: `TL;DR (Hugging Face): …`. Adapters may style the label. */
export function tldrLine(tldr: CardTldr): string {
  return `${TLDR_LABEL[tldr.source]}: ${tldr.text}`;
}

/** A bookmark's reading state as one plain line: `✅ read · #llm #to-cite · 📝 first words of the note…`. */
export function readingLine(r: CardReading): string {
  const parts = [r.read ? '✅ read' : '📖 unread'];
  if (r.tags.length) parts.push(r.tags.map((t) => `#${t}`).join(' '));
  if (r.note) parts.push(`📝 ${r.note}`);
  return parts.join(' · ');
}

/** "Jane Q. Doe" → "J. Q. Doe"; one-word names and names already abbreviated stay as they are. */
export function shortName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return parts[0] ?? '';
  const last = parts[parts.length - 1]!;
  const initials = parts.slice(0, -1).map((p) => (/^\p{L}\.$/u.test(p) ? p : `${[...p][0]!.toUpperCase()}.`));
  return [...initials, last].join(' ');
}

/** Up to three authors shortened; more than three → the first two and "et al."; none → ''. */
export function shortenAuthors(authors: string[]): string {
  const names = authors.map(shortName).filter(Boolean);
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 2).join(', ')} et al.`;
}

/**
 * A paper's authors in full, as `show` lists them, up to `max`; past that the first `max` and how
 * many more (a technical report can name 200 people: ~3,000 characters, more than a Discord
 * message, before its abstract). The JSON record and the BibTeX keep every name.
 */
export function listAuthors(authors: readonly string[], max = 20): string {
  if (!authors.length) return 'unknown';
  if (authors.length <= max) return authors.join(', ');
  return `${authors.slice(0, max).join(', ')} and ${authors.length - max} more`;
}

/** The start of the abstract, cut at a word boundary, when no search snippet is at hand. */
export function plainSnippet(abstract: string, maxChars = 240): SnippetPart[] {
  const text = abstract.replace(/\s+/g, ' ').trim();
  if (text.length <= maxChars) return text ? [{ text }] : [];
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return [{ text: `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…` }];
}

/** A stored paper as a card; `snippet` defaults to the start of its abstract. */
export function toCard(paper: StoredPaper, opts: { snippet?: SnippetPart[]; score?: number } = {}): PaperCard {
  const card: PaperCard = {
    paperId: paper.id,
    title: paper.title,
    authors: shortenAuthors(paper.authors),
    digestDates: [...paper.digestDates],
    snippet: opts.snippet && opts.snippet.length ? opts.snippet : plainSnippet(paper.abstract),
    links: [...paper.links],
  };
  const url = bestLink(paper);
  if (url) card.url = url;
  if (paper.upvotes !== undefined) card.upvotes = paper.upvotes;
  if (opts.score !== undefined) card.score = opts.score;
  const tldr = paperTldr(paper);
  if (tldr) card.tldr = tldr;
  return card;
}
