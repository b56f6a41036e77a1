import type { Paper, Source, StoredPaper } from '../paper.js';
import { normalizeTitle } from '../paper-id.js';

/** The fields of a stored paper that merging decides (everything but id and seq). */
export type PaperFields = Omit<StoredPaper, 'id' | 'seq'>;

function unionBy(a: string[], b: string[], key: (s: string) => string = (s) => s): string[] {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const x of b) {
    const k = key(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

const personKey = (name: string) => normalizeTitle(name);

/** A fresh stored record from one parsed paper. */
export function fieldsFromPaper(p: Paper): PaperFields {
  return {
    arxivId: p.arxivId,
    title: p.title,
    abstract: p.abstract,
    authors: unionBy([], p.authors, personKey),
    links: unionBy([], p.links),
    keywords: unionBy([], p.keywords, (k) => k.toLowerCase()),
    categories: unionBy([], p.categories),
    upvotes: p.upvotes,
    publishedAt: p.publishedAt,
    digestDates: p.digestDate ? [p.digestDate] : [],
    sources: [p.source],
    flags: p.abstract ? [] : ['no-abstract'],
    aiSummary: p.aiSummary,
    // Extracted when a card shows the paper (cards.ts): at ingest it was ~40% of the store's time.
    tldr: undefined,
  };
}

/**
 * A TL;DR stored by an earlier version (which extracted it at ingest), kept while the title and
 * abstract it was taken from stay; gone with them, so a card extracts it again from the new text.
 */
function tldrFor(have: PaperFields, title: string, abstract: string): string | undefined {
  return have.title === title && have.abstract === abstract ? have.tldr : undefined;
}

/**
 * Merges what one more source says about a paper into what the store has. Nothing known is lost:
 * lists are unions, upvotes the highest seen, the fuller abstract wins, the first title stays.
 */
export function mergeFields(have: PaperFields, p: Paper): PaperFields {
  const abstract = p.abstract.length > have.abstract.length ? p.abstract : have.abstract;
  const upvotes =
    have.upvotes === undefined ? p.upvotes : p.upvotes === undefined ? have.upvotes : Math.max(have.upvotes, p.upvotes);
  const digestDates = p.digestDate ? unionBy(have.digestDates, [p.digestDate]).sort() : have.digestDates;
  return {
    arxivId: have.arxivId ?? p.arxivId,
    title: have.title || p.title,
    abstract,
    authors: have.authors.length ? unionBy(have.authors, p.authors, personKey) : unionBy([], p.authors, personKey),
    links: unionBy(have.links, p.links),
    keywords: unionBy(have.keywords, p.keywords, (k) => k.toLowerCase()),
    categories: unionBy(have.categories, p.categories),
    upvotes,
    publishedAt: have.publishedAt ?? p.publishedAt,
    digestDates,
    sources: unionBy(have.sources, [p.source]) as Source[],
    flags: abstract ? [] : ['no-abstract'],
    aiSummary: have.aiSummary ?? p.aiSummary,
    tldr: tldrFor(have, have.title || p.title, abstract),
  };
}

/** Merges two whole records (used when a title-keyed paper turns out to have an arXiv id). */
export function mergeStored(a: PaperFields, b: PaperFields): PaperFields {
  return {
    arxivId: a.arxivId ?? b.arxivId,
    title: a.title || b.title,
    abstract: b.abstract.length > a.abstract.length ? b.abstract : a.abstract,
    authors: unionBy(a.authors, b.authors, personKey),
    links: unionBy(a.links, b.links),
    keywords: unionBy(a.keywords, b.keywords, (k) => k.toLowerCase()),
    categories: unionBy(a.categories, b.categories),
    upvotes: a.upvotes === undefined ? b.upvotes : b.upvotes === undefined ? a.upvotes : Math.max(a.upvotes, b.upvotes),
    publishedAt: a.publishedAt ?? b.publishedAt,
    digestDates: unionBy(a.digestDates, b.digestDates).sort(),
    sources: unionBy(a.sources, b.sources) as Source[],
    flags: a.abstract || b.abstract ? [] : ['no-abstract'],
    aiSummary: a.aiSummary ?? b.aiSummary,
    tldr: tldrFor(a, a.title || b.title, b.abstract.length > a.abstract.length ? b.abstract : a.abstract),
  };
}

export function sameFields(a: PaperFields, b: PaperFields): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A paper's trend terms come from its title and keywords only: other changes (upvotes, a digest date) keep them. */
export function termsChanged(a: PaperFields, b: PaperFields): boolean {
  return a.title !== b.title || a.keywords.length !== b.keywords.length || a.keywords.some((k, i) => k !== b.keywords[i]);
}
