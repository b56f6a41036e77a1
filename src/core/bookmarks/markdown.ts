import { shortenAuthors } from '../cards.js';
import { bestLink, type StoredPaper } from '../paper.js';

// Brackets and backslashes would break the [title](url) link; * _ ` would turn into formatting.
const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1');

/** A Markdown reading list: one bullet per paper with its link, authors and id. */
export function toMarkdown(papers: StoredPaper[], heading = 'Bookmarked papers'): string {
  const lines = papers.map((p) => {
    const title = escapeMd(p.title.replace(/\s+/g, ' ').trim());
    const url = bestLink(p);
    const link = url ? `[${title}](${url.replace(/[()\s]/g, encodeURIComponent)})` : title;
    const bits = [shortenAuthors(p.authors), p.digestDates.at(-1) && `digest ${p.digestDates.at(-1)}`, p.arxivId ? `arXiv:${p.arxivId}` : `id ${p.id}`]
      .filter(Boolean)
      .map((b) => escapeMd(String(b)));
    return `- ${link} — ${bits.join(' · ')}`;
  });
  return `# ${heading}\n\n${lines.join('\n')}\n`;
}
