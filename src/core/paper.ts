import * as z from 'zod';

/** Where a parsed paper came from: one value per input format. */
export const SourceSchema = z.enum([
  'hf-digest-text', // the Hugging Face Daily Papers page/email as copied
  'hf-api', // GET /api/daily_papers JSON
  'arxiv-rss', // rss.arxiv.org RSS 2.0
  'arxiv-atom', // export.arxiv.org/api/query Atom
  'arxiv-jsonl', // arXiv "new" listings as JSON lines
  'arxiv-kaggle', // Kaggle arXiv metadata snapshot (JSON lines)
]);
export type Source = z.infer<typeof SourceSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * One paper as one source described it. Parsers emit these; the store merges them into StoredPaper.
 * `id` is the arXiv id without version when known (see paper-id.ts), else `title:<normalized title>`.
 */
export const PaperSchema = z.object({
  id: z.string().min(1),
  arxivId: z.string().optional(),
  title: z.string().min(1),
  /** '' when the source gave none (then `flags` holds 'no-abstract'). */
  abstract: z.string(),
  authors: z.array(z.string()),
  /** Code and project links found in the abstract or given by the source (githubRepo first). */
  links: z.array(z.string()),
  keywords: z.array(z.string()),
  /** arXiv categories, primary first, when known. */
  categories: z.array(z.string()),
  upvotes: z.number().int().nonnegative().optional(),
  /** arXiv publication time (ISO 8601), when known. */
  publishedAt: z.string().optional(),
  /** The digest day this paper was featured/listed on (YYYY-MM-DD), when known. */
  digestDate: isoDate.optional(),
  source: SourceSchema,
  /** arXiv RSS announce type: new, cross, replace, replace-cross. */
  announceType: z.string().optional(),
  flags: z.array(z.enum(['no-abstract'])),
  /** Hugging Face's one-sentence `ai_summary`, when the API gives one. */
  aiSummary: z.string().min(1).optional(),
});
export type Paper = z.infer<typeof PaperSchema>;

/** A paper as kept in the store: every source's fields merged, one row per paper id. */
export interface StoredPaper {
  id: string;
  arxivId?: string;
  title: string;
  abstract: string;
  authors: string[];
  links: string[];
  keywords: string[];
  categories: string[];
  /** Highest upvote count seen; undefined when no source knows. */
  upvotes?: number;
  publishedAt?: string;
  /** Every digest date this paper appeared in, ascending. */
  digestDates: string[];
  sources: Source[];
  flags: Array<'no-abstract'>;
  /** Hugging Face's one-sentence summary (first one seen is kept). */
  aiSummary?: string;
  /**
   * The extractive TL;DR as stored by versions that extracted it at ingest (still valid for the
   * title and abstract it came with); now extracted when shown (cards.ts paperTldr).
   */
  tldr?: string;
  /** Store-assigned, increases on every insert or change: lets an index catch up incrementally. */
  seq: number;
}

/** What the search index reads of a stored paper (index-writer.ts): its text, filters and place. */
export type IndexedPaper = Pick<StoredPaper, 'id' | 'seq' | 'title' | 'abstract' | 'authors' | 'keywords' | 'links' | 'upvotes' | 'sources' | 'digestDates'>;

/** The best link to show for a paper: arXiv abs page when known, else its first link. */
export function bestLink(p: Pick<StoredPaper, 'arxivId' | 'links'>): string | undefined {
  if (p.arxivId) return `https://arxiv.org/abs/${p.arxivId}`;
  return p.links[0];
}
