import { z } from "zod";
const SourceSchema = z.enum([
  "hf-digest-text",
  // the Hugging Face Daily Papers page/email as copied
  "hf-api",
  // GET /api/daily_papers JSON
  "arxiv-rss",
  // rss.arxiv.org RSS 2.0
  "arxiv-atom",
  // export.arxiv.org/api/query Atom
  "arxiv-jsonl",
  // arXiv "new" listings as JSON lines
  "arxiv-kaggle"
  // Kaggle arXiv metadata snapshot (JSON lines)
]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");
const PaperSchema = z.object({
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
  flags: z.array(z.enum(["no-abstract"]))
});
function bestLink(p) {
  if (p.arxivId) return `https://arxiv.org/abs/${p.arxivId}`;
  return p.links[0];
}
export {
  PaperSchema,
  SourceSchema,
  bestLink
};
//# sourceMappingURL=paper.js.map
