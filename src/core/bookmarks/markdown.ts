import { shortenAuthors } from '../cards.js';
import { bestLink, type StoredPaper } from '../paper.js';
import type { Annotations } from './citation-fields.js';

// Brackets and backslashes would break the [title](url) link; * _ ` would turn into formatting.
const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1');

/** A Markdown reading list: one bullet per paper with its link, authors and id; tags, read state and note below it. */
export function toMarkdown(papers: StoredPaper[], heading = 'Bookmarked papers', notes: Annotations = new Map()): string {
  const lines = papers.map((p) => {
    const title = escapeMd(p.title.replace(/\s+/g, ' ').trim());
    const url = bestLink(p);
    const link = url ? `[${title}](${url.replace(/[()\s]/g, encodeURIComponent)})` : title;
    const bits = [shortenAuthors(p.authors), p.digestDates.at(-1) && `digest ${p.digestDates.at(-1)}`, p.arxivId ? `arXiv:${p.arxivId}` : `id ${p.id}`]
      .filter(Boolean)
      .map((b) => escapeMd(String(b)));
    const a = notes.get(p.id);
    const extra: string[] = [];
    if (a?.tags.length || a?.readAt) extra.push([a.readAt ? `read ${a.readAt.slice(0, 10)}` : '', a.tags.map((t) => `#${t}`).join(' ')].filter(Boolean).map(escapeMd).join(' · '));
    // A note may hold several lines: each becomes a line of the quote under the bullet.
    if (a?.note) extra.push(...a.note.trim().split(/\r?\n/).map((l) => `> ${escapeMd(l)}`));
    return [`- ${link} — ${bits.join(' · ')}`, ...extra.map((l) => `  ${l}`)].join('\n');
  });
  return `# ${heading}\n\n${lines.join('\n')}\n`;
}
